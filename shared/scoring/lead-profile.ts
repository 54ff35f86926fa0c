/**
 * The lead's profile as the fit score sees it (SPEC §2.3 "fit: who they are"): role, grade or age
 * band, campus reach of their city, intended course, budget and plan-to-enrol timeline, plus the
 * BANT qualification fields advisors fill in on calls (budget, authority, need, timeline).
 */
import { z } from 'zod';

/** Who the contact is: parents usually pay and decide (SPEC §1); adult learners are `student`. */
export const LEAD_ROLES = ['parent', 'student', 'unknown'] as const;
/** Grade (K12) or age band of the learner. */
export const GRADE_BANDS = [
  'preschool',
  'primary',
  'middle',
  'high',
  'university',
  'working_adult',
  'adult',
  'unknown',
] as const;
/** Whether the lead's city is within reach of a campus (computed by the server from campus data). */
export const CAMPUS_REACHES = ['local', 'regional', 'remote', 'unknown'] as const;
/** BANT "budget": the band the lead can spend on a course. */
export const BUDGET_BANDS = ['high', 'medium', 'low', 'unknown'] as const;
/** BANT "timeline": when the lead plans to enrol. "Within a year" is the strongest fit signal. */
export const ENROL_TIMELINES = ['within_1_month', 'within_3_months', 'within_1_year', 'later', 'unknown'] as const;
/** BANT "authority": who decides on the purchase. */
export const DECISION_MAKERS = ['parent', 'student', 'both', 'unknown'] as const;
/** BANT "need": how clearly the lead states the need the course answers. */
export const NEED_LEVELS = ['clear', 'vague', 'none', 'unknown'] as const;

/**
 * A lead's profile for scoring (SPEC §2.3). Every field defaults to `unknown`, so a freshly
 * imported lead with no data parses to a valid profile. `city`, `campusId` and `courseInterest`
 * are free identifiers; `campusReach` is what the fit rules read for "city within campus reach".
 *
 * BANT mapping: Budget = `budgetBand`, Authority = `decisionMaker`, Need = `need`,
 * Timeline = `timeline`.
 */
export const leadProfileSchema = z.strictObject({
  role: z.enum(LEAD_ROLES).default('unknown'),
  gradeBand: z.enum(GRADE_BANDS).default('unknown'),
  city: z.string().trim().min(1).max(64).optional(),
  campusId: z.string().trim().min(1).max(64).optional(),
  campusReach: z.enum(CAMPUS_REACHES).default('unknown'),
  courseInterest: z.string().trim().min(1).max(64).optional(),
  budgetBand: z.enum(BUDGET_BANDS).default('unknown'),
  timeline: z.enum(ENROL_TIMELINES).default('unknown'),
  decisionMaker: z.enum(DECISION_MAKERS).default('unknown'),
  need: z.enum(NEED_LEVELS).default('unknown'),
});
export type LeadProfile = z.infer<typeof leadProfileSchema>;
/** The input shape: any field may be left out. */
export type LeadProfileInput = z.input<typeof leadProfileSchema>;

/** Profile fields a fit rule may test (SPEC §2.3). */
export const FIT_FIELDS = [
  'role',
  'gradeBand',
  'campusReach',
  'courseInterest',
  'budgetBand',
  'timeline',
  'decisionMaker',
  'need',
] as const satisfies readonly (keyof LeadProfile)[];
export type FitField = (typeof FIT_FIELDS)[number];

/** A profile with every field unknown (SPEC §2.3): the fit of a lead nobody has qualified yet. */
export const UNKNOWN_LEAD_PROFILE: LeadProfile = leadProfileSchema.parse({});
