/**
 * What the campaign editor needs of the API (issue 13 §3): the pickers' options, a live count
 * that only reads the audience, a preview of an unsaved document, and refusals in Chinese at the
 * field they name.
 */
import { randomUUID } from 'node:crypto';
import type {
  CampaignDetailResponse,
  CampaignDocumentInput,
  CampaignOptionsResponse,
  CampaignPreviewResponse,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  buildTestCampaign,
  campaignManagerClient,
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  expectError,
  logInAs,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { campaignVersions, leads, messageOutbox } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const { call } = await campaignManagerClient(t);
  const created = await call<CampaignDetailResponse>('', { method: 'POST', json: { builtInKey: 'welcome' } });
  return { t, call, campaignId: created.body.campaign.id };
}

async function prospectWith(t: TestApp, values: Partial<typeof leads.$inferInsert>) {
  const me = await logInAs(t, `e${randomUUID().slice(0, 8)}`);
  await t.db
    .update(leads)
    .set({ name: '王同学', ...values })
    .where(eq(leads.id, me.leadId));
  return me;
}

type Doc = CampaignDocumentInput & { steps: [Record<string, unknown>, ...Record<string, unknown>[]] };
const testDoc = (tag: string, overrides: Partial<CampaignDocumentInput> = {}) =>
  structuredClone(buildTestCampaign(tag, overrides)) as Doc;

describe('GET /api/staff/campaigns/options', () => {
  it('offers campuses and courses by id, the sources and tags live leads carry (most common first), lead templates', async () => {
    const { t, call } = await setup();
    const campus = await createTestCampus(t, '徐汇校区');
    const course = await createTestCourse(t, '雅思 7 分冲刺');
    const tag = `t-${randomUUID().slice(0, 6)}`;
    await prospectWith(t, { campusId: campus.id, courseInterest: course.id, source: 'fair', tags: [tag, 'vip'] });
    await prospectWith(t, { campusId: campus.id, source: 'fair', tags: [tag] });
    await prospectWith(t, { source: 'poster', tags: ['vip'] });
    // Erased leads are no one's audience: they offer nothing.
    await prospectWith(t, { source: 'gone', tags: ['gone'], erasedAt: new Date() });

    const { status, body } = await call<CampaignOptionsResponse>('/options');
    expect(status).toBe(200);
    expect(body.campuses).toContainEqual({ value: campus.id, label: '徐汇校区', leads: 2 });
    expect(body.courses).toContainEqual({ value: course.id, label: '雅思 7 分冲刺', leads: 1 });
    expect(body.sources.filter((s) => ['fair', 'poster', 'gone'].includes(s.value))).toEqual([
      { value: 'fair', label: 'fair', leads: 2 },
      { value: 'poster', label: 'poster', leads: 1 },
    ]);
    expect(body.tags.filter((s) => [tag, 'vip', 'gone'].includes(s.value))).toEqual(
      [
        { value: tag, label: tag, leads: 2 },
        { value: 'vip', label: 'vip', leads: 2 },
      ].sort((a, b) => a.value.localeCompare(b.value)),
    );
    expect(body.templates.map((x) => x.key)).toContain('trial_reminder');
    expect(body.templates.map((x) => x.key)).not.toContain('new_lead_for_advisor');
  });

  it('refuses anyone but an institution-wide manager', async () => {
    const { t, call } = await setup();
    const campus = await createTestCampus(t);
    const prospect = await logInAs(t, `p${randomUUID().slice(0, 6)}`);
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    for (const token of [prospect.token, advisor.token, campusManager.token]) {
      expectError(await call('/options', { token }), 403, 'forbidden');
    }
    expectError(await t.request('/api/staff/campaigns/options'), 401, 'unauthenticated');
  });
});

describe('a refused document, in Chinese at the field', () => {
  it('names the score bound and the variant text it refuses, and saves nothing', async () => {
    const { t, call, campaignId } = await setup();
    const document = testDoc('x', { audience: { all: [{ kind: 'score', min: 60, max: 10 }] } });
    document.steps[0].variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1, fields: { phrase3: '马上就要开始了' } },
    ];
    const res = await call(`/${campaignId}/document`, { method: 'PUT', json: { document } });
    const error = expectError(res, 400, 'validation_failed');
    expect(error.userMessage).toBe('受众条件：最低分不能高于最高分');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'document.audience.all.0.max', message: '最低分不能高于最高分' },
        { path: 'document.steps.0.variants.1.fields.phrase3', message: '超过 5 字' },
      ]),
    );
    const versions = await t.db.select().from(campaignVersions).where(eq(campaignVersions.campaignId, campaignId));
    expect(versions).toHaveLength(1);
    expect((await call<CampaignDetailResponse>(`/${campaignId}`)).body.campaign.version).toBe(1);
  });
});

describe('POST /api/staff/campaigns/audience-count', () => {
  it('counts a draft whose step is still half written, and refuses a bad audience in Chinese', async () => {
    const { t, call } = await setup();
    const tag = `c-${randomUUID().slice(0, 6)}`;
    await prospectWith(t, { tags: [tag], scoreTotal: 40 });
    await prospectWith(t, { tags: [tag], scoreTotal: 80 });
    const document = testDoc(tag, {
      audience: {
        all: [
          { kind: 'tags', anyOf: [tag] },
          { kind: 'score', min: 50 },
        ],
      },
    });
    (document.steps[0].message as { fields: Record<string, string> }).fields.phrase3 = '还没有写好的状态';
    const count = await call<{ audienceSize: number }>('/audience-count', { method: 'POST', json: { document } });
    expect(count.body).toEqual({ audienceSize: 1 });

    const bad = { ...document, audience: { all: [{ kind: 'tags', anyOf: [] }] } };
    const error = expectError(
      await call('/audience-count', { method: 'POST', json: { document: bad } }),
      400,
      'validation_failed',
    );
    expect(error.issues).toEqual([{ path: 'document.audience.all.0.anyOf', message: '至少选一项' }]);
    expect(error.userMessage).toBe('受众条件：至少选一项');
  });
});

describe('POST /api/staff/campaigns/:id/preview (an unsaved document)', () => {
  it('renders every variant for the lead as it would be sent, and writes nothing', async () => {
    const { t, call, campaignId } = await setup();
    const lead = await prospectWith(t, { name: '李明' });
    const document = testDoc('p');
    document.steps[0].variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1, fields: { thing2: '{leadName}，本周试听名额有限' } },
    ];
    const res = await call<CampaignPreviewResponse>(`/${campaignId}/preview`, {
      method: 'POST',
      json: { leadId: lead.leadId, document },
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s) => [s.variant, s.channel])).toEqual([
      ['a', 'in_app_message'],
      ['b', 'in_app_message'],
    ]);
    const secondField = (i: number) => res.body.steps[i]?.fields.find((f) => f.key === 'thing2')?.value;
    expect(secondField(0)).toBe('李明，试听课仍可预约');
    expect(secondField(1)).toBe('李明，本周试听名额有限');
    expect(res.body.steps[0]?.page).toContain(`campaignId=${campaignId}`);
    expect(await t.db.select().from(messageOutbox)).toEqual([]);
    expect(await t.db.select().from(campaignVersions).where(eq(campaignVersions.campaignId, campaignId))).toHaveLength(
      1,
    );
  });

  it('bad input: no lead, a lead that is not an id, a broken document, an unknown campaign or lead', async () => {
    const { t, call, campaignId } = await setup();
    const lead = await prospectWith(t, {});
    const document = testDoc('b');
    const post = (id: string, json: unknown) => call(`/${id}/preview`, { method: 'POST', json });
    expectError(await post(campaignId, { document }), 400, 'validation_failed');
    expectError(await post(campaignId, { leadId: 'me', document }), 400, 'validation_failed');
    expectError(await post(campaignId, { leadId: lead.leadId, document, extra: 1 }), 400, 'validation_failed');
    const broken = { ...document, steps: [] };
    const error = expectError(
      await post(campaignId, { leadId: lead.leadId, document: broken }),
      400,
      'validation_failed',
    );
    expect(error.userMessage).toBe('步骤：至少要有 1 个步骤');
    expectError(await post(randomUUID(), { leadId: lead.leadId, document }), 404, 'not_found');
    expectError(await post(campaignId, { leadId: randomUUID(), document }), 404, 'not_found');
    expectError(await post('nope', { leadId: lead.leadId, document }), 400, 'validation_failed');
    expect(await t.db.select().from(messageOutbox)).toEqual([]);
  });
});
