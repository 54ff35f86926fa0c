import { describe, expect, it } from 'vitest';
import { TOUCHPOINT_TYPES, type TouchpointType } from '../events/touchpoint.js';
import { getJourneyEvidence, type JourneyEvidence } from './evidence.js';
import type { JourneyStage } from './stages.js';

const AT = '2026-04-01T02:00:00.000Z';
const evidenceOf = (type: TouchpointType, contentStage?: JourneyStage) =>
  getJourneyEvidence({ id: 'e1', type, occurredAt: AT, ...(contentStage ? { contentStage } : {}) });

/**
 * What each touchpoint says about the buying journey (SPEC §2.2), in "reads" (one tagged content
 * view = 1), written out here so that a changed weight or stage in evidence.ts is noticed.
 */
const UNTAGGED: [TouchpointType, JourneyEvidence | null, string][] = [
  ['page_view', { stage: 'exploring', weight: 0.5 }, 'browsing: half a read of exploring'],
  ['content_view', { stage: 'exploring', weight: 0.5 }, 'an untagged article: half a read of exploring'],
  ['content_download', { stage: 'exploring', weight: 1 }, 'a download costs more than a view: twice'],
  ['message_clicked', { stage: 'exploring', weight: 0.5 }, 'a click on an untagged message: like a view'],
  ['subscribe_accept', { stage: 'exploring', weight: 0.5 }, 'accepting messages: still exploring'],
  ['share', { stage: 'exploring', weight: 0.5 }, 'sharing a page: still exploring'],
  ['registration', { stage: 'exploring', weight: 1 }, 'registering: a full read of exploring'],
  ['referral_signup', { stage: 'exploring', weight: 1 }, 'a referred sign-up: a full read of exploring'],
  ['consultation_request', { stage: 'preferring', weight: 2 }, 'asking an advisor: preferring, two reads'],
  ['trial_booked', { stage: 'preferring', weight: 3 }, 'booking a trial: preferring, three reads'],
  ['trial_attended', { stage: 'preferring', weight: 3 }, 'attending a trial: preferring, three reads'],
  ['enrolled', { stage: 'purchasing', weight: 5 }, 'an enrolment is purchasing'],
  ['subscribe_reject', null, 'refusing messages says nothing about the journey'],
  ['trial_cancelled', null, 'a cancellation moves nothing forward'],
  ['trial_no_show', null, 'a no-show moves nothing forward'],
  ['message_sent', null, 'our own send is not the prospect acting'],
  ['advisor_note', null, 'an advisor writing is not the prospect acting'],
  ['advisor_call', null, 'an advisor calling is not the prospect acting'],
  ['unsubscribe', null, 'unsubscribing moves nothing forward'],
];

describe('journey evidence of each touchpoint (SPEC §2.2)', () => {
  it('covers every touchpoint type once', () => {
    expect(UNTAGGED.map(([type]) => type).sort()).toEqual([...TOUCHPOINT_TYPES].sort());
  });

  it.each(UNTAGGED)('%s without a tagged item gives %j: %s', (type, expected) => {
    expect(evidenceOf(type)).toEqual(expected);
  });

  it.each<[TouchpointType, number]>([
    ['content_view', 1],
    ['content_download', 2],
    ['message_clicked', 1],
  ])('%s of an item tagged with a stage is evidence for that stage, weight %d', (type, weight) => {
    for (const stage of ['exploring', 'considering', 'preferring', 'purchasing'] as const) {
      expect(evidenceOf(type, stage)).toEqual({ stage, weight });
    }
  });

  it('only content events read the item tag: other touchpoints signal their own stage', () => {
    expect(evidenceOf('page_view', 'preferring')).toEqual({ stage: 'exploring', weight: 0.5 });
    expect(evidenceOf('share', 'purchasing')).toEqual({ stage: 'exploring', weight: 0.5 });
    expect(evidenceOf('consultation_request', 'exploring')).toEqual({ stage: 'preferring', weight: 2 });
    expect(evidenceOf('unsubscribe', 'preferring')).toBeNull();
  });
});
