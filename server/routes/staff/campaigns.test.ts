import { randomUUID } from 'node:crypto';
import type {
  CampaignDetailResponse,
  CampaignDocument,
  CampaignPreviewResponse,
  ListCampaignsResponse,
  ListMyMessagesResponse,
  ReadMyMessageResponse,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  campaignManagerClient,
  createTestApp,
  createTestCampus,
  createTestStaff,
  expectError,
  logInAs,
  runCampaignCron,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { campaigns, campaignVersions, leads, touchpoints } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const { manager, call } = await campaignManagerClient(t);
  return { t, manager, call };
}

const createFrom = (call: Awaited<ReturnType<typeof setup>>['call'], builtInKey: string) =>
  call<CampaignDetailResponse>('', { method: 'POST', json: { builtInKey } });

async function taggedProspect(t: TestApp, tag: string) {
  const me = await logInAs(t, `m${randomUUID().slice(0, 8)}`);
  await t.db
    .update(leads)
    .set({ tags: [tag], name: '王同学' })
    .where(eq(leads.id, me.leadId));
  return me;
}

describe('/api/staff/campaigns (institution-wide managers)', () => {
  it('refuses prospects, advisors and campus managers', async () => {
    const { t, call } = await setup();
    const campus = await createTestCampus(t);
    const prospect = await logInAs(t, `p${randomUUID().slice(0, 6)}`);
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    for (const token of [prospect.token, advisor.token, campusManager.token]) {
      expectError(await call('', { token }), 403, 'forbidden');
      expectError(await call('', { token, method: 'POST', json: { builtInKey: 'welcome' } }), 403, 'forbidden');
    }
    expectError(await t.request('/api/staff/campaigns'), 401, 'unauthenticated');
    expect(await t.db.select().from(campaigns)).toEqual([]);
  });

  it('creates a draft from a built-in track and lists it with its counts; a second copy gets its own key', async () => {
    const { t, call } = await setup();
    const created = await createFrom(call, 'welcome');
    expect(created.status).toBe(200);
    expect(created.body.campaign).toMatchObject({ key: 'welcome', status: 'draft', version: 1, builtInKey: 'welcome' });
    expect(created.body.steps.length).toBe(
      (created.body.campaign.document as unknown as CampaignDocument).steps.length,
    );
    const again = await createFrom(call, 'welcome');
    expect(again.body.campaign.key).toBe('welcome-2');
    const list = await call<ListCampaignsResponse>('');
    expect(list.body.campaigns.map((c) => c.key)).toEqual(['welcome', 'welcome-2']);
    expect(list.body.campaigns[0]?.counts).toEqual({ audienceSize: 0, members: 0, sent: 0, clicked: 0, converted: 0 });
    expect(list.body.builtInTracks.map((b) => b.key)).toContain('trial-reminder');
    expect(await t.db.select().from(campaignVersions)).toHaveLength(2);
  });

  it('bad input: an unknown track, an invalid document, an unknown id, an action that does not apply', async () => {
    const { t, call } = await setup();
    expectError(await createFrom(call, 'nope'), 400, 'validation_failed');
    expectError(await call('', { method: 'POST', json: {} }), 400, 'validation_failed');
    expect(await t.db.select().from(campaigns)).toEqual([]);
    const { body } = await createFrom(call, 'welcome');
    const id = body.campaign.id;
    const broken = { ...body.campaign.document, steps: [] };
    expectError(await call(`/${id}/document`, { method: 'PUT', json: { document: broken } }), 400, 'validation_failed');
    const tooLong = structuredClone(body.campaign.document) as { steps: { message: { fields: object } }[] };
    (tooLong.steps[0] as { message: { fields: Record<string, string> } }).message.fields.phrase3 = '一二三四五六';
    expectError(
      await call(`/${id}/document`, { method: 'PUT', json: { document: tooLong } }),
      400,
      'validation_failed',
    );
    // The live count reads only the audience and exit rules: a bad audience is refused.
    const badAudience = { ...body.campaign.document, audience: { kind: 'score' } };
    expectError(
      await call('/audience-count', { method: 'POST', json: { document: badAudience } }),
      400,
      'validation_failed',
    );
    expectError(await call(`/${randomUUID()}`), 404, 'not_found');
    expectError(await call('/not-a-uuid'), 400, 'validation_failed');
    expectError(await call(`/${id}/status`, { method: 'POST', json: { action: 'resume' } }), 409, 'conflict');
    expectError(await call(`/${id}/status`, { method: 'POST', json: { action: 'explode' } }), 400, 'validation_failed');
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row).toMatchObject({ status: 'draft', version: 1 });
  });

  it('saves an edit as a new version, counts a draft audience live, and moves through the statuses', async () => {
    const { t, call } = await setup();
    const tag = `a-${randomUUID().slice(0, 6)}`;
    await taggedProspect(t, tag);
    await taggedProspect(t, tag);
    const { body } = await createFrom(call, 'welcome');
    const id = body.campaign.id;
    const edited = { ...buildTestCampaign(tag), key: 'ignored', version: 99, name: '新人欢迎（改）' };
    const count = await call<{ audienceSize: number }>('/audience-count', {
      method: 'POST',
      json: { document: edited },
    });
    expect(count.body).toEqual({ audienceSize: 2 });
    const saved = await call<CampaignDetailResponse>(`/${id}/document`, { method: 'PUT', json: { document: edited } });
    expect(saved.body.campaign).toMatchObject({ key: 'welcome', version: 2, name: '新人欢迎（改）' });
    expect(await t.db.select().from(campaignVersions).where(eq(campaignVersions.campaignId, id))).toHaveLength(2);
    const move = (action: string) =>
      call<CampaignDetailResponse>(`/${id}/status`, { method: 'POST', json: { action } });
    expect((await move('activate')).body.campaign.status).toBe('active');
    expect((await move('pause')).body.campaign.status).toBe('paused');
    expect((await move('resume')).body.campaign.status).toBe('active');
    expect((await move('archive')).body.campaign.status).toBe('archived');
    expectError(await move('activate'), 409, 'conflict');
    expectError(await call(`/${id}/document`, { method: 'PUT', json: { document: edited } }), 409, 'conflict');
  });

  it('activate → the runner sends → the prospect sees the in-app message, opens it → the campaign counts the click', async () => {
    const { t, call } = await setup();
    const tag = `f-${randomUUID().slice(0, 6)}`;
    const me = await taggedProspect(t, tag);
    const { body } = await createFrom(call, 'welcome');
    const id = body.campaign.id;
    await call(`/${id}/document`, { method: 'PUT', json: { document: buildTestCampaign(tag) } });
    const preview = await call<CampaignPreviewResponse>(`/${id}/preview?leadId=${me.leadId}`);
    expect(preview.body.steps).toEqual([
      expect.objectContaining({
        stepId: 'hello',
        channel: 'in_app_message',
        refusal: null,
        fields: [
          expect.objectContaining({ key: 'thing1', value: '免费试听课' }),
          expect.objectContaining({ key: 'thing2', value: '王同学，试听课仍可预约' }),
          expect.objectContaining({ key: 'phrase3', value: '可预约' }),
        ],
      }),
    ]);
    expectError(await call(`/${id}/preview?leadId=${randomUUID()}`), 404, 'not_found');
    expectError(await call(`/${id}/preview`), 400, 'validation_failed');
    await call(`/${id}/status`, { method: 'POST', json: { action: 'activate' } });
    expect((await runCampaignCron(t)).body.sent.inAppMessage).toBe(1);

    const inbox = await t.request<ListMyMessagesResponse>('/api/me/messages', { token: me.token });
    expect(inbox.body.unreadCount).toBe(1);
    const [message] = inbox.body.messages;
    expect(message).toMatchObject({ campaignId: id, stepId: 'hello', title: '课程动态通知', readAt: null });
    expect(message?.body).toContain('王同学，试听课仍可预约');
    // The preview showed exactly what was sent.
    expect(message?.page).toBe(preview.body.steps[0]?.page);
    const open = () =>
      t.request<ReadMyMessageResponse>(`/api/me/messages/${message?.id}/read`, { method: 'POST', token: me.token });
    expect((await open()).body).toMatchObject({ unreadCount: 0, message: { readAt: t.clock.now().toISOString() } });
    expect((await open()).status).toBe(200);
    // Someone else cannot open it.
    const other = await logInAs(t, `o${randomUUID().slice(0, 6)}`);
    const foreign = await t.request(`/api/me/messages/${message?.id}/read`, { method: 'POST', token: other.token });
    expectError(foreign, 404, 'not_found');
    const clicks = await t.db.select().from(touchpoints).where(eq(touchpoints.type, 'message_clicked'));
    expect(clicks).toMatchObject([{ leadId: me.leadId, campaignId: id }]);

    const detail = await call<CampaignDetailResponse>(`/${id}`);
    expect(detail.body.campaign.counts).toMatchObject({ audienceSize: 1, members: 1, sent: 1, clicked: 1 });
    expect(detail.body.steps).toEqual([
      expect.objectContaining({ stepId: 'hello', planned: 1, sentInApp: 1, sentSubscribe: 0, clicked: 1 }),
    ]);
  });

  it('/api/me/messages: bad input, and an empty inbox', async () => {
    const { t } = await setup();
    const me = await logInAs(t, `r${randomUUID().slice(0, 6)}`);
    expectError(await t.request('/api/me/messages'), 401, 'unauthenticated');
    expectError(
      await t.request('/api/me/messages/not-a-uuid/read', { method: 'POST', token: me.token }),
      400,
      'validation_failed',
    );
    expectError(
      await t.request(`/api/me/messages/${randomUUID()}/read`, { method: 'POST', token: me.token }),
      404,
      'not_found',
    );
    expect((await t.request<ListMyMessagesResponse>('/api/me/messages', { token: me.token })).body).toEqual({
      messages: [],
      unreadCount: 0,
    });
  });
});
