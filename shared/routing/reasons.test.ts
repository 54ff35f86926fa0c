import { describe, expect, it } from 'vitest';
import {
  ADVISOR_RETURN_REASON_LABELS,
  ADVISOR_RETURN_REASONS,
  ASSIGNMENT_BLOCKER_LABELS,
  ASSIGNMENT_BLOCKERS,
  ROUTING_REASON_LABELS,
  ROUTING_REASONS,
} from './reasons.js';

const CHINESE = /\p{Script=Han}/u;

/**
 * The closed sets of codes the workbench switches on and the server stores (SPEC §2.4): renaming
 * one breaks stored rows and clients, so they are written out here.
 */
describe('routing reason codes and their Chinese labels (SPEC §2.4)', () => {
  it.each([
    [
      'routing reason',
      ROUTING_REASONS,
      ROUTING_REASON_LABELS,
      [
        'high_intent',
        'qualified_mql',
        'low_intent',
        'no_campus',
        'no_matching_advisor',
        'advisors_at_capacity',
        'advisor_returned',
        'advisor_left',
        'advisor_card',
      ],
    ],
    [
      'assignment blocker',
      ASSIGNMENT_BLOCKERS,
      ASSIGNMENT_BLOCKER_LABELS,
      ['inactive', 'other_campus', 'other_course', 'at_capacity'],
    ],
    [
      'advisor return reason',
      ADVISOR_RETURN_REASONS,
      ADVISOR_RETURN_REASON_LABELS,
      ['unreachable', 'not_interested', 'not_fit', 'duplicate', 'other'],
    ],
  ] as [string, readonly string[], Record<string, string>, string[]][])(
    'every %s code is listed and has one distinct Chinese label',
    (_name, codes, labels, expected) => {
      expect(codes).toEqual(expected);
      expect(Object.keys(labels)).toEqual(expected);
      const texts = expected.map((code) => labels[code] ?? '');
      for (const text of texts) expect(text).toMatch(CHINESE);
      expect(new Set(texts).size).toBe(texts.length);
    },
  );
});
