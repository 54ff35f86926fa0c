/**
 * Threshold rules in the score state (SPEC §2.3, issue 15 §4): a rule's points once, from the
 * signal at which the running total of its prop over the window first reaches the threshold.
 * The same guarantees as every other rule: a stored state plus one signal equals a rebuild from
 * all signals, in any arrival order, and engagement is what the documented rule gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import {
  applyScoringSignal,
  buildScoreState,
  createScoreState,
  getEngagementAt,
  listCountedSignals,
  openScoreStateDraft,
  type ScoreState,
  scoreStateSchema,
} from './score-state.js';
import {
  applyAll,
  countedEntries,
  DAY,
  daysOf,
  expectClose,
  HOUR,
  magnitude,
  referenceEngagement,
  START,
  score,
  signalsArb,
  THRESHOLD_MODEL,
} from './score-state-test-kit.js';
import type { EngagementRule, ScoringModel } from './scoring-model.js';
import type { ScoringSignal } from './scoring-signal.js';
import { buildSampleSignal } from './scoring-test-kit.js';

const MINUTE = 60_000;
const model = THRESHOLD_MODEL;
const thresholdRules = model.engagement.rules.filter((r) => r.threshold);

/** Reading five minutes in total: 3 points once. Other rules as the default model has them. */
const FIVE_MINUTES: EngagementRule = {
  id: 'read-5min',
  label: '累计阅读满 5 分钟',
  signal: 'page_view',
  points: 3,
  threshold: { prop: 'durationMs', atLeast: 5 * MINUTE },
  dailyCap: 10,
};
/** Half-life 30 days; the default page-view rule scores nothing, so only the threshold counts. */
function withRule(rule: EngagementRule, decay = DEFAULT_SCORING_MODEL.decay): ScoringModel {
  const others = DEFAULT_SCORING_MODEL.engagement.rules.filter((r) => r.id !== 'page-view');
  return { ...DEFAULT_SCORING_MODEL, id: 'threshold', engagement: { rules: [...others, rule] }, decay };
}
const FIVE = withRule(FIVE_MINUTES);
const read = (id: string, atMs: number, minutes: number) => buildSampleSignal('page_view', id, atMs, minutes * MINUTE);
const shuffle = (signals: ScoringSignal[], seed: number) =>
  fc.sample(fc.shuffledSubarray(signals, { minLength: signals.length }), { seed, numRuns: 1 })[0] ?? signals;

describe('threshold rules in the score state (SPEC §2.3)', () => {
  it('a stored state plus one signal equals a rebuild from all signals, in any arrival order', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer(), fc.integer({ min: 0, max: 60 * DAY }), (signals, seed, offset) => {
        const shuffled = shuffle(signals, seed);
        const stored = JSON.parse(JSON.stringify(applyAll(shuffled.slice(0, -1), model))) as ScoreState;
        const last = shuffled.at(-1) as ScoringSignal;
        const incremental = applyScoringSignal(scoreStateSchema.parse(stored), last, model);
        const rebuilt = buildScoreState(signals, model);
        expect(daysOf(incremental)).toEqual(daysOf(rebuilt));
        const nowMs = START + offset;
        const scale = magnitude(rebuilt, nowMs, model);
        const a = getEngagementAt(incremental, model, new Date(nowMs));
        const b = getEngagementAt(rebuilt, model, new Date(nowMs));
        for (const rule of model.engagement.rules) expectClose(a[rule.id] ?? 0, b[rule.id] ?? 0, scale);
      }),
    );
  });

  it('engagement is what the documented rule gives: points once, from the signal that passed the total', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer({ min: -5 * DAY, max: 60 * DAY }), (signals, offset) => {
        const state = applyAll(signals, model);
        const nowMs = START + offset;
        const expected = referenceEngagement(signals, model, nowMs);
        const actual = getEngagementAt(state, model, new Date(nowMs));
        const scale = Object.values(expected).reduce((acc, x) => acc + Math.abs(x), 0);
        for (const rule of model.engagement.rules) expectClose(actual[rule.id] ?? 0, expected[rule.id] ?? 0, scale);
      }),
    );
  });

  it("a draft's point changes (the score ledger) include a threshold passed, moved or lost", () => {
    fc.assert(
      fc.property(signalsArb, signalsArb, (history, batch) => {
        const draft = openScoreStateDraft(applyAll(history, model), model);
        for (const signal of batch) {
          const at = new Date(signal.occurredAt);
          const before = getEngagementAt(draft.state, model, at);
          draft.apply(signal);
          const after = getEngagementAt(draft.state, model, at);
          const changes: Record<string, number> = {};
          draft.visitPointChanges((ruleId, points) => {
            changes[ruleId] = points;
          });
          for (const { id } of thresholdRules) {
            expect(changes[id] ?? 0).toBe((after[id] ?? 0) - (before[id] ?? 0));
          }
        }
      }),
    );
  });

  it('the generated histories pass some thresholds and miss others, as the properties above need', () => {
    const histories = fc.sample(signalsArb, { seed: 2026, numRuns: 200 });
    for (const rule of thresholdRules) {
      const passed = histories.filter((h) => (applyAll(h, model).rules[rule.id]?.sum ?? 0) !== 0).length;
      const missed = histories.filter((h) => {
        const state = applyAll(h, model).rules[rule.id];
        return state !== undefined && state.sum === 0;
      }).length;
      expect(passed, rule.id).toBeGreaterThan(20);
      expect(missed, rule.id).toBeGreaterThan(20);
    }
    // Reading that leaves the window moves or takes away a crossing in some of them.
    const unbounded: ScoringModel = { ...model, decay: { ...model.decay, windowDays: 3650 } };
    const moved = histories.filter((h) => {
      const bounded = applyAll(h, model);
      const all = applyAll(h, unbounded);
      return thresholdRules.some((r) => (bounded.rules[r.id]?.sum ?? 0) !== (all.rules[r.id]?.sum ?? 0));
    }).length;
    expect(moved).toBeGreaterThan(10);
  });

  it('a replayed signal changes nothing, and the state stays bounded by the daily caps', () => {
    fc.assert(
      fc.property(signalsArb, fc.nat(), (signals, pick) => {
        const state = applyAll(signals, model);
        expect(applyScoringSignal(state, signals[pick % signals.length] as ScoringSignal, model)).toEqual(state);
        expect(scoreStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
        for (const rule of thresholdRules) {
          for (const { counted } of state.rules[rule.id]?.days ?? []) {
            expect(counted.length).toBeLessThanOrEqual(rule.dailyCap);
          }
        }
      }),
    );
  });

  it('scores its points once, at the instant the total is reached, decayed from there', () => {
    // 2 + 1 + 2 minutes: exactly five at 03:00, whatever the arrival order.
    const signals = [read('a', START + HOUR, 2), read('b', START + 2 * HOUR, 1), read('c', START + 3 * HOUR, 2)];
    for (const order of [signals, [...signals].reverse(), [signals[2], signals[0], signals[1]] as ScoringSignal[]]) {
      const state = applyAll(order, FIVE);
      expect(daysOf(state)).toEqual(daysOf(buildScoreState(signals, FIVE)));
      const { breakdown } = score(state, START + 3 * HOUR, FIVE);
      expect(breakdown).toMatchObject([{ ruleId: 'read-5min', label: '累计阅读满 5 分钟', dimension: 'engagement' }]);
      expect(breakdown[0]?.points).toBeCloseTo(3, 12);
      expect(score(state, START + 3 * HOUR + 30 * DAY, FIVE).engagement).toBeCloseTo(1.5, 12);
    }
    // More reading after the threshold adds nothing: the points stay those of 03:00.
    const more = applyAll([...signals, read('d', START + 4 * HOUR, 20)], FIVE);
    expect(score(more, START + 4 * HOUR, FIVE).engagement).toBeCloseTo(3 * 2 ** (-HOUR / (30 * DAY)), 12);
    expect(listCountedSignals(more, FIVE).get('read-5min')).toEqual([
      { id: 'c', atMs: START + 3 * HOUR, points: 2 * MINUTE },
    ]);
  });

  it('below the threshold it keeps the reading but scores nothing and shows no line', () => {
    const state = applyAll([read('a', START + HOUR, 2), read('b', START + 2 * HOUR, 2.5)], FIVE);
    expect(countedEntries(state).map((c) => c.points)).toEqual([2.5 * MINUTE, 2 * MINUTE]);
    expect(score(state, START + 2 * HOUR, FIVE)).toMatchObject({ engagement: 0, breakdown: [] });
    expect(listCountedSignals(state, FIVE).get('read-5min')).toEqual([]);
  });

  it('adds the reading in time order, not in the order a day keeps it (largest first)', () => {
    // 1 minute at 01:00, 4 at 02:00, both on one day: five minutes are reached at 02:00.
    const state = applyAll([read('long', START + 2 * HOUR, 4), read('short', START + HOUR, 1)], FIVE);
    expect(state.rules['read-5min']?.days[0]?.counted.map((c) => c.id)).toEqual(['long', 'short']);
    expect(score(state, START + 2 * HOUR, FIVE).engagement).toBeCloseTo(3, 12);
  });

  it('counts only the largest amounts of a day, at most dailyCap', () => {
    const capOne = withRule({ ...FIVE_MINUTES, dailyCap: 1 });
    const day = [read('a', START + HOUR, 4), read('b', START + 2 * HOUR, 1)];
    expect(score(applyAll(day, capOne), START + 2 * HOUR, capOne).engagement).toBe(0);
    expect(score(applyAll(day, FIVE), START + 2 * HOUR, FIVE).engagement).toBeCloseTo(3, 12);
    // A minute the next day passes it then.
    const next = applyAll([...day, read('c', START + DAY + HOUR, 1)], capOne);
    expect(score(next, START + DAY + HOUR, capOne).engagement).toBeCloseTo(3, 12);
  });

  it('when reading leaves the window, the total is taken again: the points move later or go', () => {
    // A 3-day window: the newest Shanghai day and the two before it.
    const shortWindow = withRule(FIVE_MINUTES, { halfLifeDays: 30, windowDays: 3 });
    const consult = (atMs: number) => buildSampleSignal('consultation_request', 'consult', atMs);
    const early = read('early', START + 2 * HOUR, 4);
    const late = read('late', START + 2 * DAY + 2 * HOUR, 2);
    const crossed = applyAll([early, late], shortWindow);
    expect(score(crossed, START + 2 * DAY + 2 * HOUR, shortWindow).engagement).toBeCloseTo(3, 12);
    // A consultation on day 3 pushes day 0 out: two minutes remain, the threshold is no longer met.
    for (const order of [
      [early, late, consult(START + 3 * DAY + 2 * HOUR)],
      [consult(START + 3 * DAY + 2 * HOUR), late, early],
    ]) {
      const state = applyAll(order, shortWindow);
      expect(state.rules['read-5min']?.sum).toBe(0);
      expect(score(state, START + 3 * DAY + 2 * HOUR, shortWindow).breakdown.map((b) => b.ruleId)).toEqual([
        'consultation',
      ]);
    }
    // With four minutes on day 1 as well, the total is met again, on day 2 rather than day 1.
    const middle = read('middle', START + DAY + 2 * HOUR, 4);
    const moved = applyAll([early, middle, late, consult(START + 3 * DAY + 2 * HOUR)], shortWindow);
    const expected = 20 + 3 * 2 ** (-1 / 30);
    expect(score(moved, START + 3 * DAY + 2 * HOUR, shortWindow).engagement).toBeCloseTo(expected, 12);
  });

  it('reading without a duration, or a rule worth no points, leaves the state as it was', () => {
    const state = applyAll([buildSampleSignal('consultation_request', 'c', START)], FIVE);
    expect(applyScoringSignal(state, read('idle', START + DAY, 0), FIVE)).toBe(state);
    const worthless = withRule({ ...FIVE_MINUTES, points: 0 });
    const empty = createScoreState(worthless);
    expect(applyScoringSignal(empty, read('a', START, 10), worthless)).toBe(empty);
  });
});
