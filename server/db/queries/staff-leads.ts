/**
 * Leads as the workbench reads them (issue 9 §3): who may see which lead (the access scopes of
 * `http/access-table.ts`, as SQL), the ranked list with its keyset cursor, and one lead locked for
 * an action. Only contactable leads (a phone on file, not erased) are on the workbench: an
 * anonymous visitor is analytics, not a lead to call.
 */
import { and, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { advisors, leads } from '../schema/index.js';

type Db = Database | Transaction;

/** Scopes of staff rows in the access table (issue 9 §1). */
export type StaffScope = 'own_lead' | 'own_leads_and_campus_pool' | 'campus' | 'institution';

/** What a staff member may see: their id, the row's scope, and their campuses. */
export interface LeadVisibility {
  staffId: string;
  scope: StaffScope;
  campusIds: readonly string[] | 'all';
}

const isContactable = and(isNotNull(leads.phone), isNull(leads.erasedAt)) as SQL;

function inCampuses(campusIds: readonly string[] | 'all'): SQL {
  if (campusIds === 'all') return sql`true`;
  if (campusIds.length === 0) return sql`false`;
  return sql`${leads.campusId} = any(array[${sql.join(
    campusIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}])`;
}

/**
 * The leads a scope opens (issue 9 §1): an advisor's own leads, plus the unowned leads of their
 * campuses (the pool); a manager's campuses; everything for the institution.
 */
export function visibleTo(v: LeadVisibility): SQL {
  switch (v.scope) {
    case 'own_lead':
      return eq(leads.ownerAdvisorId, v.staffId);
    case 'own_leads_and_campus_pool':
      return or(eq(leads.ownerAdvisorId, v.staffId), and(isNull(leads.ownerAdvisorId), inCampuses(v.campusIds))) as SQL;
    case 'campus':
      return inCampuses(v.campusIds);
    case 'institution':
      return sql`true`;
    default: {
      const unreachable: never = v.scope;
      throw new Error(`unknown scope ${String(unreachable)}`);
    }
  }
}

export type LeadRow = typeof leads.$inferSelect;

/** The lead if `v` may see it; `null` otherwise, the same answer as for a lead that does not exist. */
export async function findVisibleLead(db: Db, leadId: string, v: LeadVisibility): Promise<LeadRow | null> {
  const [row] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), isContactable, visibleTo(v)));
  return row ?? null;
}

/** The same, locked for an action (`FOR UPDATE OF leads`); the one lock every action takes first. */
export async function lockVisibleLead(tx: Transaction, leadId: string, v: LeadVisibility): Promise<LeadRow | null> {
  const [row] = await tx
    .select()
    .from(leads)
    .where(and(eq(leads.id, leadId), isContactable, visibleTo(v)))
    .for('update', { of: leads });
  return row ?? null;
}

export interface LeadListFilters {
  view: 'mine' | 'pool' | 'overdue' | 'team';
  stage?: string;
  journey?: string;
  source?: string;
  campusId?: string;
  advisorId?: string;
  q?: string;
}

/** Where the last page ended: the keyset `(score_total, rank_activity_at, id)`, exact as stored. */
export interface LeadListCursor {
  score: number;
  /** `rank_activity_at` as PostgreSQL printed it (microseconds kept; a JS Date would drop them). */
  rankAt: string;
  id: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function viewCondition(filters: LeadListFilters, v: LeadVisibility, now: Date): SQL {
  switch (filters.view) {
    case 'mine':
      return eq(leads.ownerAdvisorId, v.staffId);
    case 'pool':
      return isNull(leads.ownerAdvisorId);
    case 'overdue':
      return and(isNotNull(leads.ownerAdvisorId), isNull(leads.ownerAcceptedAt), lt(leads.slaDueAt, now)) as SQL;
    case 'team':
      return isNotNull(leads.ownerAdvisorId);
    default: {
      const unreachable: never = filters.view;
      throw new Error(`unknown view ${String(unreachable)}`);
    }
  }
}

function filterConditions(filters: LeadListFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.stage ? eq(leads.lifecycleStage, filters.stage) : undefined,
    filters.journey ? eq(leads.journeyStage, filters.journey) : undefined,
    filters.source ? eq(leads.source, filters.source) : undefined,
    filters.campusId ? eq(leads.campusId, filters.campusId) : undefined,
    filters.advisorId ? eq(leads.ownerAdvisorId, filters.advisorId) : undefined,
  ];
  if (filters.q) {
    const digits = filters.q.replace(/[\s-]/g, '');
    conditions.push(
      /^\d{3,11}$/.test(digits)
        ? sql`${leads.phone} like ${`%${escapeLike(digits)}%`}`
        : sql`${leads.name} ilike ${`%${escapeLike(filters.q)}%`}`,
    );
  }
  return conditions.filter((c) => c !== undefined);
}

/**
 * The ranked list's query (issue 9 §3): score, then the latest activity, then id, all descending
 * and `NULLS LAST` exactly as the partial indexes are declared (`leads_owner_rank_idx`,
 * `leads_pool_rank_idx`, `leads_contact_rank_idx`), with the cursor as one row comparison so
 * the index seeks to the next page instead of reading the earlier ones again.
 */
export function buildLeadListQuery(
  db: Db,
  input: { visibility: LeadVisibility; filters: LeadListFilters; after?: LeadListCursor; limit: number; now: Date },
) {
  const { after } = input;
  const where = and(
    isContactable,
    visibleTo(input.visibility),
    viewCondition(input.filters, input.visibility, input.now),
    ...filterConditions(input.filters),
    after
      ? sql`(${leads.scoreTotal}, ${leads.rankActivityAt}, ${leads.id}) < (${after.score}::real, ${after.rankAt}::timestamptz, ${after.id}::uuid)`
      : undefined,
  );
  return db
    .select({
      lead: leads,
      ownerName: advisors.name,
      rankAt: sql<string>`${leads.rankActivityAt}::text`,
    })
    .from(leads)
    .leftJoin(advisors, eq(advisors.id, leads.ownerAdvisorId))
    .where(where)
    .orderBy(
      sql`${leads.scoreTotal} desc nulls last`,
      sql`${leads.rankActivityAt} desc nulls last`,
      sql`${leads.id} desc nulls last`,
    )
    .limit(input.limit);
}

export type LeadListRow = Awaited<ReturnType<typeof buildLeadListQuery>>[number];

/** The owner names of leads, for rows read without the join. */
export async function findStaffName(db: Db, staffId: string | null): Promise<string | null> {
  if (!staffId) return null;
  const [row] = await db.select({ name: advisors.name }).from(advisors).where(eq(advisors.id, staffId));
  return row?.name ?? null;
}

/** Every lead an advisor holds, locked in id order (a leaver's transfer, issue 9 §4). */
export function lockLeadsOfAdvisor(tx: Transaction, advisorId: string): Promise<LeadRow[]> {
  return tx
    .select()
    .from(leads)
    .where(and(eq(leads.ownerAdvisorId, advisorId), isNull(leads.erasedAt)))
    .orderBy(leads.id)
    .for('update', { of: leads });
}
