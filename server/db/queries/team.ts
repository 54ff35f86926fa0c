/**
 * The team page's numbers per advisor (issue 9 §4): load (open, held, overdue leads), accept
 * deadlines missed and leads accepted in the last 30 days, and conversion (of the leads an advisor
 * ever accepted, how many are customers now). A few grouped counts, merged by the service.
 */
import { and, gte, inArray, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { leadAssignments, leads } from '../schema/index.js';
import { CLOSED_STAGES } from './assignments.js';

export interface AdvisorNumbers {
  open: number;
  held: number;
  overdue: number;
  slaMisses30d: number;
  accepted30d: number;
  acceptedEver: number;
  customers: number;
}

export async function countTeamNumbers(db: Database, advisorIds: readonly string[], now: Date) {
  const numbers = new Map<string, AdvisorNumbers>(
    advisorIds.map((id) => [
      id,
      { open: 0, held: 0, overdue: 0, slaMisses30d: 0, accepted30d: 0, acceptedEver: 0, customers: 0 },
    ]),
  );
  if (advisorIds.length === 0) return numbers;
  const ids = [...advisorIds];
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const owner = leads.ownerAdvisorId;
  const [loads, periods, converted] = await Promise.all([
    db
      .select({
        id: owner,
        open: sql<number>`count(*) filter (where ${notInArray(leads.lifecycleStage, [...CLOSED_STAGES])})::int`,
        held: sql<number>`count(*) filter (where ${isNull(leads.ownerAcceptedAt)})::int`,
        overdue: sql<number>`count(*) filter (where ${and(isNull(leads.ownerAcceptedAt), lt(leads.slaDueAt, now))})::int`,
      })
      .from(leads)
      .where(and(inArray(owner, ids), isNull(leads.erasedAt)))
      .groupBy(owner),
    db
      .select({
        id: leadAssignments.advisorId,
        slaMisses30d: sql<number>`count(*) filter (where ${leadAssignments.endReason} = 'sla_missed' and ${gte(leadAssignments.endedAt, since)})::int`,
        accepted30d: sql<number>`count(*) filter (where ${gte(leadAssignments.acceptedAt, since)})::int`,
        acceptedEver: sql<number>`count(distinct ${leadAssignments.leadId}) filter (where ${isNotNull(leadAssignments.acceptedAt)})::int`,
      })
      .from(leadAssignments)
      .where(inArray(leadAssignments.advisorId, ids))
      .groupBy(leadAssignments.advisorId),
    db
      .select({ id: leadAssignments.advisorId, customers: sql<number>`count(distinct ${leadAssignments.leadId})::int` })
      .from(leadAssignments)
      .innerJoin(leads, sql`${leads.id} = ${leadAssignments.leadId}`)
      .where(
        and(
          inArray(leadAssignments.advisorId, ids),
          isNotNull(leadAssignments.acceptedAt),
          inArray(leads.lifecycleStage, ['customer', 'advocate']),
        ),
      )
      .groupBy(leadAssignments.advisorId),
  ]);
  for (const row of [...loads, ...periods, ...converted]) {
    const entry = row.id ? numbers.get(row.id) : undefined;
    if (!entry) continue;
    const { id: _id, ...values } = row;
    Object.assign(entry, values);
  }
  return numbers;
}
