/**
 * Shared steps of the scoring-model tests (issue 15 §4): leads with outcomes to fit from, the
 * manager's requests, the cron run that rescores, and the check that every lead's stored score is
 * a fresh score of its history under a version.
 */
import { randomUUID } from 'node:crypto';
import {
  type ActivationResponse,
  parseScoringModel,
  type RunRescoringResponse,
  type ScoringModelsResponse,
  scoreLeadFromSignals,
} from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestCourse,
  createTestStaff,
  createWorkbenchLead,
  one,
  type TestApp,
  type TestAppOptions,
} from '../../../tests/helpers/index.js';
import { listTouchpointsOfLeads } from '../../db/queries/scoring-models.js';
import { enrolments, leads, scoringModels, staffActions, touchpoints } from '../../db/schema/index.js';
import { toLeadProfile } from '../../services/leads/lead-domain-state.js';
import { toTouchpointEvent } from '../../services/leads/rebuild-score-state.js';

const HOUR = 3_600_000;

export async function touch(t: TestApp, leadId: string, type: 'consultation_request' | 'page_view', at: Date) {
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
export async function seedOutcomes(t: TestApp, counts: { enrolled: number; lost: number; open: number }) {
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

export async function setup(options: TestAppOptions = {}) {
  const t = await createTestApp(options);
  const manager = await createTestStaff(t, { role: 'manager', isAllCampuses: true });
  return { t, manager };
}

export const get = (t: TestApp, token: string) =>
  t.request<ScoringModelsResponse>('/api/staff/scoring-models', { token });
export const postCandidate = (t: TestApp, token: string, json: unknown = {}) =>
  t.request<ScoringModelsResponse>('/api/staff/scoring-models/candidates', { method: 'POST', token, json });
export const activate = (t: TestApp, token: string, version: number | string) =>
  t.request<ActivationResponse>(`/api/staff/scoring-models/${version}/activate`, { method: 'POST', token });
export const rollBack = (t: TestApp, token: string) =>
  t.request<ActivationResponse>('/api/staff/scoring-models/rollback', { method: 'POST', token });

/** Every live lead's stored score equals a fresh score of its history under `version`. */
export async function expectAllScoredUnder(t: TestApp, version: number) {
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

/** One run of the rescoring cron, as Vercel Cron would call it (or a manual run of `maxBatches`). */
export const runCron = (t: TestApp, options: { maxBatches?: number | string; secret?: string | null } = {}) =>
  t.request<RunRescoringResponse>(
    `/api/cron/scoring${options.maxBatches === undefined ? '' : `?maxBatches=${options.maxBatches}`}`,
    {
      method: 'POST',
      ...(options.secret === null
        ? {}
        : { headers: { authorization: `Bearer ${options.secret ?? t.env.CRON_SECRET}` } }),
    },
  );

/** Cron runs until the rescoring finishes; how many runs it took. */
export async function runCronUntilFinished(t: TestApp, options: { maxBatches?: number } = {}): Promise<number> {
  for (let runs = 1; runs <= 1000; runs += 1) {
    const res = await runCron(t, options);
    expect(res.status).toBe(200);
    if (res.body.stoppedBy === 'finished' || res.body.stoppedBy === 'idle') return runs;
  }
  throw new Error('the rescoring did not finish in 1000 runs');
}
