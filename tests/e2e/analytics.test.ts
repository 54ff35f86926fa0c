/**
 * 数据 in the browser (issue 15 "Done when"): `npm start`'s server with the H5 build and its demo
 * history, headless Chromium at 375×812. The demo manager (`dev-manager`) opens 数据 from the
 * workbench, sees the funnel, the velocity chart (drawn on its canvas), sources, campaign ROI and
 * attribution, then switches the period, a campus and the attribution model, enters a cost that
 * moves a campaign's ROI, corrects it, and downloads a table as CSV. Screenshots go to
 * test-results/screenshots/ (not committed).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CAMPUSES } from '../../server/services/seed/demo-catalog.js';
import { type RunningProduct, startProduct } from './start-product.js';
import { hasChromium, launchChromium, PHONE, SCREENSHOTS } from './steps.js';

describe.runIf(hasChromium)('数据 in the browser', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    product = await startProduct({ timeoutMs: 280_000 });
    browser = await launchChromium();
    const context = await browser.newContext(PHONE);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The visible page of Taro's H5 router (earlier pages stay in the DOM, hidden). */
  const current = (selector: string) => page.locator(selector).last();
  const shot = async (name: string) => {
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-${name}.png`, fullPage: true });
  };
  /**
   * Polls an expression in the page. Not `waitForFunction`: the H5 app's CSP forbids the eval it
   * uses, while `evaluate` runs through the debugger protocol.
   */
  const until = async (expression: string) => {
    for (let i = 0; i < 100; i += 1) {
      if ((await page.evaluate(expression)) === true) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`timed out waiting for ${expression}`);
  };
  /** Waits for the figures of the current filters (the body is dimmed while they load). */
  const settled = async () => {
    await current('.analytics__body').waitFor();
    await until("document.querySelectorAll('.analytics__body--stale').length === 0");
  };
  const funnelCount = async (stage: string) =>
    Number(
      await current('.analytics')
        .locator('.funnel__row')
        .filter({ hasText: stage })
        .locator('.funnel__count')
        .innerText(),
    );

  /** The count once the filter just chosen has loaded (it differs from the one before). */
  const funnelCountAfter = async (stage: string, before: number) => {
    for (let i = 0; i < 100; i += 1) {
      await settled();
      const now = await funnelCount(stage);
      if (now !== before) return now;
      await page.waitForTimeout(100);
    }
    throw new Error(`the ${stage} count stayed ${before}`);
  };

  it('opens 数据 from the workbench as the demo manager and shows every chart', async () => {
    await page.goto(`${product.url}/#/admin/pages/leads/index`);
    await current('.staff-gate__demo').getByText('主管', { exact: true }).click();
    await current('.leads__links').getByText('数据', { exact: true }).click();
    await settled();
    const view = current('.analytics');
    for (const title of ['漏斗', '阶段速度', '来源：线索与收入', '活动 ROI', '渠道归因'])
      await view.getByText(title).waitFor();
    expect(await funnelCount('知晓')).toBeGreaterThan(0);
    expect(await view.locator('.funnel__conversion').count()).toBeGreaterThan(3);
    expect(await view.locator('.roi-table__row').count()).toBeGreaterThan(2);
    await view.locator('.bar-list__bar--orange').first().waitFor();
    // The velocity chart drew lines: some of its pixels are not blank.
    // (A string: this file is compiled without the DOM's types.)
    const inked = await page.evaluate(`(() => {
      const canvas = [...document.querySelectorAll('.velocity-chart__canvas canvas, canvas.velocity-chart__canvas')].pop();
      if (!canvas) return 0;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
      return n;
    })()`);
    expect(inked).toBeGreaterThan(500);
    await shot('1-last-90-days');
    await view.locator('.velocity-chart').scrollIntoViewIfNeeded();
    await shot('1b-velocity-and-sources');
  });

  it('switches the period and a campus, and the funnel follows', async () => {
    const view = current('.analytics');
    const ninetyDays = await funnelCount('知晓');
    await view.getByText('近180天', { exact: true }).click();
    const halfYear = await funnelCountAfter('知晓', ninetyDays);
    expect(halfYear).toBeGreaterThan(ninetyDays);
    await shot('2-last-180-days');
    const campus = DEMO_CAMPUSES[0]?.name ?? '';
    await view.getByText(campus, { exact: true }).click();
    const oneCampus = await funnelCountAfter('知晓', halfYear);
    expect(oneCampus).toBeGreaterThan(0);
    expect(oneCampus).toBeLessThan(halfYear);
    await shot('3-one-campus');
  });

  it('switches the attribution model', async () => {
    const section = current('.analytics__section').filter({ hasText: '渠道归因' });
    const captions = () => section.locator('.bar-list__caption').allInnerTexts();
    const uShaped = await captions();
    await section.getByText('首次触点', { exact: true }).click();
    const attributionCaptions = `JSON.stringify([...document.querySelectorAll('.analytics__section')]
      .filter((s) => s.textContent.includes('渠道归因'))
      .flatMap((s) => [...s.querySelectorAll('.bar-list__caption')].map((c) => c.textContent)))`;
    await until(`${attributionCaptions} !== ${JSON.stringify(JSON.stringify(uShaped))}`);
    expect(await captions()).not.toEqual(uShaped);
    await section.scrollIntoViewIfNeeded();
    await shot('4-first-touch');
  });

  /** A section of the visible 数据 page by its title. */
  const section = (title: string) =>
    current('.analytics')
      .locator('.analytics__section')
      .filter({ has: page.locator('.analytics__title', { hasText: title }) });
  /** The ROI cell of one campaign's row in the 活动 ROI table. */
  const roiOf = (campaign: string) =>
    current('.roi-table').locator('.roi-table__row').filter({ hasText: campaign }).locator('.roi-table__cell').last();

  /** The campaign whose ROI the cost tests move, and its ROI cell before any cost was entered. */
  let campaign = '';
  let before = { text: '', isLoss: false };
  /** Waits until the campaign's ROI is no longer `text`, and returns the new one. */
  const roiChangedFrom = async (text: string) => {
    for (let i = 0; i < 100 && (await roiOf(campaign).innerText()).trim() === text; i += 1)
      await page.waitForTimeout(100);
    return (await roiOf(campaign).innerText()).trim();
  };
  const isLoss = async () => ((await roiOf(campaign).getAttribute('class')) ?? '').includes('roi-table__cell--loss');

  it('enters a campaign cost, and the ROI of that campaign falls', async () => {
    const view = current('.analytics');
    const costs = section('投放成本');
    await costs.locator('.cost-form').waitFor();
    campaign = (
      await view.locator('.roi-table__row:not(.roi-table__row--head) .roi-table__cell--name').first().innerText()
    ).trim();
    before = { text: (await roiOf(campaign).innerText()).trim(), isLoss: await isLoss() };
    await costs.locator('.cost-form__target input').fill(campaign);
    // Far more than any demo campaign earns: its ROI turns into a loss whatever it was.
    await costs.locator('.cost-form__amount input').fill('9999999');
    await costs.getByText('记录成本', { exact: true }).click();
    await costs
      .locator('.cost-entries__row')
      .filter({ hasText: campaign })
      .filter({ hasText: '¥9,999,999.00' })
      .waitFor();
    const after = await roiChangedFrom(before.text);
    expect(after).not.toBe(before.text);
    expect(after.startsWith('-')).toBe(true);
    await expect.poll(() => roiOf(campaign).getAttribute('class')).toContain('roi-table__cell--loss');
    await costs.scrollIntoViewIfNeeded();
    await shot('5-cost-entered');
  });

  it('corrects that cost to one yuan, and the ROI table follows', async () => {
    const costs = section('投放成本');
    const loss = (await roiOf(campaign).innerText()).trim();
    const entered = costs
      .locator('.cost-entries__row')
      .filter({ hasText: campaign })
      .filter({ hasText: '¥9,999,999.00' });
    await entered.locator('.cost-entries__edit').click();
    const form = costs.locator('.cost-form--editing');
    await form.getByText('修改这笔成本').waitFor();
    // The form starts from the entry's own values.
    expect(await form.locator('.cost-form__target input').inputValue()).toBe(campaign);
    expect(await form.locator('.cost-form__amount input').inputValue()).toBe('9999999');
    await form.locator('.cost-form__amount input').fill('12.345');
    await form.getByText('保存修改', { exact: true }).click();
    await form.getByText('请输入正确的金额（元）').waitFor();
    await form.locator('.cost-form__amount input').fill('1');
    await form.getByText('保存修改', { exact: true }).click();
    await costs.locator('.cost-entries__row').filter({ hasText: campaign }).filter({ hasText: '¥1.00' }).waitFor();
    expect(await costs.locator('.cost-entries__row').filter({ hasText: '¥9,999,999.00' }).count()).toBe(0);
    expect(await costs.locator('.cost-form--editing').count()).toBe(0);
    const corrected = await roiChangedFrom(loss);
    expect(corrected).not.toBe(loss);
    // One yuan more than the demo's own spend does not turn a gain into a loss, or the reverse.
    expect(await isLoss()).toBe(before.isLoss);
    await section('活动 ROI').scrollIntoViewIfNeeded();
    await shot('6-cost-corrected');
  });

  it('downloads the campaign ROI table as CSV', async () => {
    const roi = section('活动 ROI');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      roi.getByText('导出 CSV', { exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^活动ROI-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const [header] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toBe(
      '活动或渠道,费用（元）,新线索,MQL,报名客户,收入（元）,单线索成本（元）,单MQL成本（元）,单客户成本（元）,ROI',
    );
    expect(text.split(/\r?\n/).length).toBeGreaterThan(2);
  });
});
