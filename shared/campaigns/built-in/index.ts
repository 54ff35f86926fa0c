/**
 * The built-in tracks (SPEC §2.5, issue 13): created as editable drafts on a new installation and
 * active in the demo. They refer to content by journey stage and topic, never by id.
 */
import { type CampaignDocument, parseCampaignDocument } from '../campaign-document.js';
import { RE_ENGAGEMENT_TRACK } from './re-engagement.js';
import { REFERRAL_ASK_TRACK } from './referral-ask.js';
import { STAGE_DRIP_TRACK } from './stage-drip.js';
import { TRIAL_REMINDER_TRACK } from './trial-reminder.js';
import { WELCOME_TRACK } from './welcome.js';

/** The documents as written (the input shape, before defaults). */
export const BUILT_IN_TRACK_INPUTS = [
  WELCOME_TRACK,
  STAGE_DRIP_TRACK,
  TRIAL_REMINDER_TRACK,
  RE_ENGAGEMENT_TRACK,
  REFERRAL_ASK_TRACK,
] as const;

/** The built-in tracks, parsed (a broken one fails every test run at import). */
export const BUILT_IN_CAMPAIGNS: readonly CampaignDocument[] = BUILT_IN_TRACK_INPUTS.map(parseCampaignDocument);
