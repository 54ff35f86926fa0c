/** What a prospect does in the browser, shared by the browser tests. */
import type { Page } from 'playwright-core';

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
  await form.getByText('提交登记').click();
}
