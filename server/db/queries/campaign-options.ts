/**
 * What the campaign editor's pickers offer (issue 13 §3): this installation's campuses and courses,
 * and the sources and tags its live leads carry, each with how many live leads have it, so a
 * manager picks values that select someone. Sources and tags are free text on the lead, so they
 * are read from the leads themselves, most common first.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { selectRows } from './raw-sql.js';

type Db = Database | Transaction;

export interface AudienceOptionRow {
  value: string;
  label: string;
  leads: number;
}

/** Leads a campaign can reach at all: not merged into another, not erased (campaign facts' rule). */
const LIVE = sql`l.merged_into_lead_id is null and l.erased_at is null`;

const countRows = (db: Db, query: SQL) =>
  selectRows<AudienceOptionRow>(db, query).then((rows) => rows.map((r) => ({ ...r, leads: Number(r.leads) })));

export function listCampusOptions(db: Db): Promise<AudienceOptionRow[]> {
  return countRows(
    db,
    sql`select c.id::text as value, c.name as label, count(l.id)::int as leads
      from campuses c left join leads l on l.campus_id = c.id and ${LIVE}
      where c.is_active group by c.id, c.name order by c.name, c.id`,
  );
}

/** Courses by id: what `leads.course_interest` holds. */
export function listCourseOptions(db: Db): Promise<AudienceOptionRow[]> {
  return countRows(
    db,
    sql`select c.id::text as value, c.name as label, count(l.id)::int as leads
      from courses c left join leads l on l.course_interest = c.id::text and ${LIVE}
      where c.is_active group by c.id, c.name order by c.name, c.id`,
  );
}

export function listSourceOptions(db: Db, limit: number): Promise<AudienceOptionRow[]> {
  return countRows(
    db,
    sql`select l.source as value, l.source as label, count(*)::int as leads
      from leads l where l.source is not null and ${LIVE}
      group by l.source order by leads desc, l.source limit ${limit}`,
  );
}

export function listTagOptions(db: Db, limit: number): Promise<AudienceOptionRow[]> {
  return countRows(
    db,
    sql`select tag as value, tag as label, count(*)::int as leads
      from leads l cross join lateral unnest(l.tags) as tag where ${LIVE}
      group by tag order by leads desc, tag limit ${limit}`,
  );
}
