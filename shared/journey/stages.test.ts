import { describe, expect, it } from 'vitest';
import { isJourneyStage, JOURNEY_STAGE_LABELS, JOURNEY_STAGES } from './stages.js';

describe('buying-journey stages (SPEC §2.2)', () => {
  it('are the five stages of the spec, in order, with its Chinese names', () => {
    expect(JOURNEY_STAGES).toEqual(['unaware', 'exploring', 'considering', 'preferring', 'purchasing']);
    expect(JOURNEY_STAGE_LABELS).toEqual({
      unaware: '安于现状',
      exploring: '探索认知',
      considering: '考虑',
      preferring: '偏好',
      purchasing: '购买',
    });
  });

  it('recognises a stored stage name and nothing else', () => {
    for (const stage of JOURNEY_STAGES) expect(isJourneyStage(stage)).toBe(true);
    for (const value of ['', 'Exploring', 'mql', 'purchase']) expect(isJourneyStage(value)).toBe(false);
  });
});
