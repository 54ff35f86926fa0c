/**
 * Scoring bench (SPEC §2.3 "incremental"): events per second when each of a lead's events is
 * applied to its state and the lead rescored, against recomputing the score from all of the
 * lead's events each time one arrives. Two ways to be incremental: one call for a batch, as
 * `advanceLead` does for an ingest batch (the state advanced in place, `openScoreStateDraft`; the
 * MQL check after each event reads the totals, the fit read once as the profile does not change
 * within a batch; the full score with its breakdown once at the end), and one call per event
 * (`applyScoringSignal`, the full `scoreLead` after each: a batch of one event).
 */

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import {
  applyScoringSignal,
  createScoreState,
  createSeededRandom,
  DEFAULT_SCORING_MODEL,
  isMqlScore,
  type LeadProfile,
  leadProfileSchema,
  openScoreStateDraft,
  type ScoringSignal,
  scoreEngagementTotal,
  scoreFitTotal,
  scoreLead,
  scoreLeadFromSignals,
} from '@scrm/shared';
import { alternate, type BenchFigure, type BenchOptions, formatRange, measureRates } from '../lib/bench-kit.js';
import { formatProfileSummary, readCpuProfile } from '../lib/cpu-profile.js';

export const name = 'scoring';

const MODEL = DEFAULT_SCORING_MODEL;
const PROFILE: LeadProfile = leadProfileSchema.parse({
  role: 'parent',
  gradeBand: 'middle',
  timeline: 'within_1_year',
});
const START = Date.UTC(2026, 0, 1);
const CONTENT = '00000000-0000-4000-8000-00000000c001';

/** A lead's history: mostly page and content views, some downloads and messages, over 90 days. */
function buildHistory(count: number, seed: number): ScoringSignal[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, (_, i): ScoringSignal => {
    const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const occurredAt = new Date(START + Math.floor((i / count) * 90 * 86_400_000 + random() * 3_600_000)).toISOString();
    const r = random();
    const durationMs = Math.floor(random() * 600_000);
    if (r < 0.6) return { id, occurredAt, type: 'page_view', props: { page: '/pages/course/index', durationMs } };
    if (r < 0.85) return { id, occurredAt, type: 'content_view', contentId: CONTENT, props: { durationMs } };
    if (r < 0.95) return { id, occurredAt, type: 'content_download', contentId: CONTENT, props: {} };
    return {
      id,
      occurredAt,
      type: 'message_sent',
      props: { templateId: 'tpl', status: random() < 0.2 ? 'bounced' : 'ok' },
    };
  });
}

type Mode = 'call per event' | 'one call';

/**
 * Applies `history` one event at a time, checking MQL after each; returns how many events that
 * qualified, so that no check is work the engine may skip.
 */
function applyIncrementally(history: readonly ScoringSignal[], mode: Mode, now: Date): number {
  let qualified = 0;
  if (mode === 'call per event') {
    let state = createScoreState(MODEL);
    for (const signal of history) {
      state = applyScoringSignal(state, signal, MODEL);
      if (scoreLead({ profile: PROFILE, state, model: MODEL, now }).isMql) qualified += 1;
    }
    return qualified;
  }
  const draft = openScoreStateDraft(createScoreState(MODEL), MODEL);
  const fit = scoreFitTotal(PROFILE, MODEL);
  for (const signal of history) {
    draft.apply(signal);
    if (isMqlScore(fit, fit + scoreEngagementTotal(draft.state, MODEL, now), MODEL)) qualified += 1;
  }
  if (scoreLead({ profile: PROFILE, state: draft.state, model: MODEL, now }).isMql) qualified += 1;
  return qualified;
}

/**
 * Runs `measure` under the V8 profiler and writes the profile to `path` (`--cpu-prof DIR`): the
 * scoring code runs in this process, so the inspector records just the measured window.
 */
async function profiled<T>(path: string, measure: () => T, log: (message: string) => void): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = measure();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(path, JSON.stringify(profile));
  // The summary's header counts per batch; here the whole measured window is one.
  const [, ...lines] = formatProfileSummary(readCpuProfile(path), 1);
  log(`CPU profile in ${path}; self time of the measured window by code:`);
  for (const line of lines) log(`  ${line.replace(' ms/batch', ' ms')}`);
  return result;
}

async function figureFor(events: number, mode: Mode, options: BenchOptions): Promise<BenchFigure> {
  const history = buildHistory(events, events);
  const now = new Date(START + 91 * 86_400_000);
  const minMs = options.isSmoke ? 20 : 500;
  const cpuRates: number[] = [];
  let qualifiedChecks = 0;
  const profileDir = options.cpuProfileDir;
  const values = await alternate(options.repetitions, {
    incremental: async () => {
      const measure = () =>
        measureRates(() => {
          qualifiedChecks += applyIncrementally(history, mode, now);
          return history.length;
        }, minMs);
      const isProfiled = profileDir !== undefined && cpuRates.length === 0;
      const fileName = `scoring-${events}-${mode.replaceAll(' ', '-')}.cpuprofile`;
      const rates = isProfiled ? await profiled(join(profileDir, fileName), measure, options.log) : measure();
      cpuRates.push(rates.perCpuSecond);
      return rates.perSecond;
    },
    recompute: () =>
      measureRates(() => {
        for (let end = 1; end <= history.length; end += 1) {
          scoreLeadFromSignals({ profile: PROFILE, signals: history.slice(0, end), model: MODEL, now });
        }
        return history.length;
      }, minMs).perSecond,
  });
  return {
    name: `lead with ${events} events, ${mode === 'one call' ? 'all in one call' : 'one call per event'}`,
    unit: ' events/s',
    candidate: {
      label:
        mode === 'one call'
          ? 'incremental (apply the event, check MQL on the totals; breakdown once per batch, as advanceLead)'
          : 'incremental (apply the event, full rescore with breakdown)',
      values: values.incremental,
    },
    baseline: { label: 'recompute from all events', values: values.recompute },
    notes: [
      `incremental per second of CPU time (what a busy shared machine's wall clock hides): ${formatRange(cpuRates, ' events/s')}`,
      ...(qualifiedChecks > 0 ? [] : ['no check qualified: the history should make the lead an MQL']),
    ],
  };
}

export async function run(options: BenchOptions): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const [events, mode] of [
    [50, 'one call'],
    [50, 'call per event'],
    [500, 'one call'],
  ] as const) {
    figures.push(await figureFor(events, mode, options));
  }
  return figures;
}
