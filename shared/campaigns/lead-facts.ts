/**
 * What a campaign knows about a lead (SPEC §2.5, issue 13): the columns the runner's planning
 * statement reads (the lead row, its latest booking, its grants, its tags), as plain values. Every
 * campaign function takes these facts and `now`; none reads a clock or a database.
 */
import type { BOOKING_STATUSES } from '../contracts/trial-sessions.js';
import type { JourneyStage } from '../journey/stages.js';
import type { LifecycleStage } from '../lifecycle/stages.js';
import type { LEAD_ROLES } from '../scoring/lead-profile.js';
import type { SubscribeTemplateKey } from './subscribe-templates.js';

export type TrialStatus = (typeof BOOKING_STATUSES)[number];

/** The lead's latest trial-class booking, with what a reminder shows about it. */
export interface TrialFacts {
  bookingId: string;
  status: TrialStatus;
  bookedAt: Date;
  startsAt: Date;
  courseName: string;
  campusName: string;
  campusAddress: string;
}

export interface CampaignLeadFacts {
  leadId: string;
  /** The name the lead registered with; `null` until they register. */
  name: string | null;
  role: (typeof LEAD_ROLES)[number];
  lifecycleStage: LifecycleStage;
  lifecycleStageAt: Date;
  journeyStage: JourneyStage;
  journeyStageAt: Date;
  scoreTotal: number;
  campusId: string | null;
  /** The course the lead is interested in (a course id). */
  courseInterest: string | null;
  /** That course's name, for messages. */
  courseName: string | null;
  /** That course's category, which is the `topic` content is tagged with (e.g. 雅思). */
  interestTopic: string | null;
  /** First-touch source (utm-like channel). */
  source: string | null;
  tags: readonly string[];
  createdAt: Date;
  registeredAt: Date | null;
  /** The last touchpoint the lead made themself; inactivity counts from it (or from creation). */
  lastActivityAt: Date | null;
  enrolledAt: Date | null;
  ownerAdvisorId: string | null;
  /** When the owner accepted the lead (it is then an SQL in an advisor's hands, SPEC §2.4). */
  ownerAcceptedAt: Date | null;
  /** The `unsubscribe` touchpoint's time: consent withdrawn, every campaign stops (kept). */
  unsubscribedAt: Date | null;
  /** The lead deleted their data (SPEC §4): nothing is ever sent again. */
  erasedAt: Date | null;
  /** Unspent one-time grants per template (SPEC §2.5: one accepted request, one message). */
  grants: Readonly<Partial<Record<SubscribeTemplateKey, number>>>;
  trial: TrialFacts | null;
  /** Content the lead has already viewed, so a campaign sends something new. */
  viewedContentIds: readonly string[];
}

/** A published content item as a campaign step may pick it (SPEC §2.2: tagged by stage and topic). */
export interface CampaignContent {
  id: string;
  title: string;
  journeyStage: JourneyStage;
  topic: string;
  publishedAt: Date;
}
