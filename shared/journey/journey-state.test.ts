import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES } from '../events/touchpoint.js';
import { getJourneyEvidence, type JourneySignal } from './evidence.js';
import {
  applyJourneySignal,
  createJourneyState,
  DEFAULT_JOURNEY_MODEL,
  getJourneyEvidenceAt,
  inferJourneyStage,
} from './journey-state.js';
import { JOURNEY_STAGES } from './stages.js';

const model = DEFAULT_JOURNEY_MODEL;
const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

const signalArb: fc.Arbitrary<JourneySignal> = fc.record({
  id: fc.uuid(),
  type: fc.constantFrom(...TOUCHPOINT_TYPES),
  occurredAt: fc.integer({ min: 0, max: 3 * 365 }).map((d) => iso(start + d * DAY)),
  contentStage: fc.option(fc.constantFrom(...JOURNEY_STAGES), { nil: undefined }),
});

const fold = (signals: JourneySignal[]) =>
  signals.reduce((s, x) => applyJourneySignal(s, x, model), createJourneyState(start));

describe('journey inference', () => {
  it('does not depend on the order signals arrive in', () => {
    fc.assert(
      fc.property(fc.array(signalArb, { maxLength: 40 }), fc.integer({ min: 0, max: 1500 }), (signals, nowDay) => {
        const now = new Date(start + nowDay * DAY);
        const a = getJourneyEvidenceAt(fold(signals), model, now);
        const b = getJourneyEvidenceAt(fold([...signals].reverse()), model, now);
        for (const stage of JOURNEY_STAGES) {
          const scale = Math.max(1, Math.abs(a[stage]), Math.abs(b[stage]));
          expect(Math.abs(a[stage] - b[stage]) / scale).toBeLessThan(1e-9);
        }
        expect(fold([...signals].reverse()).latest).toEqual(fold(signals).latest);
      }),
    );
  });

  it('moves back (never forward) while nothing happens', () => {
    const rank = (s: string) => JOURNEY_STAGES.indexOf(s as (typeof JOURNEY_STAGES)[number]);
    fc.assert(
      fc.property(fc.array(signalArb, { minLength: 1, maxLength: 30 }), (signals) => {
        const state = fold(signals);
        const last = Math.max(...signals.map((s) => Date.parse(s.occurredAt)));
        let previous = rank(inferJourneyStage(state, model, new Date(last)).stage);
        for (let day = 1; day <= 400; day += 7) {
          const current = rank(inferJourneyStage(state, model, new Date(last + day * DAY)).stage);
          expect(current).toBeLessThanOrEqual(previous);
          previous = current;
        }
        expect(inferJourneyStage(state, model, new Date(last + 2000 * DAY)).stage).toBe('unaware');
      }),
    );
  });

  it('a fair-imported lead reading, downloading a case study and viewing pricing ends preferring', () => {
    const steps: JourneySignal[] = [
      { id: '1', type: 'content_view', occurredAt: iso(start), contentStage: 'exploring' },
      { id: '2', type: 'content_view', occurredAt: iso(start + DAY), contentStage: 'exploring' },
      { id: '3', type: 'content_download', occurredAt: iso(start + 2 * DAY), contentStage: 'considering' },
      { id: '4', type: 'content_view', occurredAt: iso(start + 3 * DAY), contentStage: 'preferring' },
    ];
    const stages = steps.map(
      (_, i) => inferJourneyStage(fold(steps.slice(0, i + 1)), model, new Date(start + i * DAY)).stage,
    );
    expect(stages).toEqual(['exploring', 'exploring', 'considering', 'preferring']);
    // After six weeks without activity the pricing view has faded; the case study still counts.
    expect(inferJourneyStage(fold(steps), model, new Date(start + 45 * DAY)).stage).toBe('considering');
  });

  it('never moves forward on a signal that says nothing about the journey', () => {
    const rank = (s: string) => JOURNEY_STAGES.indexOf(s as (typeof JOURNEY_STAGES)[number]);
    const silentTypes = TOUCHPOINT_TYPES.filter(
      (type) => getJourneyEvidence({ id: 'x', type, occurredAt: iso(start) }) === null,
    );
    expect(silentTypes.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.array(signalArb, { maxLength: 20 }),
        fc.constantFrom(...silentTypes),
        fc.integer({ min: 0, max: 1500 }),
        (signals, type, day) => {
          const now = new Date(start + day * DAY);
          const before = inferJourneyStage(fold(signals), model, now).stage;
          const after = fold([...signals, { id: 'silent', type, occurredAt: now.toISOString() }]);
          expect(rank(inferJourneyStage(after, model, now).stage)).toBeLessThanOrEqual(rank(before));
        },
      ),
    );
  });

  it('names the latest signal behind the stage in its reason', () => {
    const pricing: JourneySignal = {
      id: 'p-2',
      type: 'content_view',
      occurredAt: iso(start + DAY),
      contentStage: 'preferring',
    };
    const state = fold([
      { id: 'p-1', type: 'content_view', occurredAt: iso(start), contentStage: 'preferring' },
      pricing,
      { id: 'c-1', type: 'content_download', occurredAt: iso(start + 2 * DAY), contentStage: 'considering' },
    ]);
    const inference = inferJourneyStage(state, model, new Date(start + 2 * DAY));
    expect(inference.stage).toBe('preferring');
    expect(inference.signal).toEqual({ id: 'p-2', type: 'content_view', occurredAt: pricing.occurredAt });
    expect(inference.reason).toContain('p-2');
    const booked = fold([{ id: 't-1', type: 'trial_booked', occurredAt: iso(start) }]);
    expect(inferJourneyStage(booked, model, new Date(start)).signal?.type).toBe('trial_booked');
    const enrolled = fold([{ id: 'e-1', type: 'enrolled', occurredAt: iso(start) }]);
    expect(inferJourneyStage(enrolled, model, new Date(start)).stage).toBe('purchasing');
  });

  it('events that say nothing about the journey leave the state as it is', () => {
    const state = createJourneyState(start);
    expect(applyJourneySignal(state, { id: 'x', type: 'advisor_note', occurredAt: iso(start) }, model)).toBe(state);
    expect(inferJourneyStage(state, model, new Date(start)).stage).toBe('unaware');
  });

  it('a signal counts its full weight at the moment it happens, however far from the anchor', () => {
    for (const offsetDays of [-45, 0, 1, 90, 1000]) {
      const at = start + offsetDays * DAY;
      const state = applyJourneySignal(
        createJourneyState(start),
        { id: 'v', type: 'content_view', occurredAt: iso(at), contentStage: 'considering' },
        model,
      );
      expect(getJourneyEvidenceAt(state, model, new Date(at)).considering).toBeCloseTo(1, 12);
      // And half of it one half-life (30 days) later.
      expect(getJourneyEvidenceAt(state, model, new Date(at + 30 * DAY)).considering).toBeCloseTo(0.5, 12);
    }
  });

  it('one tagged view holds its stage for exactly one half-life, then the lead moves back', () => {
    const viewed = fold([{ id: 'v1', type: 'content_view', occurredAt: iso(start), contentStage: 'considering' }]);
    const halfLife = new Date(start + 30 * DAY);
    expect(inferJourneyStage(viewed, model, halfLife)).toEqual({
      stage: 'considering',
      reason: `considering evidence 0.50 ≥ 0.5 (latest: content_view v1 at ${iso(start)})`,
      signal: { id: 'v1', type: 'content_view', occurredAt: iso(start) },
    });
    expect(inferJourneyStage(viewed, model, new Date(start + 30 * DAY + 60_000)).stage).toBe('unaware');
  });

  it('infers the most advanced stage with enough evidence, skipping stages in between', () => {
    const enrolled = fold([{ id: 'e', type: 'enrolled', occurredAt: iso(start) }]);
    expect(inferJourneyStage(enrolled, model, new Date(start)).stage).toBe('purchasing');
    const mixed = fold([
      { id: 'r', type: 'registration', occurredAt: iso(start) },
      { id: 'c', type: 'consultation_request', occurredAt: iso(start) },
    ]);
    expect(inferJourneyStage(mixed, model, new Date(start)).stage).toBe('preferring');
    // 2 reads of preferring fall under half a read after two half-lives and a bit; the
    // registration (1 read of exploring) falls under it one half-life earlier.
    expect(inferJourneyStage(mixed, model, new Date(start + 61 * DAY)).stage).toBe('unaware');
    expect(inferJourneyStage(mixed, model, new Date(start + 59 * DAY)).stage).toBe('preferring');
  });

  it('says why it is unaware: no stage has recent evidence', () => {
    expect(inferJourneyStage(createJourneyState(start), model, new Date(start))).toEqual({
      stage: 'unaware',
      reason: 'no stage has recent evidence',
    });
    // An item tagged `unaware` gives evidence no stage reads: unaware is the absence of evidence.
    const taggedUnaware = fold([{ id: 'u', type: 'content_view', occurredAt: iso(start), contentStage: 'unaware' }]);
    expect(inferJourneyStage(taggedUnaware, model, new Date(start))).toEqual({
      stage: 'unaware',
      reason: 'no stage has recent evidence',
    });
    // A state stored before `latest` existed still reads, without a signal in the reason.
    const legacy = { anchorMs: start, sums: { ...createJourneyState(start).sums, exploring: 1 } };
    expect(inferJourneyStage(legacy, model, new Date(start))).toEqual({
      stage: 'exploring',
      reason: 'exploring evidence 1.00 ≥ 0.5',
    });
  });

  it('names the latest signal by time, then by id, whatever order they arrive in', () => {
    const a: JourneySignal = { id: 'a', type: 'content_view', occurredAt: iso(start), contentStage: 'exploring' };
    const b: JourneySignal = { ...a, id: 'b' };
    const older: JourneySignal = { ...a, id: 'z', occurredAt: iso(start - DAY) };
    for (const order of [
      [a, b, older],
      [older, b, a],
      [b, older, a],
    ]) {
      expect(fold(order).latest?.exploring?.id).toBe('b');
    }
  });

  it('an old signal arriving late counts the same across thousands of half-lives (the anchor only moves forward)', () => {
    // 40,000 days is 1,333 half-lives: 2^1333 overflows a double without re-anchoring.
    const first: JourneySignal = { id: 'f', type: 'content_view', occurredAt: iso(start), contentStage: 'considering' };
    const late = start + 40_000 * DAY;
    const last: JourneySignal = {
      id: 'l',
      type: 'content_download',
      occurredAt: iso(late),
      contentStage: 'preferring',
    };
    for (const order of [
      [first, last],
      [last, first],
    ]) {
      const evidence = getJourneyEvidenceAt(fold(order), model, new Date(late));
      expect(evidence.preferring).toBeCloseTo(2, 12);
      expect(evidence.considering).toBe(0);
      expect(inferJourneyStage(fold(order), model, new Date(late)).stage).toBe('preferring');
    }
    // 65 half-lives apart, just past the re-anchoring bound: the older evidence is kept, decayed.
    const near = start + 65 * 30 * DAY;
    const both = fold([first, { ...last, occurredAt: iso(near) }]);
    const evidence = getJourneyEvidenceAt(both, model, new Date(near));
    expect(evidence.considering / 2 ** -65).toBeCloseTo(1, 9);
    expect(evidence.preferring).toBeCloseTo(2, 12);
  });
});
