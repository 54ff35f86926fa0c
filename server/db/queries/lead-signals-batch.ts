/**
 * The statements of `recordLeadSignalsBatch` (issue 13 §5): many leads' rows locked in one
 * statement, their touchpoints read for a rescore in one, their progress saved in one per kind of
 * row, where `recordLeadSignals` takes a round trip or more per lead.
 */
import { asc, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../client.js';
import { leads, scoreLedger, stageTransitions, touchpoints } from '../schema/index.js';
import type { LeadRow, LeadUpdate, ScoreLedgerInsert, StageTransitionInsert } from './leads.js';
import type { TouchpointRow } from './touchpoints.js';
import { updateRowsById } from './update-rows.js';

/**
 * The leads' rows locked (`FOR UPDATE`, in id order, so two batches sharing leads take them in the
 * same order), each with which of `touchpointIds` it already has. A lead that does not exist is
 * missing from the answer.
 */
export async function lockLeadsWithTouchpointIds(
  tx: Transaction,
  leadIds: readonly string[],
  touchpointIds: readonly string[],
): Promise<Map<string, { lead: LeadRow; existingIds: Set<string> }>> {
  if (leadIds.length === 0) return new Map();
  const ids = JSON.stringify(touchpointIds);
  const rows = await tx
    .select({
      ...getTableColumns(leads),
      // Qualified by hand: inside a one-table select the builder leaves column names bare.
      existingIds: sql<string[]>`array(select tp.id::text from ${touchpoints} tp
        where tp.lead_id = "leads"."id" and tp.id in (select value::uuid from json_array_elements_text(${ids}::json)))`,
    })
    .from(leads)
    .where(inArray(leads.id, [...leadIds]))
    .orderBy(asc(leads.id))
    .for('update', { of: leads });
  return new Map(
    rows.map(({ existingIds, ...lead }) => [lead.id, { lead: lead as LeadRow, existingIds: new Set(existingIds) }]),
  );
}

/** The leads' touchpoints, each lead's in the order they happened (a rescore under a new model). */
export async function listTouchpointsOfLeads(tx: Transaction, leadIds: readonly string[]): Promise<TouchpointRow[]> {
  if (leadIds.length === 0) return [];
  return tx
    .select()
    .from(touchpoints)
    .where(inArray(touchpoints.leadId, [...leadIds]))
    .orderBy(asc(touchpoints.leadId), asc(touchpoints.occurredAt), asc(touchpoints.id));
}

/**
 * Saves many locked leads' progress (`saveLeadProgress` for each): the transitions and ledger
 * rows in one insert each, the lead rows set-wise.
 */
export async function saveLeadsProgress(
  tx: Transaction,
  input: {
    updates: readonly { leadId: string; update: LeadUpdate }[];
    transitions: readonly StageTransitionInsert[];
    ledger: readonly ScoreLedgerInsert[];
  },
): Promise<void> {
  if (input.transitions.length > 0) await tx.insert(stageTransitions).values([...input.transitions]);
  if (input.ledger.length > 0) await tx.insert(scoreLedger).values([...input.ledger]);
  await updateRowsById(
    tx,
    leads,
    input.updates.map((u) => ({ id: u.leadId, set: u.update })),
  );
}
