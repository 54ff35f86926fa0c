import { randomUUID } from 'node:crypto';
import type { ExportMyDataResponse, ListMySubscriptionsResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectAccessRules, expectError, logInAs, type TestApp } from '../../../tests/helpers/index.js';
import { subscriptions, touchpoints } from '../../db/schema/index.js';

function answer(t: TestApp, accepted: boolean, templateId: string, minutesAgo = 0) {
  return {
    id: randomUUID(),
    type: accepted ? 'subscribe_accept' : 'subscribe_reject',
    occurredAt: new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString(),
    props: { templateId, scene: 'booking' },
  };
}

async function setup() {
  const t = await createTestApp();
  const me = await logInAs(t, `s${randomUUID().slice(0, 8)}`);
  const report = (events: unknown[], token = me.token) =>
    t.request<{ accepted: number; duplicates: number }>('/api/touchpoints', {
      method: 'POST',
      token,
      json: { events },
    });
  const mine = async (token = me.token) =>
    (await t.request<ListMySubscriptionsResponse>('/api/me/subscriptions', { token })).body.subscriptions;
  return { t, me, report, mine };
}

describe('subscribe-message grants', () => {
  it('counts the 推荐好友 card’s grant of the referral template (scene referral) like any other', async () => {
    const { t, report, mine } = await setup();
    const fromCard = {
      ...answer(t, true, 'tpl-referral-invite'),
      props: { templateId: 'tpl-referral-invite', scene: 'referral' },
    };
    expect((await report([fromCard])).body).toMatchObject({ accepted: 1 });
    expect(await mine()).toEqual([
      expect.objectContaining({ templateId: 'tpl-referral-invite', granted: 1, remaining: 1 }),
    ]);
    const unknownScene = {
      ...fromCard,
      id: randomUUID(),
      props: { templateId: 'tpl-referral-invite', scene: 'friend' },
    };
    expectError(await report([unknownScene]), 400, 'validation_failed');
    expect(await mine()).toEqual([expect.objectContaining({ granted: 1 })]);
  });

  it('counts each accepted request as one grant per template, and notes the latest refusal', async () => {
    const { t, report, mine } = await setup();
    const batch = [
      answer(t, true, 'tpl-trial-reminder', 3),
      answer(t, true, 'tpl-trial-reminder', 2),
      answer(t, false, 'tpl-nurture-content', 1),
      answer(t, true, 'tpl-nurture-content', 0),
    ];
    expect((await report(batch)).body).toEqual({ accepted: 4, duplicates: 0, ignored: 0 });
    // The same events again (a retried send): nothing more is granted.
    expect((await report(batch)).body).toEqual({ accepted: 0, duplicates: 4, ignored: 0 });
    expect(await mine()).toEqual([
      {
        templateId: 'tpl-nurture-content',
        granted: 1,
        spent: 0,
        remaining: 1,
        lastGrantedAt: batch[3]?.occurredAt,
        lastRejectedAt: batch[2]?.occurredAt,
      },
      {
        templateId: 'tpl-trial-reminder',
        granted: 2,
        spent: 0,
        remaining: 2,
        lastGrantedAt: batch[1]?.occurredAt,
        lastRejectedAt: null,
      },
    ]);
  });

  it('an older answer arriving late adds its grant but does not move "last" back', async () => {
    const { t, report, mine } = await setup();
    const recent = answer(t, true, 'tpl-trial-reminder', 1);
    await report([recent]);
    await report([answer(t, true, 'tpl-trial-reminder', 60), answer(t, false, 'tpl-trial-reminder', 90)]);
    const [grant] = await mine();
    expect(grant).toMatchObject({ granted: 2, lastGrantedAt: recent.occurredAt });
    expect(Date.parse(grant?.lastRejectedAt ?? '')).toBe(t.clock.now().getTime() - 90 * 60_000);
  });

  it('counts once when copies of a batch arrive at the same time, and both of two different batches', async () => {
    const { t, report, mine } = await setup();
    const copies = [answer(t, true, 'tpl-trial-reminder'), answer(t, true, 'tpl-nurture-content')];
    const others = [answer(t, true, 'tpl-trial-reminder'), answer(t, true, 'tpl-nurture-content')];
    const replies = await Promise.all([report(copies), report(copies), report(copies), report(others)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await mine()).map((s) => [s.templateId, s.granted])).toEqual([
      ['tpl-nurture-content', 2],
      ['tpl-trial-reminder', 2],
    ]);
  });

  it('shows each prospect only their own grants, and exports them', async () => {
    const { t, me, report, mine } = await setup();
    await report([answer(t, true, 'tpl-trial-reminder')]);
    const other = await logInAs(t, `o${randomUUID().slice(0, 8)}`);
    expect(await mine(other.token)).toEqual([]);
    const exported = await t.request<ExportMyDataResponse>('/api/me/export', { token: me.token });
    expect(exported.body.subscriptions).toMatchObject([
      { templateId: 'tpl-trial-reminder', grantedCount: 1, spentCount: 0, leadId: me.leadId },
    ]);
    expect(await mine()).toMatchObject([{ templateId: 'tpl-trial-reminder', remaining: 1 }]);
  });

  it('refuses an answer without a template id, writing nothing', async () => {
    const { t, report } = await setup();
    const bad = { ...answer(t, true, 'x'), props: { scene: 'booking' } };
    const res = await report([answer(t, true, 'tpl-trial-reminder'), bad]);
    expectError(res, 400, 'validation_failed');
    expect(await t.db.select().from(subscriptions)).toEqual([]);
    expect(await t.db.select().from(touchpoints)).toEqual([]);
  });

  it('needs a prospect token', async () => {
    const { t } = await setup();
    await expectAccessRules(t, (token) => t.request('/api/me/subscriptions', { token }), { allowed: ['prospect'] });
  });
});
