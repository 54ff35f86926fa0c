/**
 * The fault suite (issue 8 "the general defences"): many prospects' trackers ingest with retries
 * while the API process is killed with SIGKILL and started again on the same data, then the
 * database is checked: every event a 2xx acknowledged is stored exactly once and nothing else is;
 * no grant is counted twice; no ledger row counts more signals than were stored; and each lead's
 * stored score equals a clean replay of its stored touchpoints. PGlite in a data folder by
 * default; PostgreSQL (in a schema of its own) when `DATABASE_URL` is set. `npm run test:fault`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCORING_MODEL } from '@scrm/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle, quoteIdentifier } from '../../server/db/client.js';
import { leads, scoreLedger, subscriptions, touchpoints } from '../../server/db/schema/index.js';
import { loadEnv } from '../../server/env.js';
import { signSessionToken } from '../../server/services/auth/session-token.js';
import { replayLeadScore } from '../helpers/score-replay.js';
import { FAULT_AUTH_SECRET, type FaultDatabase, findFreePort, type RunningApp, startApp } from './app-process.js';
import { type ClientReport, planEvents, runClient } from './ingest-clients.js';

const CLIENTS = 12;
const EVENTS_PER_CLIENT = 90;
const BATCH_SIZE = 15;
const KILLS = 3;
/** Kill after this many acknowledged batches since the last start: always in the middle of ingest. */
const ACKS_PER_LIFE = 12;

const { DATABASE_URL } = loadEnv();
const database: FaultDatabase = DATABASE_URL
  ? { databaseUrl: DATABASE_URL, schema: `fault_${process.pid}_${crypto.randomUUID().slice(0, 8)}` }
  : { dataDir: mkdtempSync(join(tmpdir(), 'scrm-fault-')) };

const openForChecks = (): DatabaseHandle =>
  'dataDir' in database
    ? createDatabase({ dataDir: database.dataDir })
    : createDatabase({ databaseUrl: database.databaseUrl, searchPath: database.schema });

afterAll(async () => {
  if ('dataDir' in database) {
    rmSync(database.dataDir, { recursive: true, force: true });
    return;
  }
  const handle = createDatabase({ databaseUrl: database.databaseUrl });
  await handle.db.execute(sql.raw(`drop schema if exists ${quoteIdentifier(database.schema)} cascade`));
  await handle.close();
});

describe('ingest while the server is killed and restarted (SIGKILL)', () => {
  it('stores every acknowledged event exactly once, counts nothing twice, scores equal a replay', async () => {
    const port = await findFreePort();
    let app: RunningApp = await startApp({ port, database, leads: CLIENTS });
    const now = new Date();
    const plans = await Promise.all(
      app.leadIds.map(async (leadId, i) => ({
        leadId,
        token: (await signSessionToken(FAULT_AUTH_SECRET, { subject: leadId, role: 'prospect' }, now)).token,
        events: planEvents(1000 + i, EVENTS_PER_CLIENT, now),
      })),
    );

    let kills = 0;
    let acksThisLife = 0;
    let restarting: Promise<void> | null = null;
    const onAck = () => {
      acksThisLife += 1;
      if (kills >= KILLS || restarting || acksThisLife < ACKS_PER_LIFE) return;
      kills += 1;
      restarting = (async () => {
        await app.kill();
        app = await startApp({ port, database, leads: 0 });
        acksThisLife = 0;
        restarting = null;
      })();
    };
    const reports: ClientReport[] = await Promise.all(
      plans.map((plan) => runClient(plan, { baseUrl: `http://127.0.0.1:${port}`, batchSize: BATCH_SIZE, onAck })),
    );
    await restarting;
    await app.kill();
    expect(kills).toBe(KILLS);
    // The kills cut requests in flight: the trackers had to retry.
    expect(reports.reduce((n, r) => n + r.failedAttempts, 0)).toBeGreaterThan(0);

    const handle = openForChecks();
    try {
      for (const plan of plans) {
        const report = reports.find((r) => r.leadId === plan.leadId);
        const stored = await handle.db.select().from(touchpoints).where(eq(touchpoints.leadId, plan.leadId));
        const sent = plan.events.map((e) => e.id).sort();
        // Every event was acknowledged in the end, and stored once; nothing else was stored.
        expect([...(report?.acked ?? [])].sort()).toEqual(sent);
        expect(stored.map((r) => r.id).sort()).toEqual(sent);

        // Grants: one per stored subscribe_accept, per template, never more (no double count).
        const grants = await handle.db.select().from(subscriptions).where(eq(subscriptions.leadId, plan.leadId));
        const accepts = stored.filter((r) => r.type === 'subscribe_accept');
        for (const grant of grants) {
          const expected = accepts.filter((r) => r.props.templateId === grant.templateId).length;
          expect({ template: grant.templateId, granted: grant.grantedCount }).toEqual({
            template: grant.templateId,
            granted: expected,
          });
        }
        expect(grants.reduce((n, g) => n + g.grantedCount, 0)).toBe(accepts.length);

        // The ledger never sums more signals of a rule than were stored of its type.
        const ledger = await handle.db
          .select({ ruleId: scoreLedger.ruleId, signals: sql<number>`sum(${scoreLedger.signalCount})::int` })
          .from(scoreLedger)
          .where(and(eq(scoreLedger.leadId, plan.leadId), eq(scoreLedger.dimension, 'engagement')))
          .groupBy(scoreLedger.ruleId);
        for (const { ruleId, signals } of ledger) {
          const type = DEFAULT_SCORING_MODEL.engagement.rules.find((r) => r.id === ruleId)?.signal;
          const storedOfType = stored.filter((r) => r.type === type).length;
          expect({ ruleId, atMost: signals <= storedOfType }).toEqual({ ruleId, atMost: true });
        }

        // The stored score is exactly what the stored history gives.
        const score = await replayLeadScore(handle.db, plan.leadId, new Date());
        expect(score.storedDays).toEqual(score.replayedDays);
        expect(score.stored).toBeCloseTo(score.replayed, 6);
      }
      expect(await handle.db.select({ id: leads.id }).from(leads)).toHaveLength(CLIENTS);
    } finally {
      await handle.close();
    }
  });
});
