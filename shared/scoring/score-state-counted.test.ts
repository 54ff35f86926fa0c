/**
 * The signals that count per rule, as calibration reads them (SPEC §2.3): each day's capped list,
 * only the strongest `windowCap` of a window-capped rule, the crossing of a threshold rule.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from './default-model.js';
import { buildScoreState, listCountedSignals } from './score-state.js';
import type { ScoringModel } from './scoring-model.js';
import { buildSampleSignal } from './scoring-test-kit.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1, 2);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('listCountedSignals (SPEC §2.3)', () => {
  const model = DEFAULT_SCORING_MODEL;
  const referral = model.engagement.rules.find((r) => r.id === 'referral-signup');
  const cap = referral?.windowCap ?? 0;

  it('keeps the strongest windowCap signals of a window-capped rule: the most recent, newest first', () => {
    expect(cap).toBe(3);
    const signals = [0, 1, 2, 3, 4].map((d) => buildSampleSignal('referral_signup', id(d), START + d * DAY));
    const counted = listCountedSignals(buildScoreState(signals, model), model).get('referral-signup');
    expect(counted?.map((c) => c.id)).toEqual([id(4), id(3), id(2)]);
  });

  it('keeps all of them up to the cap, and every counted signal of a rule without one', () => {
    const referrals = [0, 1, 2].map((d) => buildSampleSignal('referral_signup', id(d), START + d * DAY));
    const downloads = [0, 1, 2, 3].map((d) => buildSampleSignal('content_download', id(10 + d), START + d * DAY));
    const counted = listCountedSignals(buildScoreState([...referrals, ...downloads], model), model);
    expect(counted.get('referral-signup')?.map((c) => c.id)).toEqual([id(0), id(1), id(2)]);
    expect(counted.get('content-download')?.map((c) => c.id)).toEqual([id(10), id(11), id(12), id(13)]);
  });

  it('ranks by effect decayed with the model half-life: a long read three days ago beats a short one today', () => {
    const longest: ScoringModel = {
      ...model,
      engagement: {
        rules: [
          {
            id: 'longest-read',
            label: '最长阅读',
            signal: 'page_view',
            points: 0,
            perUnit: { prop: 'durationMs', unit: 60_000, points: 1, maxUnits: 60 },
            dailyCap: 1,
            windowCap: 1,
          },
        ],
      },
    };
    // 8 minutes·2^(−3/30) ≈ 7.5 against 2 minutes today (half-life 30 days).
    const signals = [
      buildSampleSignal('page_view', id(1), START, 8 * 60_000),
      buildSampleSignal('page_view', id(2), START + 3 * DAY, 2 * 60_000),
    ];
    for (const order of [signals, [...signals].reverse()]) {
      expect(
        listCountedSignals(buildScoreState(order, longest), longest)
          .get('longest-read')
          ?.map((c) => c.id),
      ).toEqual([id(1)]);
    }
  });
});
