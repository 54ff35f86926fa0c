/**
 * Channel codes in the browser (issue 13 §4): `npm start`'s server with the H5 build, two phones.
 * The manager creates a channel on 渠道码 and sees its code (the stand-in's QR PNG, fetched with the
 * staff token); a parent opens the landing page with the code's `?scene=` as a scan would, registers,
 * and the channel's page counts the registration. Screenshots `channels-*.png` at 375×812.
 */
import { mkdirSync } from 'node:fs';
import type { ChannelDetailResponse, ListChannelsResponse, ListStaffLeadsResponse } from '@scrm/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, startProduct } from './start-product.js';
import { hasChromium, launchChromium, PHONE, registerOnForm, SCREENSHOTS } from './steps.js';

const CHANNEL_NAME = '2026 秋季教育展';
const PARENT = { name: '周子涵', phone: '13711112222' };

describe.runIf(hasChromium)('channel codes in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let staff: Page;
  let parent: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    product = await startProduct({ timeoutMs: 280_000 });
    browser = await launchChromium();
    staff = await (await browser.newContext(PHONE)).newPage();
    parent = await (await browser.newContext(PHONE)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const shot = async (page: Page, name: string) => {
    // Taro's H5 router slides a new page in; a picture taken mid-slide shows two pages.
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}/channels-${name}.png`, fullPage: true });
  };
  /** The visible page of Taro's H5 router (earlier pages stay in the DOM, hidden). */
  const current = (selector: string) => staff.locator(selector).last();
  const staffApi = async <T>(path: string): Promise<T> => {
    // Taro's H5 storage wraps each value: `{"data": "<the session's JSON>"}`.
    const raw = await staff.evaluate('window.localStorage.getItem("scrm.session.v1")');
    const stored = typeof raw === 'string' ? (JSON.parse(raw) as { data?: string }).data : undefined;
    const token = stored ? (JSON.parse(stored) as { staff?: { token?: string } | null }).staff?.token : null;
    if (!token) throw new Error('no staff session in the browser');
    const res = await fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  let channelId = '';
  let scene = '';

  it('the manager creates a channel on 渠道码 and sees its code', async () => {
    await staff.goto(`${product.url}/#/admin/pages/leads/index`);
    await current('.staff-gate__demo').getByText('主管', { exact: true }).click();
    await current('.leads').getByText('渠道码', { exact: true }).click();
    const page = current('.channels');
    await page.getByText('还没有渠道', { exact: false }).waitFor();
    await shot(staff, '1-empty');

    await page.getByText('新建渠道', { exact: true }).click();
    const form = current('.channel-form');
    await form.getByText('生成渠道码', { exact: true }).click();
    await form.getByText('请填写渠道名称').waitFor();
    await form.locator('input[placeholder="例如 2026 秋季教育展"]').fill(CHANNEL_NAME);
    await form.getByText('展会/招生咨询会', { exact: true }).click();
    await form.getByText('上海徐汇校区', { exact: true }).click();
    await form.locator('input[placeholder="例如 welcome-2026"]').fill('autumn-fair-2026');
    await shot(staff, '2-form');
    await form.getByText('生成渠道码', { exact: true }).click();

    const detail = current('.channel');
    await detail.getByText(CHANNEL_NAME).waitFor();
    const image = detail.locator('.channel__image img');
    await image.waitFor();
    // Strings, not functions: they run in the page, and this file is type-checked without the DOM.
    const loadedWidths =
      "[...document.querySelectorAll('.channel__image img')].map((i) => i.complete ? i.naturalWidth : 0)";
    await staff.waitForFunction(`${loadedWidths}.some((w) => w > 0)`, undefined, { timeout: 15_000 });
    const width = Math.max(...((await staff.evaluate(loadedWidths)) as number[]));
    expect(width, 'the 1280 px print-size PNG').toBe(1280);
    await detail.getByText('保存二维码', { exact: true }).waitFor();
    await shot(staff, '3-detail');

    const { channels } = await staffApi<ListChannelsResponse>('/api/staff/channels');
    const created = channels.find((c) => c.name === CHANNEL_NAME);
    if (!created) throw new Error('the channel is not in the list');
    channelId = created.id;
    scene = created.scene;
    expect(created).toMatchObject({ kind: 'fair', campusName: '上海徐汇校区', campaignId: 'autumn-fair-2026' });
  });

  it('a parent scans it (the landing page with ?scene=), registers, and the channel counts the registration', async () => {
    await parent.goto(`${product.url}/#/pages/index/index?scene=${encodeURIComponent(scene)}`);
    await parent.locator('.content-card, .course-card').first().waitFor();
    await parent.goto(`${product.url}/#/pages/register/index`);
    await registerOnForm(parent, PARENT);
    // Registered: the form goes on to 我的 (its toast may be gone before a busy machine looks).
    await parent.waitForURL(/pages\/me\/index/, { timeout: 20_000 });

    // The landing page's view goes out with the tracker's next batch (a few seconds), the
    // registration at once: both count for the channel.
    const countsNow = async () => (await staffApi<ChannelDetailResponse>(`/api/staff/channels/${channelId}`)).counts;
    await expect
      .poll(countsNow, { timeout: 20_000, interval: 500 })
      .toEqual({ scans: 1, newLeads: 1, registrations: 1, bookings: 0 });
    // A fair's sign-up is low intent (SPEC §2.4): it waits in the pool, its source the channel's kind.
    const pool = await staffApi<ListStaffLeadsResponse>(`/api/staff/leads?view=pool&q=${PARENT.phone}`);
    expect(pool.items.map((item) => item.source)).toEqual(['fair']);

    // The manager's page shows it: back to the list, into the channel again.
    await staff.goto(`${product.url}/#/admin/pages/channels/index`);
    await current('.channels').getByText(CHANNEL_NAME).click();
    const detail = current('.channel');
    await detail.locator('#count-registrations').getByText('1', { exact: true }).waitFor();
    await detail.locator('#count-newLeads').getByText('1', { exact: true }).waitFor();
    await detail.locator('#count-scans').getByText('1', { exact: true }).waitFor();
    await shot(staff, '4-counted');
  });
});
