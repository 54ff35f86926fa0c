/**
 * GET|POST /api/cron/scoring (ADR 019): an activation or a roll back records the switch and
 * returns; the cron rescores every lead in keyset batches across runs, each batch committed whole
 * with its progress, so a failed batch leaves nothing half-done and the next run resumes it. Leads
 * that get new signals while the rescoring runs end with the score a fresh computation gives.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, getTestDatabase, logInAs, type TestApp } from '../../../tests/helpers/index.js';
import { countRows } from '../../../tests/helpers/table-counts.js';
import { leads, scoringModels, scoringRescores } from '../../db/schema/index.js';
import {
  activate,
  expectAllScoredUnder,
  get,
  postCandidate,
  rollBack,
  runCron,
  runCronUntilFinished,
  seedOutcomes,
  setup,
} from '../staff/scoring-models-test-kit.js';

const BATCH = 4;

/** A manager, six logged-in prospects, leads with outcomes and a fitted candidate; batches of four leads. */
async function withCandidate() {
  const { t, manager } = await setup({ env: { RESCORE_BATCH_SIZE: String(BATCH) } });
  // Prospects who will act during the rescoring log in first, while the WeChat stand-in is idle.
  const prospects: Awaited<ReturnType<typeof logInAs>>[] = [];
  for (let i = 0; i < 6; i += 1) prospects.push(await logInAs(t, `rescore${i}`));
  await seedOutcomes(t, { enrolled: 20, lost: 20, open: 3 });
  const fitted = await postCandidate(t, manager.token, { seed: 3 });
  expect(fitted.status).toBe(201);
  return { t, manager, prospects, version: fitted.body.candidate?.version ?? 0 };
}

// Migrating the worker's database is the hook's work, not the first test's.
beforeAll(() => getTestDatabase());

const versionsOf = async (t: TestApp) =>
  (await t.db.select().from(leads).orderBy(asc(leads.id))).map((l) => l.scoringModelVersion);

describe('GET|POST /api/cron/scoring', () => {
  it('rescores after an activation across several runs, reporting 已重算 n / N on the way', async () => {
    const { t, manager, version } = await withCandidate();
    const total = (await t.db.select().from(leads)).length;
    const activated = await activate(t, manager.token, version);
    expect(activated.body.rescoring).toMatchObject({ status: 'running', done: 0, total });
    expect((await versionsOf(t)).filter((v) => v === version)).toHaveLength(0);

    const first = await runCron(t, { maxBatches: 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      stoppedBy: 'max_batches',
      batches: 1,
      rescored: BATCH,
      rescoring: { version, done: BATCH, total, status: 'running' },
    });
    // Keyset order: the first four leads by id are rescored, the others not yet.
    expect((await versionsOf(t)).map((v) => v === version)).toEqual(Array.from({ length: total }, (_, i) => i < BATCH));
    expect((await get(t, manager.token)).body.rescoring).toMatchObject({ done: BATCH, total, status: 'running' });

    const runs = await runCronUntilFinished(t, { maxBatches: 2 });
    expect(runs).toBe(Math.ceil((total - BATCH) / (2 * BATCH)));
    await expectAllScoredUnder(t, version);
    const [row] = await t.db.select().from(scoringModels).where(eq(scoringModels.version, version));
    expect(row?.rescoredAt).toEqual(t.clock.now());
    expect((await get(t, manager.token)).body.rescoring).toMatchObject({
      done: total,
      total,
      status: 'finished',
      batches: Math.ceil(total / BATCH),
      failedBatches: 0,
    });
    // Nothing left: a run finds nothing to do and writes nothing.
    const before = await countRows(t);
    expect((await runCron(t)).body).toMatchObject({ stoppedBy: 'idle', batches: 0, rescored: 0, rescoring: null });
    expect(await countRows(t)).toEqual(before);
  });

  it('rolls back a failed batch whole, counts it, and resumes it on the next run', async () => {
    const { t, manager, version } = await withCandidate();
    await activate(t, manager.token, version);
    expect((await runCron(t, { maxBatches: 1 })).body.rescoring?.done).toBe(BATCH);
    // The sixth lead by id cannot be written: the second batch (leads five to eight) fails on it.
    const ids = (await t.db.select({ id: leads.id }).from(leads).orderBy(asc(leads.id))).map((r) => r.id);
    await t.db.execute(
      sql.raw(`create function fail_rescore() returns trigger language plpgsql as $$
      begin
        if new.id = '${ids[5]}' and new.scoring_model_version = ${version} then
          raise exception 'disk full (test)';
        end if;
        return new;
      end $$`),
    );
    await t.db.execute(
      sql.raw('create trigger fail_rescore before update on leads for each row execute function fail_rescore()'),
    );
    try {
      const failed = await runCron(t);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        stoppedBy: 'error',
        batches: 0,
        rescored: 0,
        rescoring: { done: BATCH, status: 'running', failedBatches: 1 },
      });
      expect(failed.body.rescoring?.lastError).toContain('disk full (test)');
      expect((await versionsOf(t)).slice(BATCH, 2 * BATCH).filter((v) => v === version)).toEqual([]);
    } finally {
      await t.db.execute(sql.raw('drop trigger fail_rescore on leads'));
      await t.db.execute(sql.raw('drop function fail_rescore()'));
    }
    await runCronUntilFinished(t);
    await expectAllScoredUnder(t, version);
    const [rescore] = await t.db.select().from(scoringRescores);
    expect(rescore).toMatchObject({ done: ids.length, total: ids.length, failedBatches: 1 });
  });

  it('leaves every lead with a fresh score under the active model when prospects act during the rescoring', async () => {
    const { t, manager, prospects, version } = await withCandidate();
    await activate(t, manager.token, version);
    const act = async (round: number) => {
      for (const [i, p] of prospects.entries()) {
        const at = new Date(t.clock.now().getTime() - (round * prospects.length + i) * 60_000).toISOString();
        const event =
          i % 2 === 0
            ? { type: 'share', props: { page: '/pages/index/index' } }
            : { type: 'page_view', props: { page: '/pages/index/index', durationMs: 90_000 } };
        const res = await t.request('/api/touchpoints', {
          method: 'POST',
          token: p.token,
          json: { events: [{ id: randomUUID(), occurredAt: at, ...event }] },
        });
        expect(res.status).toBe(200);
      }
    };
    const rescore = async () => {
      for (let run = 0; run < 4; run += 1) expect((await runCron(t, { maxBatches: 2 })).status).toBe(200);
    };
    await Promise.all([rescore(), act(0), act(1)]);
    await act(2);
    await runCronUntilFinished(t);
    await expectAllScoredUnder(t, version);
  });

  it('is behind the cron secret and checks maxBatches, writing nothing when refused', async () => {
    const { t, manager, version } = await withCandidate();
    await activate(t, manager.token, version);
    const before = await countRows(t);
    expectError(await runCron(t, { secret: null }), 401, 'unauthenticated');
    expectError(await runCron(t, { secret: 'not-the-cron-secret-at-all' }), 401, 'unauthenticated');
    expectError(await runCron(t, { secret: manager.token }), 401, 'unauthenticated');
    for (const maxBatches of ['0', 'x', '1.5', '-1', '10001']) {
      expectError(await runCron(t, { maxBatches }), 400, 'validation_failed');
    }
    expect(await countRows(t)).toEqual(before);
    expect(await versionsOf(t)).not.toContain(version);
  });
});

describe('switching while a rescoring runs', () => {
  it('refuses another activation or a roll back with 409 and how far it is, writing nothing', async () => {
    const { t, manager, version } = await withCandidate();
    const total = (await t.db.select().from(leads)).length;
    await activate(t, manager.token, version);
    await runCron(t, { maxBatches: 1 });
    const before = await countRows(t);
    const again = await activate(t, manager.token, DEFAULT_SCORING_MODEL.version);
    expect(expectError(again, 409, 'conflict').userMessage).toBe(
      `正在按 v${version} 重新评分（已重算 ${BATCH} / ${total}），完成后再切换模型`,
    );
    expect(expectError(await rollBack(t, manager.token), 409, 'conflict').userMessage).toMatch(/^正在按 v\d+ 重新评分/);
    expect(expectError(await activate(t, manager.token, 77), 404, 'not_found').userMessage).toBe('该模型版本不存在');
    expect(await countRows(t)).toEqual(before);
    await runCronUntilFinished(t);
    const back = await rollBack(t, manager.token);
    expect(back.body.rescoring).toMatchObject({ version: DEFAULT_SCORING_MODEL.version, kind: 'rollback', done: 0 });
    await runCronUntilFinished(t);
    await expectAllScoredUnder(t, DEFAULT_SCORING_MODEL.version);
  });
});
