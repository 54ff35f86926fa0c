/**
 * Writing imported leads (issue 9 §5): phones already on file (dedupe), leads inserted in one
 * multi-row statement with their first stage transitions, and the import's record. Imports run
 * one at a time (a transaction-scoped advisory lock), so two imports of one list at once cannot
 * both find a phone new and both create it.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { campuses, courses, leadImports, leads, stageTransitions } from '../schema/index.js';
import type { LeadInsert, StageTransitionInsert } from './leads.js';

/** `pg_advisory_xact_lock`: held until the transaction ends; the key names "lead import". */
export async function lockLeadImports(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('scrm:lead-import'))`);
}

/** Which of `phones` a live lead already has (served by `leads_phone_idx`). */
export async function findExistingPhones(db: Database | Transaction, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ phone: leads.phone })
    .from(leads)
    .where(and(inArray(leads.phone, [...phones]), isNull(leads.erasedAt)));
  return new Set(rows.flatMap((r) => (r.phone ? [r.phone] : [])));
}

export async function insertImportedLeads(
  tx: Transaction,
  rows: readonly LeadInsert[],
  firstTransition: Omit<StageTransitionInsert, 'leadId'>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const created = await tx
    .insert(leads)
    .values([...rows])
    .returning({ id: leads.id });
  await tx.insert(stageTransitions).values(created.map((r) => ({ ...firstTransition, leadId: r.id })));
  return created.length;
}

export function listImportCatalog(db: Database | Transaction) {
  return Promise.all([
    db.select({ id: courses.id, code: courses.code, name: courses.name }).from(courses).orderBy(asc(courses.code)),
    db.select({ id: campuses.id, name: campuses.name }).from(campuses).orderBy(asc(campuses.name)),
  ]).then(([courseRows, campusRows]) => ({ courses: courseRows, campuses: campusRows }));
}

export type LeadImportRow = typeof leadImports.$inferSelect;

export async function findLeadImport(db: Database | Transaction, id: string): Promise<LeadImportRow | null> {
  const [row] = await db.select().from(leadImports).where(eq(leadImports.id, id));
  return row ?? null;
}

/** Records the import; `false` when its id was recorded already (a retry that raced this one). */
export async function insertLeadImport(tx: Transaction, row: typeof leadImports.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(leadImports).values(row).onConflictDoNothing().returning({ id: leadImports.id });
  return inserted.length === 1;
}
