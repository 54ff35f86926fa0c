import { describe, expect, it } from 'vitest';
import { leadProfileSchema, UNKNOWN_LEAD_PROFILE } from './lead-profile.js';

describe('lead profile (SPEC §2.3 fit)', () => {
  it('a lead with no data parses to a profile where every scored field is unknown', () => {
    const unknown = {
      role: 'unknown',
      gradeBand: 'unknown',
      campusReach: 'unknown',
      budgetBand: 'unknown',
      timeline: 'unknown',
      decisionMaker: 'unknown',
      need: 'unknown',
    };
    expect(leadProfileSchema.parse({})).toEqual(unknown);
    expect(UNKNOWN_LEAD_PROFILE).toEqual(unknown);
  });

  it('trims free identifiers and refuses empty or unlisted values', () => {
    expect(leadProfileSchema.parse({ city: ' 上海 ', campusId: ' c1 ', courseInterest: ' ielts ' })).toMatchObject({
      city: '上海',
      campusId: 'c1',
      courseInterest: 'ielts',
    });
    for (const field of ['city', 'campusId', 'courseInterest']) {
      expect(leadProfileSchema.safeParse({ [field]: '   ' }).success, field).toBe(false);
      expect(leadProfileSchema.safeParse({ [field]: 'x'.repeat(64) }).success, field).toBe(true);
      expect(leadProfileSchema.safeParse({ [field]: 'x'.repeat(65) }).success, field).toBe(false);
    }
    expect(leadProfileSchema.safeParse({ role: 'teacher' }).success).toBe(false);
    expect(leadProfileSchema.safeParse({ nickname: 'x' }).success).toBe(false);
  });
});
