/**
 * The predictive loop through HTTP into the database (issue 15 §4): fit a candidate from the
 * institution's leads with outcomes, compare, activate (the previous version kept; every lead
 * rescored by the cron, server/routes/cron/scoring.test.ts), roll back; bad input and the wrong
 * roles are refused without a write; two activations at once do not interleave.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCORING_MODEL, parseScoringModel, scoreStateSchema } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCampus, createTestStaff, expectError, getTestDatabase } from '../../../tests/helpers/index.js';
import { countRows } from '../../../tests/helpers/table-counts.js';
import { enrolments, leads, scoringModels, staffActions } from '../../db/schema/index.js';
import {
  activate,
  expectAllScoredUnder,
  get,
  postCandidate,
  rollBack,
  runCronUntilFinished,
  seedOutcomes,
  setup,
  touch,
} from './scoring-models-test-kit.js';

// Migrating the worker's database is the hook's work, not the first test's.
beforeAll(() => getTestDatabase());

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
    const before = await t.db.select().from(leads);
    const activated = await activate(t, manager.token, version);
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({
      active: { version, status: 'active' },
      previousVersion: DEFAULT_SCORING_MODEL.version,
      rescoring: { version, kind: 'activate', status: 'running', done: 0, total: before.length, finishedAt: null },
    });
    // The switch is recorded at once; the scores follow in the cron's batches.
    expect((await t.db.select().from(leads)).map((l) => l.scoringModelVersion)).toEqual(
      before.map((l) => l.scoringModelVersion),
    );
    expect(await runCronUntilFinished(t)).toBe(1);
    await expectAllScoredUnder(t, version);
    const after = await get(t, manager.token);
    expect(after.body).toMatchObject({
      active: { version },
      previous: { version: DEFAULT_SCORING_MODEL.version },
      candidate: null,
      rescoring: { version, status: 'finished', done: before.length, total: before.length },
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
      rescoring: { version: DEFAULT_SCORING_MODEL.version, kind: 'rollback', status: 'running', total: before.length },
    });
    await runCronUntilFinished(t);
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
    await runCronUntilFinished(t);
    await expectAllScoredUnder(t, version);
  });

  it('stores and activates a model with a reading-time threshold, and scores every lead by it', async () => {
    const { t, manager } = await setup();
    await seedOutcomes(t, { enrolled: 3, lost: 3, open: 0 });
    // Every lead read one page for two minutes; two of them read a second one: four minutes.
    const [first, second] = await t.db.select().from(leads).orderBy(leads.id).limit(2);
    for (const lead of [first, second]) await touch(t, lead?.id ?? '', 'page_view', t.clock.now());
    const version = DEFAULT_SCORING_MODEL.version + 1;
    const reading = {
      id: 'read-3min',
      label: '累计阅读满 3 分钟',
      signal: 'page_view',
      points: 7,
      threshold: { prop: 'durationMs', atLeast: 180_000 },
      dailyCap: 10,
    } as const;
    const document = parseScoringModel({
      ...DEFAULT_SCORING_MODEL,
      version,
      label: '阅读门槛',
      engagement: { rules: [...DEFAULT_SCORING_MODEL.engagement.rules, reading] },
    });
    await t.db.insert(scoringModels).values({ version, name: document.label, document });
    expect((await activate(t, manager.token, version)).status).toBe(200);
    await runCronUntilFinished(t);
    await expectAllScoredUnder(t, version);
    // The stored states: the threshold passed by the two four-minute readers only.
    const passed = (await t.db.select().from(leads))
      .filter((l) => (scoreStateSchema.parse(l.scoreState).rules['read-3min']?.sum ?? 0) !== 0)
      .map((l) => l.id);
    expect(passed.sort()).toEqual([first?.id, second?.id].sort());
    const view = (await get(t, manager.token)).body.active;
    expect(view.rules).toContainEqual({
      ruleId: 'read-3min',
      label: '累计阅读满 3 分钟',
      dimension: 'engagement',
      points: 7,
    });
  });
});
