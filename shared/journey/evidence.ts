/**
 * What each touchpoint says about the buying journey (SPEC §2.2): content events signal the stage
 * their item is tagged with; some events signal a stage by themselves (a trial booking is
 * `preferring`, an enrolment is `purchasing`).
 */
import type { TouchpointType } from '../events/touchpoint.js';
import type { JourneyStage } from './stages.js';

/** The part of a touchpoint the journey reads, with the tag of its content item when it has one. */
export interface JourneySignal {
  id: string;
  type: TouchpointType;
  occurredAt: string;
  /** The journey stage the touchpoint's content item is tagged with (looked up by the caller). */
  contentStage?: JourneyStage;
}

export interface JourneyEvidence {
  stage: JourneyStage;
  weight: number;
}

/**
 * The evidence of one signal, or `null` when it says nothing about the journey. Weights are in
 * "reads": one tagged content view is 1; the stage threshold is set against that unit.
 */
export function getJourneyEvidence(signal: JourneySignal): JourneyEvidence | null {
  const tagged = signal.contentStage;
  switch (signal.type) {
    case 'content_view':
      return tagged ? { stage: tagged, weight: 1 } : { stage: 'exploring', weight: 0.5 };
    case 'content_download':
      // Downloading costs the prospect more than reading: twice the signal of a view.
      return tagged ? { stage: tagged, weight: 2 } : { stage: 'exploring', weight: 1 };
    case 'message_clicked':
      return tagged ? { stage: tagged, weight: 1 } : { stage: 'exploring', weight: 0.5 };
    case 'page_view':
    case 'subscribe_accept':
    case 'share':
      return { stage: 'exploring', weight: 0.5 };
    case 'registration':
    case 'referral_signup':
      return { stage: 'exploring', weight: 1 };
    case 'consultation_request':
      return { stage: 'preferring', weight: 2 };
    case 'trial_booked':
    case 'trial_attended':
      return { stage: 'preferring', weight: 3 };
    case 'enrolled':
      return { stage: 'purchasing', weight: 5 };
    case 'subscribe_reject':
    case 'trial_cancelled':
    case 'trial_no_show':
    case 'message_sent':
    case 'advisor_note':
    case 'advisor_call':
    case 'unsubscribe':
      return null;
    // Equivalent mutants: unreachable, the `never` check makes TypeScript reject a touchpoint type
    // left out.
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, see above
    default: {
      const unreachable: never = signal.type;
      return unreachable;
    }
  }
}
