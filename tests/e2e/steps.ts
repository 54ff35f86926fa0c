/**
 * Steps of the browser journey that several tests take (tests/e2e/journey.test.ts). Taro's H5
 * router keeps earlier pages in the DOM, hidden: every step is scoped to the visible page.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOTS = 'test-results/screenshots';
/** The issue 14 phone: an iPhone X-class screen. */
export const VIEWPORT = { width: 375, height: 812 };
/** A browser context of that phone, at its pixel density, in Chinese. */
export const PHONE = { viewport: VIEWPORT, deviceScaleFactor: 2, locale: 'zh-CN' };

/** Debian's Chromium (`apt-get install chromium`, as `.ci/run` does); the suites skip without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stdout.write(`e2e: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);

/** Headless Chromium without the background work that only slows a test machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** After Taro's page transition (about 300 ms) has ended, or it shows two pages half each. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The way back of a non-tab page (components/sub-page): its header's 返回. */
export async function goBackByHeader(page: Page) {
  await page.locator('.sub-page__back:visible').last().click();
}

/** The messages the registration form shows (miniprogram/src/hooks/use-registration-form.ts). */
export const FORM_MESSAGES = {
  nameEmpty: '请输入姓名',
  phoneEmpty: '请输入手机号',
  phoneBad: '请输入以 1 开头的 11 位手机号',
  role: '请选择你是学生本人还是家长',
  grade: '请选择年级',
  courseId: '请选择意向课程',
  timeline: '请选择计划何时报名',
  campusId: '请选择校区',
  consent: '请勾选同意《隐私政策》后再提交',
} as const;

/**
 * Every kind of wrong input says what is wrong where it is: nothing before the user has done
 * anything, a bad phone on blur, every missing field and the consent on submit.
 */
export async function checkFormMessages(page: Page) {
  const form = page.locator('.register').last();
  await form.getByText('提交登记').waitFor();
  expect(await form.locator('[role="alert"]').count(), 'no message before any input').toBe(0);
  await form.locator('input[placeholder="请输入手机号"]').fill('1380013');
  await form.locator('input[placeholder="请输入姓名"]').focus();
  await form.getByText(FORM_MESSAGES.phoneBad).waitFor();
  await form.locator('input[placeholder="请输入手机号"]').fill('');
  await form.getByText('提交登记').click();
  for (const message of Object.values(FORM_MESSAGES).filter((m) => m !== FORM_MESSAGES.phoneBad)) {
    await form.getByText(message, { exact: true }).first().waitFor();
  }
  await form.getByText('项需要完善', { exact: false }).waitFor();
  await shot(page, '04-register-errors');
}

export interface Registrant {
  name: string;
  phone: string;
}

/** Fills the registration form the way a parent would, with consent, and submits it. */
export async function registerOnForm(page: Page, who: Registrant = { name: '王小明', phone: '13800138000' }) {
  // Taro's H5 router keeps earlier pages in the DOM, hidden: every step is scoped to its page.
  const form = page.locator('.register').last();
  await form.locator('input[placeholder="请输入姓名"]').fill(who.name);
  await form.locator('input[placeholder="请输入手机号"]').fill(who.phone);
  for (const option of ['家长', '初中', '雅思 7 分冲刺班', '三个月内', '上海徐汇校区']) {
    await form.getByText(option, { exact: true }).click();
  }
  await form.getByText('我已阅读并同意', { exact: false }).click();
  expect(await form.locator('[role="alert"]').count(), 'every message gone once fixed').toBe(0);
  await form.getByText('提交登记').click();
}
