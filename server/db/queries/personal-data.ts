/** Reads of the person's stored rows, as `server/db/personal-data.ts` declares them (issue 8 item 7). */
import { asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import type { PersonalTable } from '../personal-data.js';
import { leads } from '../schema/index.js';

/**
 * The leads that hold the person's data: the lead itself and, transitively, every lead merged
 * into it (ADR 010: an absorbed lead was the same person).
 */
export async function listAbsorbedLeadIds(db: Database | Transaction, leadId: string): Promise<string[]> {
  const absorbed: string[] = [];
  let frontier = [leadId];
  while (frontier.length > 0) {
    const rows = await db.select({ id: leads.id }).from(leads).where(inArray(leads.mergedIntoLeadId, frontier));
    frontier = rows.map((r) => r.id).filter((id) => !absorbed.includes(id) && id !== leadId);
    absorbed.push(...frontier);
  }
  return absorbed;
}

/** The rows of `entry` whose lead column is one of `leadIds`, with the exported columns only. */
export async function readPersonalRows(
  db: Database | Transaction,
  entry: PersonalTable,
  leadIds: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (leadIds.length === 0) return [];
  const columns = getTableColumns(entry.table);
  const leadColumn = columns[entry.leadColumn];
  const orderColumn = columns[entry.orderBy];
  if (!leadColumn || !orderColumn) throw new Error(`personal data: unknown column of ${entry.leadColumn}`);
  const exported = Object.fromEntries(
    Object.entries(columns).filter(([key]) => entry.columns[key as keyof typeof entry.columns] === 'export'),
  );
  const where = leadIds.length === 1 ? eq(leadColumn, leadIds[0]) : inArray(leadColumn, [...leadIds]);
  return db.select(exported).from(entry.table).where(where).orderBy(asc(orderColumn));
}
