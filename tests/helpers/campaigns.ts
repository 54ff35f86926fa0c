/**
 * Campaign test kit (issue 13): a one-step campaign selecting a tag, activated straight in the
 * database; prospects in bulk with WeChat grants on both sides (our ledger and the stand-in's, as
 * after a real accept); and the cron call.
 */
import { randomUUID } from 'node:crypto';
import {
  type CampaignDocumentInput,
  parseCampaignDocument,
  type RunCampaignsResponse,
  type SubscribeTemplateKey,
} from '@scrm/shared';
import { campaigns, leads, subscriptions, touchpoints } from '../../server/db/schema/index.js';
import { STAND_IN_TEMPLATE_IDS_BY_KEY } from '../../server/wechat/stand-in/credentials.js';
import { createStandInControl } from '../../server/wechat/stand-in/stand-in-control.js';
import { one } from './rows.js';
import { createTestStaff } from './staff.js';
import type { TestApp } from './test-app.js';

export const TEST_TEMPLATE: SubscribeTemplateKey = 'course_update';
export const TEST_TEMPLATE_ID = STAND_IN_TEMPLATE_IDS_BY_KEY[TEST_TEMPLATE];

/** A campaign for the leads tagged `tag`: one message on entry (course_update, to the trial page). */
export function buildTestCampaign(tag: string, overrides: Partial<CampaignDocumentInput> = {}): CampaignDocumentInput {
  return {
    schemaVersion: 1,
    key: `t-${randomUUID().slice(0, 8)}`,
    version: 1,
    name: '测试活动',
    entry: { kind: 'audience' },
    audience: { kind: 'tags', anyOf: [tag] },
    steps: [
      {
        id: 'hello',
        label: '试听邀请',
        timing: { anchor: 'entry', offsetMinutes: 0 },
        message: {
          template: TEST_TEMPLATE,
          fields: { thing1: '免费试听课', thing2: '{leadName}，试听课仍可预约', phrase3: '可预约' },
          link: 'trial',
        },
      },
    ],
    ...overrides,
  };
}

export async function createTestCampaign(
  t: TestApp,
  input: CampaignDocumentInput,
  status: 'draft' | 'active' = 'active',
) {
  const document = parseCampaignDocument(input);
  return one(
    await t.db
      .insert(campaigns)
      .values({
        key: document.key,
        name: document.name,
        status,
        version: document.version,
        document: document as unknown as Record<string, unknown>,
        activatedAt: status === 'active' ? t.clock.now() : null,
      })
      .returning(),
  );
}

export interface CampaignLead {
  id: string;
  openid: string;
}

/**
 * `count` registered prospects tagged `tag`, with openids. `grants` per lead index: how many
 * grants of the test template our ledger has (`ours`) and WeChat has (`wechat`).
 */
export async function createCampaignLeads(
  t: TestApp,
  count: number,
  tag: string,
  grants: (i: number) => { ours: number; wechat: number } = () => ({ ours: 0, wechat: 0 }),
): Promise<CampaignLead[]> {
  const prefix = randomUUID().slice(0, 8);
  const now = t.clock.now();
  const rows = Array.from({ length: count }, (_, i) => ({
    openid: `o_${prefix}_${i}`,
    name: `家长${i}`,
    tags: [tag],
    lifecycleStage: 'engaged',
    journeyStage: 'exploring',
    createdAt: new Date(now.getTime() - 86_400_000),
  }));
  const created: CampaignLead[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    created.push(
      ...(
        await t.db
          .insert(leads)
          .values(rows.slice(i, i + 500))
          .returning({ id: leads.id, openid: leads.openid })
      ).map((r) => ({ id: r.id, openid: r.openid as string })),
    );
  }
  const ours = created.flatMap((lead, i) => {
    const n = grants(i).ours;
    return n > 0 ? [{ leadId: lead.id, templateId: TEST_TEMPLATE_ID, grantedCount: n, lastGrantedAt: now }] : [];
  });
  for (let i = 0; i < ours.length; i += 500) await t.db.insert(subscriptions).values(ours.slice(i, i + 500));
  const registrations = created.map((lead) => ({
    id: randomUUID(),
    leadId: lead.id,
    type: 'registration',
    occurredAt: new Date(now.getTime() - 86_400_000),
  }));
  for (let i = 0; i < registrations.length; i += 500)
    await t.db.insert(touchpoints).values(registrations.slice(i, i + 500));
  // A grant only our ledger has: the user accepted, then turned the template off in WeChat.
  const control = createStandInControl(t.wechat.url);
  const wechatSide = async (lead: CampaignLead, i: number) => {
    const { ours: mine, wechat } = grants(i);
    if (wechat > 0) await t.wechat.grant(lead.openid, TEST_TEMPLATE_ID, wechat);
    else if (mine > 0) {
      await t.wechat.grant(lead.openid, TEST_TEMPLATE_ID, 1);
      await control.withdrawGrant(lead.openid, TEST_TEMPLATE_ID);
    }
  };
  for (let i = 0; i < created.length; i += 50) {
    await Promise.all(created.slice(i, i + 50).map((lead, j) => wechatSide(lead, i + j)));
  }
  return created;
}

export function runCampaignCron(t: TestApp, secret: string | undefined = t.env.CRON_SECRET) {
  return t.request<RunCampaignsResponse>('/api/cron/campaigns', {
    method: 'POST',
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
}

/** A manager of every campus and a caller of `/api/staff/campaigns…` as them (another `token` may be given). */
export async function campaignManagerClient(t: TestApp) {
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  const call = <T>(path: string, init: { method?: 'GET' | 'POST' | 'PUT'; json?: unknown; token?: string } = {}) =>
    t.request<T>(`/api/staff/campaigns${path}`, {
      method: init.method ?? 'GET',
      token: init.token ?? manager.token,
      ...(init.json === undefined ? {} : { json: init.json }),
    });
  return { manager, call };
}
