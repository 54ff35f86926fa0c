import { randomUUID } from 'node:crypto';
import type { CampaignDetailResponse, CampaignPreviewResponse, CampaignTestSendResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  createCampaignLeads,
  createTestApp,
  createTestStaff,
  expectError,
  TEST_TEMPLATE_ID,
} from '../../../tests/helpers/index.js';
import { countRows } from '../../../tests/helpers/table-counts.js';
import { advisors, leads, subscriptions } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  const tag = `ts-${randomUUID().slice(0, 6)}`;
  // The lead holds a grant on both sides, so a test send that spent it would show.
  const [lead] = await createCampaignLeads(t, 1, tag, () => ({ ours: 1, wechat: 1 }));
  const created = await t.request<CampaignDetailResponse>('/api/staff/campaigns', {
    method: 'POST',
    token: manager.token,
    json: { builtInKey: 'welcome' },
  });
  const id = created.body.campaign.id;
  await t.request(`/api/staff/campaigns/${id}/document`, {
    method: 'PUT',
    token: manager.token,
    json: { document: buildTestCampaign(tag) },
  });
  const testSend = (json: unknown, campaignId = id, token = manager.token) =>
    t.request<CampaignTestSendResponse>(`/api/staff/campaigns/${campaignId}/test-send`, {
      method: 'POST',
      token,
      json,
    });
  if (!lead) throw new Error('no lead');
  return { t, manager, lead, id, testSend };
}

const messagesTo = async (t: Awaited<ReturnType<typeof setup>>['t'], openid: string) =>
  (await t.wechat.messages()).filter((m) => m.touser === openid);

describe('POST /api/staff/campaigns/:id/test-send', () => {
  it('sends the step as the preview renders it to the manager’s own WeChat, and writes nothing', async () => {
    const { t, manager, lead, id, testSend } = await setup();
    await t.wechat.grant(manager.openid, TEST_TEMPLATE_ID, 1);
    const preview = await t.request<CampaignPreviewResponse>(`/api/staff/campaigns/${id}/preview?leadId=${lead.id}`, {
      token: manager.token,
    });
    const leadBefore = await t.db.select().from(leads).where(eq(leads.id, lead.id));
    const grantsBefore = await t.db.select().from(subscriptions).where(eq(subscriptions.leadId, lead.id));
    const before = await countRows(t);

    const sent = await testSend({ stepId: 'hello', leadId: lead.id });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      leadId: lead.id,
      step: preview.body.steps[0],
      delivery: { status: 'sent', errcode: null },
    });
    const [message, ...more] = await messagesTo(t, manager.openid);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ template_id: TEST_TEMPLATE_ID, page: preview.body.steps[0]?.page });
    expect(message?.data.thing2?.value).toBe('家长0，试听课仍可预约');
    // Nothing of the lead's went anywhere: no row anywhere, the lead unchanged, no message to them.
    expect(await countRows(t)).toEqual(before);
    expect(await t.db.select().from(leads).where(eq(leads.id, lead.id))).toEqual(leadBefore);
    expect(await t.db.select().from(subscriptions).where(eq(subscriptions.leadId, lead.id))).toEqual(grantsBefore);
    expect(await messagesTo(t, lead.openid)).toEqual([]);
  });

  it('renders for a sample parent without a lead; reports WeChat’s 43101 and a manager without an openid', async () => {
    const { t, manager, testSend } = await setup();
    // WeChat knows the manager (they accepted the advisor template), but not for this step's template.
    await t.wechat.grant(manager.openid, 'tpl-new-lead', 1);
    const before = await countRows(t);
    const refused = await testSend({ stepId: 'hello' });
    expect(refused.status).toBe(200);
    expect(refused.body.leadId).toBeNull();
    expect(refused.body.step.fields).toContainEqual(expect.objectContaining({ value: '测试家长，试听课仍可预约' }));
    expect(refused.body.delivery).toEqual({ status: 'refused', errcode: 43101 });

    await t.db.update(advisors).set({ openid: null }).where(eq(advisors.id, manager.id));
    const noOpenid = await testSend({ stepId: 'hello' });
    expect(noOpenid.body.delivery).toEqual({ status: 'no_openid', errcode: null });
    expect(await messagesTo(t, manager.openid)).toEqual([]);
    expect(await countRows(t)).toEqual(before);
  });

  it('bad input: unknown step, lead or campaign, malformed body, other roles; nothing sent or written', async () => {
    const { t, lead, id, testSend } = await setup();
    const advisor = await createTestStaff(t, {});
    const before = await countRows(t);
    expectError(await testSend({ stepId: 'nope' }), 404, 'not_found');
    expectError(await testSend({ stepId: 'hello', leadId: randomUUID() }), 404, 'not_found');
    expectError(await testSend({ stepId: 'hello' }, randomUUID()), 404, 'not_found');
    expectError(await testSend({ stepId: 'hello' }, 'not-a-uuid'), 400, 'validation_failed');
    expectError(await testSend({}), 400, 'validation_failed');
    expectError(await testSend({ stepId: 'hello', leadId: 'x' }), 400, 'validation_failed');
    expectError(await testSend({ stepId: 'hello', extra: 1 }), 400, 'validation_failed');
    expectError(await testSend({ stepId: 'hello' }, id, advisor.token), 403, 'forbidden');
    expectError(
      await t.request(`/api/staff/campaigns/${id}/test-send`, { method: 'POST', json: {} }),
      401,
      'unauthenticated',
    );
    expect(await countRows(t)).toEqual(before);
    expect(await messagesTo(t, lead.openid)).toEqual([]);
  });
});
