/**
 * Campaigns in the browser (issue 13 "Done when"): `npm start`'s server with the H5 build. The
 * manager creates a campaign from the welcome track, edits it (its trial invitation goes out at
 * once, at any hour), previews it and activates it; a prospect registers; the test calls the
 * runner's cron route with the secret; the prospect, who holds no WeChat grant, sees the in-app
 * message and the dot on the Me tab, opens it, and the campaign page counts the click, once.
 * Then the editor's whole reach: a second campaign narrowed by score, campus and tag with the live
 * count following, a step 24 hours before the booked class with an A/B variant, previewed unsaved,
 * and saved with all of it.
 * Screenshots at 375×812 go to test-results/screenshots/ (not committed).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type CampaignDetailResponse, campaignDocumentSchema, type RunCampaignsResponse } from '@scrm/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, startProduct } from './start-product.js';
import { hasChromium, launchChromium, PHONE, registerOnForm, SCREENSHOTS } from './steps.js';

const CRON_SECRET = randomBytes(24).toString('hex');
const TRACK = '新用户欢迎旅程';
const INVITE_STEP = '第 5 周：邀请预约试听';
const DRIP_TRACK = '按购买阶段培育';
/** The in-app message of the invitation: its template's title (server/services/campaigns/compose-message.ts). */
const MESSAGE_TITLE = '课程动态通知';

describe.runIf(hasChromium)('a campaign from activation to a counted click, in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let contexts: BrowserContext[];
  let staff: Page;
  let prospect: Page;
  let campaignId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    product = await startProduct({ timeoutMs: 280_000, env: { CRON_SECRET } });
    browser = await launchChromium();
    contexts = await Promise.all([browser.newContext(PHONE), browser.newContext(PHONE)]);
    [staff, prospect] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const shot = async (page: Page, name: string, fullPage = true) => {
    // Taro's H5 router slides a new page in; a picture taken mid-slide shows two pages.
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}/campaigns-${name}.png`, fullPage });
  };
  /** The visible page of Taro's H5 router (earlier pages stay in the DOM, hidden). */
  const current = (page: Page, selector: string) => page.locator(selector).last();
  /** Calls the API with the staff token the browser holds, as the page would. */
  const staffApi = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const raw = await staff.evaluate('window.localStorage.getItem("scrm.session.v1")');
    const stored = typeof raw === 'string' ? (JSON.parse(raw) as { data?: string }).data : undefined;
    const token = stored ? (JSON.parse(stored) as { staff?: { token?: string } | null }).staff?.token : null;
    if (!token) throw new Error('no staff session in the browser');
    const res = await fetch(`${product.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const runCron = async (authorization: string) =>
    fetch(`${product.url}/api/cron/campaigns`, { method: 'POST', headers: { authorization } });
  const confirmModal = async (page: Page) => {
    await page.locator('.taro__modal').getByText('确定', { exact: true }).click();
  };

  it('the manager creates a campaign from a built-in track, edits it with a live count, and previews it', async () => {
    await staff.goto(`${product.url}/#/admin/pages/leads/index`);
    await current(staff, '.staff-gate__demo').getByText('主管', { exact: true }).click();
    await current(staff, '.leads').locator('.lead-row').first().waitFor();
    await shot(staff, '0-workbench', false);
    await current(staff, '.leads').getByText('营销活动', { exact: true }).click();
    const list = current(staff, '.campaigns');
    // The demo seeds every built-in track as an active campaign.
    await list.locator('.campaign-card').filter({ hasText: TRACK }).getByText('进行中').waitFor();
    await shot(staff, '1-list');

    await list.locator('.campaigns__track').filter({ hasText: TRACK }).click();
    const page = current(staff, '.campaign');
    await page.getByText('草稿', { exact: true }).waitFor();
    campaignId = new URL(staff.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    expect(campaignId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByText('编辑受众与步骤').click();
    const editor = current(staff, '.campaign-edit');
    await editor.getByText('当前符合条件：', { exact: false }).waitFor();
    const hours = editor.locator('.campaign-editor__hours input');
    await hours.nth(0).fill('00:00');
    await hours.nth(1).fill('24:00');
    const inviteCard = editor.locator('.campaign-editor__step').filter({ hasText: INVITE_STEP });
    await inviteCard.locator('.campaign-editor__amount input').fill('0');
    // A restriction changes the live count's request; lifting it again keeps the track's audience.
    await editor.getByText('购买', { exact: true }).click();
    await editor.getByText('购买', { exact: true }).click();
    await editor.getByText('当前符合条件：', { exact: false }).waitFor();
    await shot(staff, '2-edit');
    await editor.getByText('保存为新版本').click();

    await current(staff, '.campaign').getByText('第 2 版', { exact: false }).waitFor();
    const saved = await staffApi<CampaignDetailResponse>(`/api/staff/campaigns/${campaignId}`);
    const document = campaignDocumentSchema.parse(saved.campaign.document);
    const invite = document.steps.find((s) => s.label === INVITE_STEP);
    expect(invite?.timing.offsetMinutes).toBe(0);
    expect(document.sendRules.window.sendHours).toEqual({ from: '00:00', to: '24:00' });

    await current(staff, '.campaign').getByText('预览（以我为收件人）').click();
    const preview = current(staff, '.campaign-preview');
    const invitePreview = preview.locator('.campaign-preview__step').filter({ hasText: INVITE_STEP });
    await invitePreview.getByText('免费试听课', { exact: true }).waitFor();
    await shot(staff, '3-preview');
    await invitePreview.scrollIntoViewIfNeeded();
    await shot(staff, '3-preview-invite', false);
    // 发送测试 goes to the manager's own WeChat; the demo manager holds no grant of the template,
    // so the stand-in refuses it as WeChat would (43101), and the page says so.
    await invitePreview.getByText('发送测试', { exact: true }).click();
    await staff.getByText('你还没有订阅该模板消息，微信拒收（43101）').waitFor();
  });

  it('the manager activates it after confirming', async () => {
    const page = current(staff, '.campaign');
    await page.getByText('启用', { exact: true }).click();
    await confirmModal(staff);
    await page.getByText('进行中', { exact: true }).waitFor();
    await shot(staff, '4-active', false);
  });

  it('a prospect registers; the runner, called with the secret only, sends the in-app message', async () => {
    await prospect.goto(`${product.url}/#/pages/register/index`);
    await registerOnForm(prospect, { name: '周子涵', phone: '13600136000' });
    await prospect.getByText('登记成功', { exact: false }).first().waitFor();

    expect((await runCron('Bearer not-the-secret')).status).toBe(401);
    // `npm start` also runs the runner every minute: either run may be the one that sends.
    let inApp = 0;
    for (let run = 0; run < 5; run += 1) {
      const res = await runCron(`Bearer ${CRON_SECRET}`);
      expect(res.status).toBe(200);
      inApp += ((await res.json()) as RunCampaignsResponse).sent.inAppMessage;
      const detail = await staffApi<CampaignDetailResponse>(`/api/staff/campaigns/${campaignId}`);
      if (detail.campaign.counts.sent > 0) break;
    }
    const detail = await staffApi<CampaignDetailResponse>(`/api/staff/campaigns/${campaignId}`);
    expect(detail.campaign.counts.sent).toBe(1);
    expect(detail.steps.find((s) => s.label === INVITE_STEP)).toMatchObject({ sentInApp: 1, sentSubscribe: 0 });
    expect(inApp).toBeLessThanOrEqual(1);
  });

  it('the prospect opens the app, sees the dot on Me and the unread message, and opens it', async () => {
    await prospect.goto(`${product.url}/#/pages/index/index`);
    await prospect.reload();
    await prospect.locator('.weui-tabbar .weui-badge_dot').waitFor();
    await shot(prospect, '5-tab-dot', false);

    await prospect.locator('.weui-tabbar').getByText('我的', { exact: true }).click();
    const me = current(prospect, '.me');
    const message = me.locator('.me__message--unread').filter({ hasText: MESSAGE_TITLE });
    await message.getByText('免费试听课', { exact: false }).waitFor();
    await me.getByText('1 条未读').waitFor();
    await shot(prospect, '6-me-messages');

    await message.click();
    // The invitation links to the trial tab.
    await current(prospect, '.trial').waitFor();
    await prospect.locator('.weui-tabbar .weui-badge_dot').waitFor({ state: 'detached' });
    await prospect.locator('.weui-tabbar').getByText('我的', { exact: true }).click();
    await current(prospect, '.me').locator('.me__message').filter({ hasText: MESSAGE_TITLE }).waitFor();
    expect(await current(prospect, '.me').locator('.me__message--unread').count()).toBe(0);
    await shot(prospect, '7-me-read');
    // Opening it again is no second click.
    await current(prospect, '.me').locator('.me__message').filter({ hasText: MESSAGE_TITLE }).click();
    await current(prospect, '.trial').waitFor();
  });

  it('the campaign page counts the click, once', async () => {
    await staff.reload();
    const page = current(staff, '.campaign');
    const funnel = page.locator('.step-funnel').filter({ hasText: INVITE_STEP });
    await funnel.locator('.step-funnel__row').filter({ hasText: '点击' }).getByText('1', { exact: true }).waitFor();
    await shot(staff, '8-counted');
    // Taro's H5 page scrolls inside its own container: a full-page picture would not reach the step.
    await funnel.scrollIntoViewIfNeeded();
    await shot(staff, '9-step-funnel', false);
    const detail = await staffApi<CampaignDetailResponse>(`/api/staff/campaigns/${campaignId}`);
    expect(detail.campaign.counts.clicked).toBe(1);
    expect(detail.steps.find((s) => s.label === INVITE_STEP)?.clicked).toBe(1);
  });

  it('the editor narrows a campaign by score, campus and tag with a live count, adds a step before the booked class with a variant, previews and saves', async () => {
    await staff.goto(`${product.url}/#/admin/pages/campaigns/index`);
    const list = current(staff, '.campaigns');
    await list.locator('.campaigns__track').filter({ hasText: DRIP_TRACK }).click();
    await current(staff, '.campaign').getByText('草稿', { exact: true }).waitFor();
    const dripId = new URL(staff.url().replace('/#/', '/')).searchParams.get('id') ?? '';
    await current(staff, '.campaign').getByText('编辑受众与步骤').click();
    const editor = current(staff, '.campaign-edit');
    const audience = editor.locator('.campaign-editor__audience');
    const liveCount = audience.locator('.campaign-editor__count:not(.muted)');
    const readCount = async () => Number((await liveCount.textContent())?.match(/(\d+) 人/)?.[1]);
    await liveCount.waitFor();
    const before = await readCount();
    await shot(staff, '10-editor', false);

    // The tag picker offers the tags leads carry, with how many carry each.
    await audience
      .locator('.chip')
      .filter({ hasText: /^老生推荐 \d+$/ })
      .click();
    await expect.poll(readCount, { timeout: 10_000 }).not.toBe(before);
    const withTag = await readCount();
    await audience
      .locator('.chip')
      .filter({ hasText: /^上海徐汇校区 \d+$/ })
      .click();
    await audience.locator('.campaign-editor__score-min input').fill('0');
    await audience.locator('.campaign-editor__score-max input').fill('500');
    await expect.poll(readCount, { timeout: 10_000 }).toBeLessThanOrEqual(withTag);
    await audience.scrollIntoViewIfNeeded();
    await shot(staff, '11-audience', false);

    // A new step: the trial reminder template, 24 hours before the booked class, opening the trial page.
    await editor.getByText('+ 添加步骤').click();
    const stepCount = await editor.locator('.campaign-editor__step').count();
    await editor
      .locator('.campaign-editor__new-step .chip')
      .filter({ hasText: /^试听课程提醒$/ })
      .click();
    await expect.poll(() => editor.locator('.campaign-editor__step').count()).toBe(stepCount + 1);
    const step = editor.locator('.campaign-editor__step').last();
    await step.locator('.campaign-editor__field').filter({ hasText: '温馨提示' }).waitFor();
    await step
      .locator('.chip')
      .filter({ hasText: /^试听开始$/ })
      .click();
    await step
      .locator('.chip')
      .filter({ hasText: /^之前$/ })
      .click();
    await step.locator('.campaign-editor__amount input').fill('24');
    await step
      .locator('.chip')
      .filter({ hasText: /^小时$/ })
      .click();
    await step.locator('.campaign-editor__timing').filter({ hasText: '试听开始前 1 天' }).waitFor();
    await step
      .locator('.chip')
      .filter({ hasText: /^预约试听$/ })
      .click();

    // A variant B with its own reminder; WeChat's 20-character rule shows while typing.
    await step.getByText('+ 添加版本').click();
    const variantB = step.locator('.campaign-editor__variant').filter({ hasText: '版本 B' });
    const tip = variantB.locator('.campaign-editor__field').filter({ hasText: '温馨提示' }).locator('input');
    await tip.fill('明天的试听课请提前十分钟到达教室，带好笔记本和水杯');
    await variantB.getByText('超过 20 字').waitFor();
    await tip.fill('明天见！请提前十分钟到');
    await variantB.getByText('11/20').waitFor();
    await step.scrollIntoViewIfNeeded();
    await shot(staff, '12-step-variant', false);

    // The preview renders the unsaved draft for the manager, variant by variant: the manager has
    // booked no class, so the reminder says it would not go to them, and why.
    await editor.getByText('预览修改后的消息（以我为收件人）').click();
    const preview = editor.locator('.campaign-preview');
    const newStep = preview.locator('.campaign-preview__step').filter({ hasText: `第 ${stepCount + 1} 步` });
    await newStep.filter({ hasText: '版本 B' }).getByText('该用户没有试听预约', { exact: false }).waitFor();
    expect(await newStep.count()).toBe(2);
    await preview.scrollIntoViewIfNeeded();
    await shot(staff, '13-draft-preview', false);

    const shownCount = await readCount();
    await editor.getByText('保存为新版本').click();
    await current(staff, '.campaign').getByText('第 2 版', { exact: false }).waitFor();
    const saved = await staffApi<CampaignDetailResponse>(`/api/staff/campaigns/${dripId}`);
    const document = campaignDocumentSchema.parse(saved.campaign.document);
    const conditions = 'all' in document.audience ? document.audience.all : [document.audience];
    expect(conditions).toEqual(
      expect.arrayContaining([
        { kind: 'score', min: 0, max: 500 },
        { kind: 'campus', in: [expect.any(String)] },
        { kind: 'tags', anyOf: ['老生推荐'] },
      ]),
    );
    expect(document.steps.at(-1)).toMatchObject({
      timing: { anchor: 'trial_start', offsetMinutes: -1440 },
      message: { template: 'trial_reminder', link: 'trial' },
      variants: [
        { key: 'a', weight: 50 },
        { key: 'b', weight: 50, fields: { thing4: '明天见！请提前十分钟到' } },
      ],
    });
    const { audienceSize } = await staffApi<{ audienceSize: number }>('/api/staff/campaigns/audience-count', {
      method: 'POST',
      body: { document },
    });
    expect(audienceSize).toBe(shownCount);
  });
});
