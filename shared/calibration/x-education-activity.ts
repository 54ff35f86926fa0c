/**
 * X Education CRM activity names ("Last Activity", "Last Notable Activity") → touchpoints
 * (SPEC §2.1, §2.3). Used by the X Education column mapping.
 */
import type { ScoringSignal } from '../scoring/scoring-signal.js';

export const SYNTHETIC_ADVISOR = '00000000-0000-4000-8000-00000000a001';
export const SYNTHETIC_CONTENT = '00000000-0000-4000-8000-00000000c001';

/** The common fields of a synthetic touchpoint. */
export type Draft = { occurredAt: string; id: string; channel?: string };

/** A CRM activity name → the touchpoint it stands for, or null when it is not one. */
export function mapActivity(activity: string, d: Draft): ScoringSignal | null {
  switch (activity) {
    case 'Email Opened':
      return { ...d, type: 'content_view', channel: 'email', contentId: SYNTHETIC_CONTENT, props: {} };
    case 'SMS Sent':
    case 'Email Received':
      return { ...d, type: 'message_sent', channel: 'sms', props: { templateId: 'crm', status: 'ok' } };
    case 'Email Bounced':
      return { ...d, type: 'message_sent', channel: 'email', props: { templateId: 'crm', status: 'bounced' } };
    case 'Email Link Clicked':
    case 'View in browser link Clicked':
      return { ...d, type: 'message_clicked', channel: 'email', props: {} };
    case 'Olark Chat Conversation':
      // A chat transcript logged on the lead by the chat agent.
      return {
        ...d,
        type: 'advisor_note',
        channel: 'olark_chat',
        props: { advisorId: SYNTHETIC_ADVISOR, note: 'chat' },
      };
    case 'Page Visited on Website':
      return { ...d, type: 'page_view', props: { page: '/', durationMs: 0 } };
    case 'Converted to Lead':
      return { ...d, type: 'registration', props: {} };
    case 'Visited Booth in Tradeshow':
      return { ...d, type: 'registration', channel: 'fair', props: {} };
    case 'Form Submitted on Website':
      return { ...d, type: 'consultation_request', channel: 'web_form', props: {} };
    case 'Had a Phone Conversation':
    case 'Approached upfront':
      return { ...d, type: 'advisor_call', props: { advisorId: SYNTHETIC_ADVISOR, outcome: 'connected' } };
    case 'Unreachable':
      return { ...d, type: 'advisor_call', props: { advisorId: SYNTHETIC_ADVISOR, outcome: 'no_answer' } };
    case 'Unsubscribed':
    case 'Email Marked Spam':
      return { ...d, type: 'unsubscribe', props: {} };
    case 'Resubscribed to emails':
      return { ...d, type: 'subscribe_accept', props: { templateId: 'crm' } };
    default:
      return null;
  }
}
