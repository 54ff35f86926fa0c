/**
 * Histories, helpers and the reference rule for the score state's tests: small caps and a short
 * window so that caps, decay and dropping all happen, arbitraries that overflow the caps, and the
 * documented rule computed from scratch. Test code, not domain rules (left out of mutation
 * testing by its name).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { getEngagementPoints, isEngagementRuleMatch } from './engagement-rule.js';
import { UNKNOWN_LEAD_PROFILE } from './lead-profile.js';
import { scoreLead } from './score-lead.js';
import { applyScoringSignal, type CountedDay, createScoreState, type ScoreState } from './score-state.js';
import type { EngagementRule, ScoringModel } from './scoring-model.js';
import { readNumericProp, type ScoringSignal } from './scoring-signal.js';
import { buildSampleSignal, SAMPLE_SIGNAL_KINDS } from './scoring-test-kit.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const START = Date.UTC(2026, 0, 1);
/**
 * Small caps and a short window so that caps, decay and dropping all happen. The window is 40
 * half-lives, so what leaves it weighs < 1e-12 of its points: less than any positive signal here.
 */
export const MODEL: ScoringModel = {
  ...DEFAULT_SCORING_MODEL,
  id: 'test',
  engagement: {
    rules: DEFAULT_SCORING_MODEL.engagement.rules.map((r) => ({ ...r, dailyCap: Math.min(r.dailyCap, 2) })),
  },
  decay: { halfLifeDays: 1, windowDays: 40 },
};

/**
 * MODEL plus threshold rules the generated histories pass and miss (page views read up to 30
 * minutes each), one of them negative, so that crossings, daily caps on amounts and windows
 * dropping part of a total all happen.
 */
export const THRESHOLD_MODEL: ScoringModel = {
  ...MODEL,
  id: 'test-threshold',
  engagement: {
    rules: [
      ...MODEL.engagement.rules,
      {
        id: 'read-20min',
        label: '累计阅读满 20 分钟',
        signal: 'page_view',
        points: 6,
        threshold: { prop: 'durationMs', atLeast: 20 * 60_000 },
        dailyCap: 2,
      },
      {
        id: 'read-40min',
        label: '累计阅读满 40 分钟',
        signal: 'page_view',
        points: 4,
        threshold: { prop: 'durationMs', atLeast: 40 * 60_000 },
        dailyCap: 1,
      },
      {
        id: 'content-40min',
        label: '内容阅读满 40 分钟',
        signal: 'content_view',
        points: -3,
        threshold: { prop: 'durationMs', atLeast: 40 * 60_000 },
        dailyCap: 2,
      },
    ],
  },
};

/** Day 3 and day 55 are busy: 00:00–15:59 UTC, inside one Shanghai day (UTC+8). */
export const BUSY_DAYS = [3, 55];
export const signalArb = fc
  .record({
    kind: fc.constantFrom(...SAMPLE_SIGNAL_KINDS),
    id: fc.uuid(),
    // Two in three signals fall on the two busy days, so some (rule, day) get more signals than
    // their cap of 2; the rest spread over 60 days, so early days leave the 40-day window.
    atMs: fc
      .oneof(
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 * 24 }) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(...BUSY_DAYS).chain((d) => fc.integer({ min: d * 24, max: d * 24 + 15 })),
        },
      )
      .map((h) => START + h * HOUR),
    durationMs: fc.integer({ min: 0, max: 30 * 60_000 }),
  })
  .map(({ kind, id, atMs, durationMs }) => buildSampleSignal(kind, id, atMs, durationMs));
// `size: 'max'`: without it fast-check keeps arrays to about 10 items whatever maxLength says.
export const signalsArb = fc.uniqueArray(signalArb, {
  selector: (s) => s.id,
  minLength: 10,
  maxLength: 60,
  size: 'max',
});

export function applyAll(signals: ScoringSignal[], model = MODEL): ScoreState {
  return signals.reduce((state, s) => applyScoringSignal(state, s, model), createScoreState(model));
}
export function score(state: ScoreState, nowMs: number, model = MODEL) {
  return scoreLead({ profile: UNKNOWN_LEAD_PROFILE, state, model, now: new Date(nowMs) });
}
/** The counted signals per rule and day, without the sums (which may differ in the last bits). */
export function daysOf(state: ScoreState): Record<string, CountedDay[]> {
  return Object.fromEntries(Object.entries(state.rules).map(([ruleId, rule]) => [ruleId, rule.days]));
}
/** Every counted signal of the state with its rule id and day. */
export function countedEntries(state: ScoreState) {
  return Object.entries(state.rules).flatMap(([ruleId, rule]) =>
    rule.days.flatMap(({ day, counted }) => counted.map((c) => ({ ruleId, day, ...c }))),
  );
}
/** Relative to the size of the terms, since positive and negative rules may cancel. */
export function expectClose(a: number, b: number, scale: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(scale, Number.MIN_VALUE));
}
export function magnitude(state: ScoreState, nowMs: number, model = MODEL): number {
  return score(state, nowMs, model).breakdown.reduce((acc, item) => acc + Math.abs(item.points), 0);
}
/** The Shanghai (UTC+8) calendar day, computed here rather than with the code under test. */
export const shanghaiDay = (ms: number) => Math.floor((ms + 8 * HOUR) / DAY);

/**
 * The documented rule (score-state.ts, SPEC §2.3) computed from scratch, without the state's
 * anchoring, eviction or dropping: per rule and Shanghai day the `dailyCap` signals with the
 * largest |points|·2^(t/halfLife), on days no more than `windowDays − 1` before the newest scored
 * signal, each decayed to `now` (a `now` before the newest signal counts as the newest). A
 * threshold rule ranks and keeps amounts the same way, and scores its points once, decayed from
 * the kept signal at which the running total in time order first reaches the threshold.
 */
export function referenceEngagement(
  signals: ScoringSignal[],
  model: ScoringModel,
  nowMs: number,
): Record<string, number> {
  const halfLife = model.decay.halfLifeDays * DAY;
  const scored = signals
    .flatMap((signal) =>
      model.engagement.rules.map((rule) => ({
        id: signal.id,
        rule,
        atMs: Date.parse(signal.occurredAt),
        points: rule.threshold ? thresholdAmount(rule, signal) : getEngagementPoints(rule, signal),
      })),
    )
    .filter((x) => x.points !== 0);
  if (scored.length === 0) return {};
  const newest = Math.max(...scored.map((x) => x.atMs));
  const groups = new Map<string, typeof scored>();
  for (const x of scored) {
    if (shanghaiDay(x.atMs) <= shanghaiDay(newest) - model.decay.windowDays) continue;
    const key = `${x.rule.id}@${shanghaiDay(x.atMs)}`;
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const at = Math.max(nowMs, newest);
  const effect = (x: (typeof scored)[number]) => Math.log2(Math.abs(x.points)) + x.atMs / halfLife;
  const byEffect = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    effect(b) - effect(a) || (a.id < b.id ? -1 : 1);
  const countedByRule = new Map<string, typeof scored>();
  for (const group of groups.values()) {
    const counted = [...group].sort(byEffect).slice(0, group[0]?.rule.dailyCap);
    const ruleId = group[0]?.rule.id ?? '';
    countedByRule.set(ruleId, [...(countedByRule.get(ruleId) ?? []), ...counted]);
  }
  const result: Record<string, number> = {};
  for (const [ruleId, counted] of countedByRule) {
    // A rule with a window cap counts only that many over the whole window, strongest first.
    const threshold = counted[0]?.rule.threshold;
    if (threshold) {
      let total = 0;
      const crossing = [...counted]
        .sort((a, b) => a.atMs - b.atMs)
        .find((x) => {
          total += x.points;
          return total >= threshold.atLeast;
        });
      const points = counted[0]?.rule.points ?? 0;
      if (crossing) result[ruleId] = points * 2 ** ((crossing.atMs - at) / halfLife);
      continue;
    }
    const windowCap = counted[0]?.rule.windowCap;
    const kept = windowCap === undefined ? counted : [...counted].sort(byEffect).slice(0, windowCap);
    for (const x of kept) result[ruleId] = (result[ruleId] ?? 0) + x.points * 2 ** ((x.atMs - at) / halfLife);
  }
  return result;
}

/** A threshold rule's amount of a matching signal, read here rather than with the code under test. */
function thresholdAmount(rule: EngagementRule, signal: ScoringSignal): number {
  if (!rule.threshold || rule.points === 0 || !isEngagementRuleMatch(rule, signal)) return 0;
  return Math.max(readNumericProp(signal, rule.threshold.prop), 0);
}
