/**
 * The workbench's settings, one document per installation (issue 9 §2, §4): the accept SLA in
 * working hours, the working hours themselves, the pool's daily claim limit and cap on held
 * (unaccepted) leads, and the subscribe-message template that tells an advisor about a new lead.
 * Data validated here; the server stores it and falls back to these defaults.
 */
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, workingHoursSchema } from './working-hours.js';

export const workbenchSettingsSchema = z.strictObject({
  /** An assigned lead must be accepted within this many working hours (issue 9 §2: default 4). */
  slaAcceptWorkingHours: z
    .number()
    .min(0.25, { error: '接单时限至少 15 分钟' })
    .max(72, { error: '接单时限不能超过 72 个工作小时' }),
  workingHours: workingHoursSchema,
  /** Pool leads one advisor may claim per calendar day (issue 9 §4 "daily claim limit"). */
  dailyClaimLimit: z.number().int().min(0).max(500),
  /** Leads an advisor may hold without accepting them, assigned or claimed (issue 9 §4 "cap on held leads"). */
  maxHeldLeads: z.number().int().min(1).max(500),
  /** The "new lead" subscribe-message template id; `null`: advisors see new leads on their list only. */
  newLeadTemplateId: z.string().trim().min(1).max(128).nullable(),
});
export type WorkbenchSettings = z.infer<typeof workbenchSettingsSchema>;

/**
 * Defaults: 4 working hours to accept (issue 9 §2); 20 claims a day and 10 held leads, so that
 * the pool is worked by everyone rather than hoarded by the fastest thumb.
 */
export const DEFAULT_WORKBENCH_SETTINGS: WorkbenchSettings = {
  slaAcceptWorkingHours: 4,
  workingHours: DEFAULT_WORKING_HOURS,
  dailyClaimLimit: 20,
  maxHeldLeads: 10,
  newLeadTemplateId: null,
};
