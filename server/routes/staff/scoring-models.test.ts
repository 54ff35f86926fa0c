/**
 * The predictive loop through HTTP into the database (issue 15 §4): fit a candidate from the
 * institution's leads with outcomes, compare, activate (every lead rescored in batches, the
 * previous version kept), roll back; bad input and the wrong roles are refused without a write;
 * two activations at once do not interleave.
 */
import { randomUUID } from 'node:crypto';
import {
  type ActivationResponse,
  DEFAULT_SCORING_MODEL,
  parseScoringModel,
  type ScoringModelsResponse,
  scoreLeadFromSignals,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  one,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { countRows } from '../../../tests/helpers/table-counts.js';
import { listTouchpointsOfLeads } from '../../db/queries/scoring-models.js';
import { enrolments, leads, scoringModels, staffActions, touchpoints } from '../../db/schema/index.js';
import { toLeadProfile } from '../../services/leads/lead-domain-state.js';
import { toTouchpointEvent } from '../../services/leads/rebuild-score-state.js';
import { rescoreAllLeads } from '../../services/scoring-models/rescore-leads.js';

const HOUR = 3_600_000;

async function touch(t: TestApp, leadId: string, type: 'consultation_request' | 'page_view', at: Date) {
  await t.db.insert(touchpoints).values({
    id: randomUUID(),
    leadId,
    type,
    occurredAt: at,
    receivedAt: at,
    props: type === 'page_view' ? { page: '/pages/course/index', durationMs: 120_000 } : {},
  });
}

/**
 * `enrolled` leads and `lost` ones (returned by an advisor), plus open leads without an outcome.
 * Four in five enrolled leads asked for a consultation, one in five lost ones did: the fit has
 * something to find. Every lead read a page.
 */
async function seedOutcomes(t: TestApp, counts: { enrolled: number; lost: number; open: number }) {
  const campus = await createTestCampus(t);
  const course = await createTestCourse(t);
  const advisor = await createTestStaff(t, { campusIds: [campus.id] });
  const start = t.clock.now().getTime() - 30 * 24 * HOUR;
  const total = counts.enrolled + counts.lost + counts.open;
  for (let i = 0; i < total; i += 1) {
    const lead = await createWorkbenchLead(t, { campusId: campus.id });
    const at = (h: number) => new Date(start + i * HOUR + h * 60_000);
    await touch(t, lead.id, 'page_view', at(0));
    const isEnrolled = i < counts.enrolled;
    const isLost = !isEnrolled && i < counts.enrolled + counts.lost;
    const asked = isEnrolled ? i % 5 !== 0 : i % 5 === 0;
    if (asked) await touch(t, lead.id, 'consultation_request', at(1));
    if (isEnrolled) {
      await t.db.insert(enrolments).values({
        id: randomUUID(),
        leadId: lead.id,
        courseId: course.id,
        amountFen: 100_000,
        enrolledOn: '2026-10-01',
        createdAt: at(5),
      });
    }
    if (isLost) {
      await t.db
        .insert(staffActions)
        .values({ id: randomUUID(), staffId: advisor.id, leadId: lead.id, kind: 'return', at: at(5) });
    }
  }
}

async function setup() {
  const t = await createTestApp();
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  return { t, manager };
}

const get = (t: TestApp, token: string) => t.request<ScoringModelsResponse>('/api/staff/scoring-models', { token });
const postCandidate = (t: TestApp, token: string, json: unknown = {}) =>
  t.request<ScoringModelsResponse>('/api/staff/scoring-models/candidates', { method: 'POST', token, json });
const activate = (t: TestApp, token: string, version: number | string) =>
  t.request<ActivationResponse>(`/api/staff/scoring-models/${version}/activate`, { method: 'POST', token });
const rollBack = (t: TestApp, token: string) =>
  t.request<ActivationResponse>('/api/staff/scoring-models/rollback', { method: 'POST', token });

/** Every live lead's stored score equals a fresh score of its history under `version`. */
async function expectAllScoredUnder(t: TestApp, version: number) {
  const row = one(await t.db.select().from(scoringModels).where(eq(scoringModels.version, version)));
  const model = parseScoringModel(row.document);
  const all = await t.db.select().from(leads);
  const history = await listTouchpointsOfLeads(
    t.db,
    all.map((l) => l.id),
  );
  for (const lead of all) {
    expect(lead.scoringModelVersion).toBe(version);
    const signals = (history.get(lead.id) ?? []).map(toTouchpointEvent).filter((e) => e !== null);
    const expected = scoreLeadFromSignals({ profile: toLeadProfile(lead), signals, model, now: t.clock.now() });
    expect(lead.scoreTotal).toBeCloseTo(expected.total, 3);
  }
}

describe('GET /api/staff/scoring-models', () => {
  it('shows the built-in default as active before anything is fitted, and counts the outcomes', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 3, lost: 2, open: 4 });
    // An enrolled lead an advisor had once returned is still a positive; a dormant one is lost.
    const [enrolment] = await t.db.select().from(enrolments).limit(1);
    const [staffMember] = await t.db.select().from(staffActions).limit(1);
    await t.db.insert(staffActions).values({
      id: randomUUID(),
      staffId: staffMember?.staffId ?? manager.id,
      leadId: enrolment?.leadId ?? null,
      kind: 'return',
      at: t.clock.now(),
    });
    const decided = new Set([
      ...(await t.db.select().from(enrolments)).map((e) => e.leadId),
      ...(await t.db.select().from(staffActions)).map((a) => a.leadId),
    ]);
    const dormant = (await t.db.select().from(leads)).find((l) => !decided.has(l.id));
    await t.db
      .update(leads)
      .set({ lifecycleStage: 'dormant' })
      .where(eq(leads.id, dormant?.id ?? ''));
    const res = await get(t, manager.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      active: { version: DEFAULT_SCORING_MODEL.version, status: 'active', comparison: null },
      previous: null,
      candidate: null,
      outcomes: { rows: 6, positives: 3, minPerClass: 20 },
    });
    expect(res.body.active.rules[0]).toMatchObject({ ruleId: 'enrolled', points: 50 });
  });

  it('is for institution-wide managers only', async () => {
    const { t } = await setup();
    const campus = await createTestCampus(t);
    const campusManager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    const advisor = await createTestStaff(t, { campusIds: [campus.id] });
    expectError(await get(t, campusManager.token), 403, 'forbidden');
    expectError(await get(t, advisor.token), 403, 'forbidden');
    expectError(await t.request('/api/staff/scoring-models'), 401, 'unauthenticated');
  });
});

describe('the predictive loop', () => {
  it('fits a candidate, activates it (every lead rescored, the default kept), and rolls back', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 30, lost: 30, open: 5 });
    expect((await get(t, manager.token)).body.outcomes).toMatchObject({ rows: 60, positives: 30 });
    const fitted = await postCandidate(t, manager.token, { seed: 7 });
    expect(fitted.status).toBe(201);
    const candidate = fitted.body.candidate;
    expect(candidate).toMatchObject({ version: DEFAULT_SCORING_MODEL.version + 1, status: 'candidate' });
    const comparison = candidate?.comparison;
    expect(comparison?.outcomes).toEqual({ rows: 60, positives: 30 });
    expect(comparison?.holdout).toEqual({ rows: 18, positives: 9, seed: 7 });
    expect(comparison?.active.version).toBe(DEFAULT_SCORING_MODEL.version);
    for (const side of [comparison?.active, comparison?.candidate]) {
      expect(side?.liftByDecile).toHaveLength(10);
      expect(side?.liftByDecile.reduce((s, d) => s + d.count, 0)).toBe(18);
      expect(side?.calibration.reduce((s, b) => s + b.count, 0)).toBe(18);
    }
    const consultation = comparison?.weightChanges.find((c) => c.ruleId === 'consultation');
    expect(consultation?.reason).toMatch(/^\d+ 条有结果的线索命中此规则，其中 \d+ 条报名/);
    expect(fitted.body.active.version).toBe(DEFAULT_SCORING_MODEL.version);

    const version = candidate?.version ?? 0;
    const activated = await activate(t, manager.token, version);
    expect(activated.status).toBe(200);
    const leadCount = (await t.db.select().from(leads)).length;
    expect(activated.body).toMatchObject({
      active: { version, status: 'active' },
      previousVersion: DEFAULT_SCORING_MODEL.version,
      rescored: leadCount,
      batches: 1,
    });
    await expectAllScoredUnder(t, version);
    const after = await get(t, manager.token);
    expect(after.body).toMatchObject({
      active: { version },
      previous: { version: DEFAULT_SCORING_MODEL.version },
      candidate: null,
    });
    expect((await t.db.select().from(scoringModels)).map((r) => r.version).sort()).toEqual([
      DEFAULT_SCORING_MODEL.version,
      version,
    ]);

    const back = await rollBack(t, manager.token);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      active: { version: DEFAULT_SCORING_MODEL.version },
      previousVersion: null,
      rescored: leadCount,
    });
    await expectAllScoredUnder(t, DEFAULT_SCORING_MODEL.version);
    const again = await rollBack(t, manager.token);
    expect(expectError(again, 409, 'conflict').userMessage).toBe('没有可回滚的上一版本');
    // The rolled-back version is kept and can be activated again.
    expect((await activate(t, manager.token, version)).status).toBe(200);
  });

  it('refuses to fit with too few outcomes, saying how many there are, and writes nothing', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 25, lost: 4, open: 2 });
    const before = await countRows(t);
    const res = await postCandidate(t, manager.token);
    expect(expectError(res, 409, 'conflict').userMessage).toBe(
      '有结果的线索不足：需要至少 20 条已报名和 20 条已退回或沉睡的线索（当前 25 条和 4 条）',
    );
    expect(await countRows(t)).toEqual(before);
  });

  it('refuses bad input with a 400 or 404 and writes nothing', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 2, lost: 2, open: 0 });
    const before = await countRows(t);
    for (const json of [{ l2: -1 }, { l2: 'lots' }, { seed: 1.5 }, { seed: -1 }, { extra: true }, []]) {
      expectError(await postCandidate(t, manager.token, json), 400, 'validation_failed');
    }
    for (const version of ['abc', '0', '-2', '1.5', '99999999']) {
      expectError(await activate(t, manager.token, version), 400, 'validation_failed');
    }
    expect(expectError(await activate(t, manager.token, 42), 404, 'not_found').userMessage).toBe('该模型版本不存在');
    expect(
      expectError(await activate(t, manager.token, DEFAULT_SCORING_MODEL.version), 409, 'conflict').userMessage,
    ).toBe('该版本已是当前模型');
    expectError(await rollBack(t, manager.token), 409, 'conflict');
    expect(await countRows(t)).toEqual(before);
  });

  it('lets one of two simultaneous activations run; the other is told to retry, and the end state is whole', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 25, lost: 25, open: 0 });
    const version = (await postCandidate(t, manager.token)).body.candidate?.version ?? 0;
    const [a, b] = await Promise.all([activate(t, manager.token, version), activate(t, manager.token, version)]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(expectError(loser, 409, 'conflict').userMessage).toMatch(/另一项评分模型操作正在进行|该版本已是当前模型/);
    const active = await t.db.select().from(scoringModels).where(eq(scoringModels.isActive, true));
    expect(active.map((r) => r.version)).toEqual([version]);
    await expectAllScoredUnder(t, version);
  });
});

describe('rescoreAllLeads', () => {
  it('walks every lead in keyset batches of the given size', async () => {
    const { t } = await setup();
    await seedOutcomes(t, { enrolled: 4, lost: 3, open: 0 });
    const count = (await t.db.select().from(leads)).length;
    await t.db
      .insert(scoringModels)
      .values({ version: DEFAULT_SCORING_MODEL.version, name: 'default', document: DEFAULT_SCORING_MODEL });
    const result = await rescoreAllLeads(t.db, { model: DEFAULT_SCORING_MODEL, now: t.clock.now(), batchSize: 3 });
    expect(result).toEqual({ rescored: count, batches: Math.ceil(count / 3) });
    await expectAllScoredUnder(t, DEFAULT_SCORING_MODEL.version);
  });
});
