/**
 * `DELETE /api/me` (SPEC §4 "a prospect can delete their data"): personal fields are cleared and
 * the openid released (a later login starts a new, empty lead); touchpoints and stage history
 * stay for anonymous counts, attached to a row that no longer says who it was. Free text that may
 * hold the person's words is scrubbed from the touchpoints as shared/events/free-text.ts declares
 * (a consultation topic, a page's query string, an advisor's note, the referrer URL), and so is any
 * attribution code that contains the person's own name, phone or openid (issue 8 item 6). Active
 * bookings are cancelled so their seats return to others; subscription grants, personalised
 * message bodies, duplicate flags, the attribution a merge kept for its reversal and advisors' notes on
 * their work with the lead are dropped. Leads merged into this one were the same person
 * (ADR 010) and are erased with it.
 */
import { type DeleteMeResponse, scrubTouchpointProps, TOUCHPOINT_FREE_TEXT_COLUMNS } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import {
  cancelActiveBookingsOfLead,
  deleteDuplicateFlagsOf,
  forgetLeadMessaging,
  forgetMergeAttribution,
  forgetStaffActionNotes,
  listTouchpointTexts,
  type TouchpointTexts,
  updateTouchpointTexts,
} from '../../db/queries/lead-history.js';
import { findLeadById, type LeadRow, lockLead, updateLead } from '../../db/queries/leads.js';
import { listAbsorbedLeadIds } from '../../db/queries/personal-data.js';
import { assertLiveLead } from '../leads/lead-guards.js';

/** A code kept for anonymous counts unless it holds one of the person's identifiers. */
const scrubCode = (value: string | null, identifiers: readonly string[]) =>
  value !== null && identifiers.some((id) => value.includes(id)) ? null : value;

function scrubTouchpoint(row: TouchpointTexts, identifiers: readonly string[]): TouchpointTexts {
  const cleared = Object.fromEntries(TOUCHPOINT_FREE_TEXT_COLUMNS.map((column) => [column, null]));
  return {
    ...row,
    ...cleared,
    channel: scrubCode(row.channel, identifiers),
    campaignId: scrubCode(row.campaignId, identifiers),
    props: scrubTouchpointProps(row.type, row.props),
  };
}

async function scrubTouchpoints(tx: Transaction, leadIds: readonly string[], identifiers: readonly string[]) {
  const rows = await listTouchpointTexts(tx, leadIds);
  const changed = rows
    .map((row) => ({ row, scrubbed: scrubTouchpoint(row, identifiers) }))
    .filter(({ row, scrubbed }) => JSON.stringify(row) !== JSON.stringify(scrubbed));
  await updateTouchpointTexts(
    tx,
    changed.map((c) => c.scrubbed),
  );
}

/** The person's identifiers, as erasure searches free text for them. */
const listIdentifiers = (rows: readonly LeadRow[]) =>
  rows.flatMap((r) => [r.name, r.phone, r.openid, r.unionid]).filter((v): v is string => v !== null && v !== '');

export async function eraseMe(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { leadId: string },
): Promise<DeleteMeResponse> {
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockLead(tx, options.leadId);
    assertLiveLead(locked?.lead, options.leadId);
    const absorbed = await listAbsorbedLeadIds(tx, options.leadId);
    const rows = [locked.lead, ...(await Promise.all(absorbed.map((id) => findLeadById(tx, id))))].filter(
      (r): r is LeadRow => r !== null,
    );
    const identifiers = listIdentifiers(rows);
    for (const row of rows) {
      await cancelActiveBookingsOfLead(tx, row.id, now);
      await forgetLeadMessaging(tx, row.id, now);
    }
    await scrubTouchpoints(
      tx,
      rows.map((r) => r.id),
      identifiers,
    );
    const leadIds = rows.map((r) => r.id);
    await deleteDuplicateFlagsOf(tx, leadIds);
    await forgetMergeAttribution(tx, leadIds);
    await forgetStaffActionNotes(tx, leadIds);
    for (const row of rows) {
      await updateLead(tx, row.id, {
        openid: null,
        unionid: null,
        name: null,
        phone: null,
        phoneVerifiedAt: null,
        city: null,
        campusReach: 'unknown',
        courseInterest: null,
        role: 'unknown',
        gradeBand: 'unknown',
        budgetBand: 'unknown',
        timeline: 'unknown',
        decisionMaker: 'unknown',
        need: 'unknown',
        referrerLeadId: null,
        source: scrubCode(row.source, identifiers),
        sourceCampaignId: scrubCode(row.sourceCampaignId, identifiers),
        erasedAt: now,
        updatedAt: now,
      });
    }
  });
  return { erasedAt: now.toISOString() };
}
