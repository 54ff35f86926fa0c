/**
 * Scoring bench (SPEC §2.3 "incremental"): events applied per second when each new event is
 * applied to the stored state and the lead rescored, against recomputing the score from all of
 * the lead's events each time one arrives.
 */
import {
  applyScoringSignal,
  createScoreState,
  createSeededRandom,
  DEFAULT_SCORING_MODEL,
  type LeadProfile,
  leadProfileSchema,
  type ScoringSignal,
  scoreLead,
  scoreLeadFromSignals,
} from '@scrm/shared';
import { type BenchFigure, measurePerSecond } from '../lib/bench-kit.js';

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

function figureFor(events: number): BenchFigure {
  const history = buildHistory(events, events);
  const now = new Date(START + 91 * 86_400_000);
  const incremental = measurePerSecond(() => {
    let state = createScoreState(MODEL);
    for (const signal of history) {
      state = applyScoringSignal(state, signal, MODEL);
      scoreLead({ profile: PROFILE, state, model: MODEL, now });
    }
    return history.length;
  });
  const recompute = measurePerSecond(() => {
    for (let i = 1; i <= history.length; i += 1) {
      scoreLeadFromSignals({ profile: PROFILE, signals: history.slice(0, i), model: MODEL, now });
    }
    return history.length;
  });
  return {
    name: `lead with ${events} events`,
    unit: ' events/s',
    candidate: { label: 'incremental (state + 1 event)', perSecond: incremental },
    baseline: { label: 'recompute from all events', perSecond: recompute },
  };
}

export function run(): BenchFigure[] {
  return [50, 500].map(figureFor);
}
