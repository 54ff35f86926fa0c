/**
 * The runner's set-wise statements (ADR 015): enrolment of a campaign's audience, exits, and the
 * planning of one step, each one statement over the campaign facts relation, never a loop over
 * leads. What they select agrees with `findCampaignExit` and `scheduleStepSend` in shared/.
 */
import type { CampaignDocument, CampaignStep, SubscribeTemplateKey } from '@scrm/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { audienceToSql } from './campaign-audience-sql.js';
import { campaignFactsRelation } from './campaign-facts.js';
import { countChanged } from './raw-sql.js';

const DAY_MS = 86_400_000;

export interface PlanningCampaign {
  id: string;
  document: CampaignDocument;
  activatedAt: Date | null;
}

type Db = Database | Transaction;
type TemplateIds = Readonly<Record<SubscribeTemplateKey, string>>;

/** Why the lead leaves (a `CampaignExitReason`) or null, as `findCampaignExit` decides. */
export function exitReasonSql(
  document: Pick<CampaignDocument, 'exit' | 'timeBox'>,
  now: Date,
  templateIds: TemplateIds,
  withMember: boolean,
): SQL {
  const { exit } = document;
  const cases = [
    sql`when f.erased_at is not null then 'erased'`,
    sql`when f.unsubscribed_at is not null then 'unsubscribed'`,
  ];
  if (exit.onEnrolment) cases.push(sql`when f.enrolled_at is not null then 'enrolled'`);
  if (exit.onAdvisor === 'accepted') {
    cases.push(sql`when f.owner_advisor_id is not null and f.owner_accepted_at is not null then 'advisor_owned'`);
  }
  if (exit.onAdvisor === 'assigned') cases.push(sql`when f.owner_advisor_id is not null then 'advisor_owned'`);
  if (exit.when) cases.push(sql`when ${audienceToSql(exit.when, { now, templateIds })} then 'exit_condition'`);
  const maxDays = document.timeBox.maxDaysPerLead;
  if (withMember && maxDays !== undefined) {
    cases.push(sql`when m.entered_at <= ${new Date(now.getTime() - maxDays * DAY_MS).toISOString()}::timestamptz
      then 'lead_time_box'`);
  }
  return sql`(case ${sql.join(cases, sql` `)} else null end)`;
}

/** When the lead entered: now for an audience campaign, the event's time for a triggered one. */
function entrySql(campaign: PlanningCampaign, now: Date): { enteredAt: SQL; condition: SQL } {
  const { entry } = campaign.document;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  if (entry.kind === 'audience') return { enteredAt: nowSql, condition: sql`true` };
  const column = sql.raw(
    { registered: 'f.registered_at', trial_booked: 'f.trial_booked_at', enrolled: 'f.enrolled_at' }[entry.event],
  );
  const since = new Date((campaign.activatedAt ?? now).getTime() - entry.lookbackDays * DAY_MS).toISOString();
  return {
    enteredAt: column,
    condition: sql`${column} >= ${since}::timestamptz and ${column} <= ${nowSql}`,
  };
}

/** Enrols the audience's new leads (set-wise); returns how many entered. */
export async function enrolCampaignMembers(
  db: Db,
  campaign: PlanningCampaign,
  now: Date,
  templateIds: TemplateIds,
): Promise<number> {
  const { enteredAt, condition } = entrySql(campaign, now);
  const audience = audienceToSql(campaign.document.audience, { now, templateIds });
  const notMember = sql`not exists (select 1 from campaign_members cm where cm.campaign_id = ${campaign.id}::uuid and cm.lead_id = l.id)`;
  return countChanged(
    db,
    sql`
    insert into campaign_members (campaign_id, lead_id, entered_at)
    select ${campaign.id}::uuid, f.lead_id, ${enteredAt}
    from ${campaignFactsRelation(notMember)} f
    where ${condition} and ${audience} and ${exitReasonSql(campaign.document, now, templateIds, false)} is null
    on conflict (campaign_id, lead_id) do nothing returning 1`,
  );
}

const membersOf = (campaignId: string) =>
  sql`l.id in (select cm.lead_id from campaign_members cm where cm.campaign_id = ${campaignId}::uuid and cm.exited_at is null)`;

/** Ends the memberships whose exit rule holds now, with the reason; returns how many left. */
export async function exitCampaignMembers(
  db: Db,
  campaign: PlanningCampaign,
  now: Date,
  templateIds: TemplateIds,
): Promise<number> {
  return countChanged(
    db,
    sql`
    update campaign_members as target set exited_at = ${now.toISOString()}::timestamptz, exit_reason = x.reason
    from (
      select m.lead_id, ${exitReasonSql(campaign.document, now, templateIds, true)} as reason
      from campaign_members m join ${campaignFactsRelation(membersOf(campaign.id))} f on f.lead_id = m.lead_id
      where m.campaign_id = ${campaign.id}::uuid and m.exited_at is null
    ) x
    where target.campaign_id = ${campaign.id}::uuid and target.lead_id = x.lead_id and x.reason is not null
    returning 1`,
  );
}

const ANCHOR_COLUMNS: Record<CampaignStep['timing']['anchor'], string> = {
  entry: 'm.entered_at',
  registered: 'f.registered_at',
  trial_start: 'f.trial_starts_at',
  journey_stage_entered: 'f.journey_stage_at',
  lifecycle_stage_entered: 'f.lifecycle_stage_at',
  enrolled: 'f.enrolled_at',
};

/** Whether the step's occurrence key carries the booking (`getStepOccurrenceKey`). */
export function isStepAboutBooking(document: CampaignDocument, step: CampaignStep): boolean {
  return (
    step.timing.anchor === 'trial_start' ||
    (step.timing.anchor === 'entry' && document.entry.kind === 'event' && document.entry.event === 'trial_booked')
  );
}

/**
 * Plans one step for every member it is due for (ADR 015 "Planning"): one `INSERT … SELECT … ON
 * CONFLICT DO NOTHING`, so planning twice plans nothing new. `sendAt` is the first allowed minute
 * (`nextSendTime`), the same for every row; a row whose deadline (expiry, the campaign's end, the
 * lead's time-box) is not after it is not planned. Returns how many rows were planned.
 */
export async function planCampaignStep(
  db: Db,
  input: {
    campaign: PlanningCampaign;
    step: CampaignStep;
    now: Date;
    sendAt: Date;
    templateIds: TemplateIds;
  },
): Promise<number> {
  const { campaign, step, now, sendAt, templateIds } = input;
  const { document } = campaign;
  const anchor = sql.raw(ANCHOR_COLUMNS[step.timing.anchor]);
  const deadlines = [sql`d.due_at + ${step.expiresAfterMinutes} * interval '1 minute'`];
  if (document.timeBox.endsAt) deadlines.push(sql`${document.timeBox.endsAt}::timestamptz`);
  if (document.timeBox.maxDaysPerLead !== undefined) {
    deadlines.push(sql`m.entered_at + ${document.timeBox.maxDaysPerLead} * interval '1 day'`);
  }
  const stepKey = isStepAboutBooking(document, step)
    ? sql`case when f.trial_booking_id is null then ${step.id} else ${step.id} || '@' || f.trial_booking_id::text end`
    : sql`${step.id}::text`;
  const when = step.when
    ? audienceToSql(step.when, { now, templateIds, stepTemplate: step.message.template })
    : sql`true`;
  const select = sql`
    select ${campaign.id}::text, ${stepKey}, f.lead_id, ${templateIds[step.message.template]}::text, '{}'::jsonb,
      'pending', ${sendAt.toISOString()}::timestamptz, d.due_at
    from campaign_members m
    join ${campaignFactsRelation(membersOf(campaign.id))} f on f.lead_id = m.lead_id
    cross join lateral (select ${anchor} + ${step.timing.offsetMinutes} * interval '1 minute' as due_at) d
    where m.campaign_id = ${campaign.id}::uuid and m.exited_at is null
      and d.due_at <= ${now.toISOString()}::timestamptz
      and ${when}
      and ${sendAt.toISOString()}::timestamptz < least(${sql.join(deadlines, sql`, `)})`;
  return countChanged(
    db,
    sql`
    insert into message_outbox (campaign_id, step_id, lead_id, template_id, payload, status, scheduled_at, due_at)
    ${select}
    on conflict (campaign_id, step_id, lead_id) do nothing returning 1`,
  );
}
