/**
 * 评分模型 in the browser (issue 15 §4): `npm start`'s server with the H5 build, headless Chromium.
 * The demo's institution-wide manager (`dev-manager`) follows the workbench's 评分模型 link and
 * sees the active model with its strongest rules and how many leads have an outcome; with none
 * yet, the fit button waits and the page says why.
 * A screenshot at 375×812 goes to test-results/screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProduct, startProduct } from './start-product.js';
import { hasChromium, launchChromium, PHONE, SCREENSHOTS } from './steps.js';

describe.runIf(hasChromium)('评分模型 in the browser', () => {
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

  it('the manager opens it from the workbench and sees the active model and the outcome count', async () => {
    await page.goto(`${product.url}/#/admin/pages/leads/index`);
    await current('.staff-gate__demo').getByText('主管', { exact: true }).click();
    await current('.leads').getByText('评分模型', { exact: true }).click();
    const scoring = current('.scoring');
    await scoring.getByText(`当前模型 v${DEFAULT_SCORING_MODEL.version}`).waitFor();
    // The default model's strongest rule is the enrolment itself, +50.
    await scoring.getByText('+50', { exact: true }).first().waitFor();
    await scoring.getByText(/有结果的线索 \d+ 条/).waitFor();
    await scoring.getByText('还没有候选模型', { exact: false }).waitFor();
    const fitButton = scoring.getByText('拟合候选模型', { exact: true });
    expect(await fitButton.isVisible()).toBe(true);
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${SCREENSHOTS}/scoring-models.png`, fullPage: true });
  });
});
