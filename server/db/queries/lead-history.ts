/** Everything stored about one lead, for the prospect's export and erasure (SPEC §4). */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import {
  bookings,
  leadDuplicates,
  leadMerges,
  leadMessages,
  messageOutbox,
  staffActions,
  stageTransitions,
  subscriptions,
  touchpoints,
  trialSessions,
} from '../schema/index.js';

export function listLeadBookingRows(db: Database | Transaction, leadId: string) {
  return db.select().from(bookings).where(eq(bookings.leadId, leadId)).orderBy(asc(bookings.createdAt));
}

export function listLeadTransitionRows(db: Database | Transaction, leadId: string) {
  return db
    .select()
    .from(stageTransitions)
    .where(eq(stageTransitions.leadId, leadId))
    .orderBy(asc(stageTransitions.at), asc(stageTransitions.seq));
}

/**
 * Cancels the lead's active bookings and gives their seats back (an erased prospect will not
 * come; the seats are someone else's). Returns how many were cancelled.
 */
export async function cancelActiveBookingsOfLead(tx: Transaction, leadId: string, now: Date): Promise<number> {
  const cancelled = await tx
    .update(bookings)
    .set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(bookings.leadId, leadId), eq(bookings.status, 'booked')))
    .returning({ sessionId: bookings.sessionId });
  for (const { sessionId } of cancelled) {
    await tx
      .update(trialSessions)
      .set({ seatsTaken: sql`${trialSessions.seatsTaken} - 1` })
      .where(and(eq(trialSessions.id, sessionId), ne(trialSessions.seatsTaken, 0)));
  }
  return cancelled.length;
}

/**
 * Forgets what messaging kept about the lead: its subscription grants (they belong to an openid
 * that is released), the personalised bodies of its messages (they hold the name) and WeChat's
 * error text. Messages not yet sent are skipped; the rows stay for campaign counts.
 */
export async function forgetLeadMessaging(tx: Transaction, leadId: string, now: Date): Promise<void> {
  await tx.delete(subscriptions).where(eq(subscriptions.leadId, leadId));
  // In-app messages carry the name in their text; nothing about them is needed for counts.
  await tx.delete(leadMessages).where(eq(leadMessages.leadId, leadId));
  await tx
    .update(messageOutbox)
    .set({
      payload: {},
      lastError: null,
      status: sql`case when ${messageOutbox.status} in ('pending', 'sending') then 'skipped' else ${messageOutbox.status} end`,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(messageOutbox.leadId, leadId));
}

/** The text-bearing columns of the leads' touchpoints, for erasure to scrub (issue 8 item 6). */
export function listTouchpointTexts(tx: Transaction, leadIds: readonly string[]) {
  return tx
    .select({
      leadId: touchpoints.leadId,
      id: touchpoints.id,
      type: touchpoints.type,
      channel: touchpoints.channel,
      campaignId: touchpoints.campaignId,
      referrer: touchpoints.referrer,
      props: touchpoints.props,
    })
    .from(touchpoints)
    .where(inArray(touchpoints.leadId, [...leadIds]));
}

export type TouchpointTexts = Awaited<ReturnType<typeof listTouchpointTexts>>[number];

/**
 * Writes scrubbed texts back, one statement for all rows: the new values travel as one JSON
 * parameter read by `jsonb_to_recordset`, joined on the touchpoint key (lead, id).
 */
export async function updateTouchpointTexts(tx: Transaction, rows: readonly TouchpointTexts[]): Promise<void> {
  if (rows.length === 0) return;
  const values = JSON.stringify(rows.map((r) => ({ ...r, campaign_id: r.campaignId, lead_id: r.leadId })));
  await tx.execute(sql`
    update ${touchpoints} as t
    set channel = v.channel, campaign_id = v.campaign_id, referrer = v.referrer, props = v.props
    from jsonb_to_recordset(${values}::jsonb)
      as v(lead_id uuid, id uuid, channel text, campaign_id text, referrer text, props jsonb)
    where t.lead_id = v.lead_id and t.id = v.id`);
}

/** Drops the duplicate flags that name any of these leads (a flag about an erased person says nothing). */
export async function deleteDuplicateFlagsOf(tx: Transaction, leadIds: readonly string[]): Promise<void> {
  await tx
    .delete(leadDuplicates)
    .where(or(inArray(leadDuplicates.leadId, [...leadIds]), inArray(leadDuplicates.duplicateOfLeadId, [...leadIds])));
}

/**
 * Forgets the attribution a merge kept for its reversal (it may carry the person's words); the
 * merge itself, ids and times, stays. An erased lead's merge cannot be reversed anyway.
 */
/**
 * Drops what an advisor typed about the person from their work history (a return's note, issue 9
 * §4); the action's kind, time and who did it stay for SLA and conversion counts.
 */
export async function forgetStaffActionNotes(tx: Transaction, leadIds: readonly string[]): Promise<void> {
  await tx
    .update(staffActions)
    .set({ payload: sql`${staffActions.payload} - 'note'` })
    .where(and(inArray(staffActions.leadId, [...leadIds]), sql`${staffActions.payload} ? 'note'`));
}

export async function forgetMergeAttribution(tx: Transaction, leadIds: readonly string[]): Promise<void> {
  await tx
    .update(leadMerges)
    .set({
      moved: sql`jsonb_set(${leadMerges.moved}, '{survivorBefore}', '{"source": null, "sourceCampaignId": null}')`,
    })
    .where(or(inArray(leadMerges.survivorLeadId, [...leadIds]), inArray(leadMerges.absorbedLeadId, [...leadIds])));
}
