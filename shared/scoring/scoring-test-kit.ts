/**
 * Builders of scoring signals for tests and benches (SPEC §2.3). Pure: ids and times are given.
 */
import type { ScoringSignal } from './scoring-signal.js';

/** Kinds of signal the builders make: one positive, negative or numeric example of each rule shape. */
export const SAMPLE_SIGNAL_KINDS = [
  'page_view',
  'content_view',
  'content_download',
  'consultation_request',
  'message_sent_ok',
  'message_bounced',
  'unsubscribe',
  'trial_no_show',
  'advisor_call_missed',
  'advisor_return',
  'referral_signup',
] as const;
export type SampleSignalKind = (typeof SAMPLE_SIGNAL_KINDS)[number];

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000001';

/** A valid signal of `kind` with the given id, time and duration (for page and content views). */
export function buildSampleSignal(kind: SampleSignalKind, id: string, atMs: number, durationMs = 0): ScoringSignal {
  const occurredAt = new Date(atMs).toISOString();
  switch (kind) {
    case 'page_view':
      return { id, type: 'page_view', occurredAt, props: { page: '/pages/course/index', durationMs } };
    case 'content_view':
      return { id, type: 'content_view', occurredAt, contentId: SAMPLE_UUID, props: { durationMs } };
    case 'content_download':
      return { id, type: 'content_download', occurredAt, contentId: SAMPLE_UUID, props: {} };
    case 'consultation_request':
      return { id, type: 'consultation_request', occurredAt, props: {} };
    case 'message_sent_ok':
      return { id, type: 'message_sent', occurredAt, channel: 'sms', props: { templateId: 'tpl', status: 'ok' } };
    case 'message_bounced':
      return { id, type: 'message_sent', occurredAt, props: { templateId: 'tpl', status: 'bounced', errcode: 43101 } };
    case 'unsubscribe':
      return { id, type: 'unsubscribe', occurredAt, props: {} };
    case 'trial_no_show':
      return { id, type: 'trial_no_show', occurredAt, props: { sessionId: SAMPLE_UUID } };
    case 'advisor_call_missed':
      return { id, type: 'advisor_call', occurredAt, props: { advisorId: SAMPLE_UUID, outcome: 'no_answer' } };
    case 'advisor_return':
      return { id, type: 'advisor_return', occurredAt, advisorId: SAMPLE_UUID };
    case 'referral_signup':
      return { id, type: 'referral_signup', occurredAt, referrer: SAMPLE_UUID, props: { referrerLeadId: SAMPLE_UUID } };
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}
