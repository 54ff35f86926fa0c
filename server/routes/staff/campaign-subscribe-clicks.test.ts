import { randomUUID } from 'node:crypto';
import { type CampaignDetailResponse, readCampaignLink } from '@scrm/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createTestApp,
  createTestCampaign,
  createTestStaff,
  logInAs,
  runCampaignCron,
  TEST_TEMPLATE_ID,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { leads, subscriptions, touchpoints } from '../../db/schema/index.js';

/** A registered prospect with one grant of the test template, in our ledger and in WeChat's. */
async function prospectWithGrant(t: TestApp, tag: string) {
  const me = await logInAs(t, `s${randomUUID().slice(0, 8)}`);
  await t.db
    .update(leads)
    .set({ tags: [tag], name: '李同学' })
    .where(eq(leads.id, me.leadId));
  await t.db
    .insert(subscriptions)
    .values({ leadId: me.leadId, templateId: TEST_TEMPLATE_ID, grantedCount: 1, lastGrantedAt: t.clock.now() });
  await t.wechat.grant(me.openid, TEST_TEMPLATE_ID, 1);
  return me;
}

/**
 * What the mini-program sends when a page opens from a subscribe message: the page's query, as
 * WeChat hands it over, read as miniprogram/src/tracking/attribution.ts `readSubscribeMessageOpen` does.
 */
function clickFromPage(t: TestApp, page: string) {
  const query = Object.fromEntries(
    (page.split('?')[1] ?? '').split('&').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key, decodeURIComponent(value)];
    }),
  );
  const link = readCampaignLink(query);
  if (!link) throw new Error(`no campaign link in ${page}`);
  return {
    id: randomUUID(),
    type: 'message_clicked',
    occurredAt: t.clock.now().toISOString(),
    campaignId: link.campaignId,
    channel: link.channel,
    props: { stepId: link.stepId, ...(link.variant ? { variant: link.variant } : {}) },
  };
}

describe('clicks on WeChat subscribe messages count on the step and the variant', () => {
  it('a subscribe send, the prospect opens its page, the step funnel and the A/B result count the click once', async () => {
    const t = await createTestApp();
    const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
    const tag = `sc-${randomUUID().slice(0, 6)}`;
    const [first, second] = [await prospectWithGrant(t, tag), await prospectWithGrant(t, tag)];
    if (!first || !second) throw new Error('no prospects');
    const document = buildTestCampaign(tag);
    const [hello] = document.steps;
    const campaign = await createTestCampaign(t, {
      ...document,
      steps: [
        {
          ...(hello as NonNullable<typeof hello>),
          variants: [
            { key: 'a', weight: 50 },
            { key: 'b', weight: 50, fields: { phrase3: '快预约' } },
          ],
        },
      ],
    });
    expect((await runCampaignCron(t)).body.sent).toEqual({ subscribeMessage: 2, inAppMessage: 0 });
    const pageOf = async (openid: string) => {
      const message = (await t.wechat.messages()).find((m) => m.touser === openid);
      if (!message?.page) throw new Error(`nothing sent to ${openid}`);
      return message.page;
    };
    const detail = async () =>
      (await t.request<CampaignDetailResponse>(`/api/staff/campaigns/${campaign.id}`, { token: manager.token })).body;
    const post = (token: string, event: object) =>
      t.request<{ accepted: number }>('/api/touchpoints', { method: 'POST', token, json: { events: [event] } });

    expect((await detail()).steps[0]).toMatchObject({ sentSubscribe: 2, clicked: 0 });
    const firstPage = await pageOf(first.openid);
    expect(firstPage).toContain(`campaignId=${campaign.id}`);
    expect(firstPage).toContain('step=hello');
    expect(firstPage).toContain('channel=subscribe_message');

    // A click on another step of the campaign is not this step's.
    const elsewhere = clickFromPage(t, firstPage);
    expect((await post(first.token, { ...elsewhere, props: { stepId: 'other' } })).body.accepted).toBe(1);
    expect((await detail()).steps[0]?.clicked).toBe(0);

    // Opened twice: two touchpoints, one click on the funnel.
    for (let i = 0; i < 2; i++) expect((await post(first.token, clickFromPage(t, firstPage))).body.accepted).toBe(1);
    const stored = await t.db
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.leadId, first.leadId), eq(touchpoints.type, 'message_clicked')));
    expect(stored).toHaveLength(3);
    expect(stored.every((row) => row.campaignId === campaign.id)).toBe(true);
    const firstVariant = readCampaignLink(
      Object.fromEntries((firstPage.split('?')[1] ?? '').split('&').map((p) => p.split('=') as [string, string])),
    )?.variant;
    expect(['a', 'b']).toContain(firstVariant);

    const after = await detail();
    expect(after.steps[0]).toMatchObject({ stepId: 'hello', sentSubscribe: 2, clicked: 1 });
    expect(after.campaign.counts.clicked).toBe(1);
    const clickedVariants = after.variants.filter((v) => v.clicked > 0);
    expect(clickedVariants).toEqual([expect.objectContaining({ stepId: 'hello', variant: firstVariant, clicked: 1 })]);

    await post(second.token, clickFromPage(t, await pageOf(second.openid)));
    const both = await detail();
    expect(both.steps[0]?.clicked).toBe(2);
    expect(both.variants.reduce((n, v) => n + v.clicked, 0)).toBe(2);
  });
});
