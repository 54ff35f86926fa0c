/**
 * Marketing costs (issue 15 §1 "costs a manager enters per campaign or channel and period"):
 * hundreds of rows, read whole for a period and spread per request (ADR 016).
 */
import type { CostEntry, MarketingCost, MarketingCostRequest } from '@scrm/shared';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../client.js';
import { marketingCosts } from '../schema/index.js';

type CostRow = typeof marketingCosts.$inferSelect;

export function toMarketingCost(row: CostRow): MarketingCost {
  return {
    id: row.id,
    targetKind: row.targetKind,
    target: row.target,
    fromDay: row.fromDay,
    toDay: row.toDay,
    amountFen: row.amountFen,
    note: row.note,
    enteredByStaffId: row.enteredByStaffId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Entries that share at least one day with the period, as shared/analytics reads them. */
export async function listCostEntriesOverlapping(
  db: Database,
  period: { fromDay: string; toDay: string },
): Promise<CostEntry[]> {
  const rows = await db
    .select()
    .from(marketingCosts)
    .where(and(lte(marketingCosts.fromDay, period.toDay), gte(marketingCosts.toDay, period.fromDay)));
  return rows.map((r) => ({
    targetKind: r.targetKind,
    target: r.target,
    fromDay: r.fromDay,
    toDay: r.toDay,
    amountFen: r.amountFen,
  }));
}

export async function listMarketingCosts(db: Database, period: { fromDay?: string; toDay?: string }) {
  const conditions = [
    period.fromDay ? gte(marketingCosts.toDay, period.fromDay) : undefined,
    period.toDay ? lte(marketingCosts.fromDay, period.toDay) : undefined,
  ];
  return db
    .select()
    .from(marketingCosts)
    .where(and(...conditions))
    .orderBy(asc(marketingCosts.fromDay), asc(marketingCosts.target), asc(marketingCosts.id));
}

export async function insertMarketingCost(
  db: Database,
  entry: MarketingCostRequest & { enteredByStaffId: string; now: Date },
): Promise<CostRow> {
  const [row] = await db
    .insert(marketingCosts)
    .values({
      targetKind: entry.targetKind,
      target: entry.target,
      fromDay: entry.fromDay,
      toDay: entry.toDay,
      amountFen: entry.amountFen,
      note: entry.note ?? null,
      enteredByStaffId: entry.enteredByStaffId,
      createdAt: entry.now,
      updatedAt: entry.now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateMarketingCost(
  db: Database,
  id: string,
  entry: MarketingCostRequest & { enteredByStaffId: string; now: Date },
): Promise<CostRow | undefined> {
  const [row] = await db
    .update(marketingCosts)
    .set({
      targetKind: entry.targetKind,
      target: entry.target,
      fromDay: entry.fromDay,
      toDay: entry.toDay,
      amountFen: entry.amountFen,
      note: entry.note ?? null,
      enteredByStaffId: entry.enteredByStaffId,
      updatedAt: entry.now,
    })
    .where(eq(marketingCosts.id, id))
    .returning();
  return row;
}

export async function deleteMarketingCost(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(marketingCosts).where(eq(marketingCosts.id, id)).returning({ id: marketingCosts.id });
  return rows.length > 0;
}
