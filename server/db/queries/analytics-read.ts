/**
 * Reading the rollups for a dashboard query (ADR 016): SQL sums one period's rows `GROUP BY` only
 * the columns the shared finalise step reads — a coarser day bucket (before the period / in it,
 * or the month), the stage and the grouped dimension — which is a merge of rows that differ in
 * unused columns. Filters are applied here, so the rows handed back carry only the grouped
 * dimension and the caller finalises without a filter.
 */
import { addDays, type SegmentDimension, type SegmentFilter } from '@scrm/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { selectRows } from './analytics-fold.js';

export interface RollupScope {
  fromDay: string;
  toDay: string;
  filter: SegmentFilter;
  /** The campuses the manager may see; `all` for an institution-wide manager. */
  campusIds: readonly string[] | 'all';
}

const DIMENSION_COLUMNS: Record<SegmentDimension, string> = {
  source: 'source',
  campaignId: 'campaign_id',
  campusId: 'campus_id',
  courseId: 'course_id',
};

/** The grouped dimension as a column `grp` (null for an ungrouped query). */
const groupColumn = (groupBy: SegmentDimension | undefined) =>
  groupBy ? `${DIMENSION_COLUMNS[groupBy]} as grp` : 'null::text as grp';

/** `campus_id in (…)` written with parameters (drizzle has no array binding for raw SQL). */
function campusWhere(scope: RollupScope): SQL {
  if (scope.campusIds === 'all') return sql`true`;
  if (scope.campusIds.length === 0) return sql`false`;
  return sql`campus_id in (${sql.join(
    scope.campusIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

function where(scope: RollupScope): SQL {
  const parts: SQL[] = [campusWhere(scope)];
  for (const dimension of Object.keys(DIMENSION_COLUMNS) as SegmentDimension[]) {
    const value = scope.filter[dimension];
    if (value === undefined) continue;
    const column = sql.raw(DIMENSION_COLUMNS[dimension]);
    parts.push(value === null ? sql`${column} is null` : sql`${column} = ${value}`);
  }
  return sql.join(parts, sql` and `);
}

/** Days before the period collapse to the day before it, days in it to its first day. */
const periodBucket = (scope: RollupScope) =>
  sql`(case when day < ${scope.fromDay}::date then ${scope.fromDay}::date - 1 else ${scope.fromDay}::date end)::text`;
/** Each day to its month's first day, or the period's first day when later (a day in the same month). */
const monthBucket = (scope: RollupScope) => sql`greatest(date_trunc('month', day)::date, ${scope.fromDay}::date)::text`;
const inPeriod = (scope: RollupScope) => sql`day between ${scope.fromDay}::date and ${scope.toDay}::date`;

export function readVolumeRows(db: Database, scope: RollupScope, groupBy?: SegmentDimension) {
  return selectRows<{ day: string; stage: string; grp: string | null; a: number; f: number; d: number }>(
    db,
    sql`select ${periodBucket(scope)} as day, stage, grp, sum(arrivals)::float8 as a,
          sum(first_arrivals)::float8 as f, sum(departures)::float8 as d
        from (${cumulativeRows('analytics_stage', `stage, arrivals, first_arrivals, departures, ${groupColumn(groupBy)}`, scope)}) r
        group by 1, stage, grp`,
  );
}

/** The first day of the month after `day`'s. */
const nextMonthStart = (day: string) =>
  addDays(`${day.slice(0, 8)}01`, 32)
    .slice(0, 8)
    .concat('01');

/**
 * The calendar months lying wholly inside the period, as `[from, until)` (first days of months),
 * or null when there is none: those are read from the monthly checkpoints.
 */
export function findWholeMonths(fromDay: string, toDay: string): { from: string; until: string } | null {
  const from = fromDay.endsWith('-01') ? fromDay : nextMonthStart(fromDay);
  const until = addDays(toDay, 1).endsWith('-01') ? addDays(toDay, 1) : `${toDay.slice(0, 8)}01`;
  return from < until ? { from, until } : null;
}

/** Whether a query filters by nothing but the campus, so the campus-grain checkpoint answers it. */
const isCampusOnly = (scope: RollupScope) =>
  scope.filter.source === undefined && scope.filter.campaignId === undefined && scope.filter.courseId === undefined;

/**
 * A histogram's rows in the period with `day` as the period's month bucket: whole months from a
 * monthly checkpoint (one row per key and month; `_campus_monthly`, merged over every segment
 * column but the campus, when `isCampusGrain`), the partial months at either edge from the
 * `_daily` table. All hold the same rows, merged at different grains, so the sums are equal.
 */
function histogramRows(table: string, columns: string, scope: RollupScope, isCampusGrain: boolean): SQL {
  const cols = sql.raw(columns);
  const months = findWholeMonths(scope.fromDay, scope.toDay);
  if (!months)
    return sql`select ${monthBucket(scope)} as day, ${cols} from ${sql.raw(`${table}_daily`)}
      where ${inPeriod(scope)} and ${where(scope)}`;
  return sql`select ${monthBucket(scope)} as day, ${cols} from ${sql.raw(`${table}_daily`)}
      where ((day >= ${scope.fromDay}::date and day < ${months.from}::date)
          or (day >= ${months.until}::date and day <= ${scope.toDay}::date)) and ${where(scope)}
    union all
    select day::text, ${cols} from ${sql.raw(isCampusGrain ? `${table}_campus_monthly` : `${table}_monthly`)}
      where day >= ${months.from}::date and day < ${months.until}::date and ${where(scope)}`;
}

/**
 * Every row up to the period's end (volume's leads at the end, value's lifetime revenue), for
 * `periodBucket`: whole months before the period and inside it from the `_monthly` checkpoint,
 * only the days of its partial months from the `_daily` table. A month's first day falls in the
 * same bucket as each of its days there, so the buckets' sums are the daily ones.
 */
function cumulativeRows(table: string, columns: string, scope: RollupScope): SQL {
  const cols = sql.raw(columns);
  const firstMonth = `${scope.fromDay.slice(0, 8)}01`;
  const inside = findWholeMonths(scope.fromDay, scope.toDay);
  const isWholeMonthInside = inside ? sql`(day >= ${inside.from}::date and day < ${inside.until}::date)` : sql`false`;
  return sql`select day, ${cols} from ${sql.raw(`${table}_daily`)}
      where day >= ${firstMonth}::date and day <= ${scope.toDay}::date and not ${isWholeMonthInside} and ${where(scope)}
    union all
    select day, ${cols} from ${sql.raw(`${table}_monthly`)}
      where (day < ${firstMonth}::date or ${isWholeMonthInside}) and ${where(scope)}`;
}

export function readVelocityRows(db: Database, scope: RollupScope) {
  return selectRows<{ day: string; from_stage: string; to_stage: string; visit: string; days: number; n: number }>(
    db,
    sql`select day, from_stage, to_stage, visit, days, sum(steps)::float8 as n
        from (${histogramRows('analytics_velocity', 'from_stage, to_stage, visit, days, steps', scope, isCampusOnly(scope))}) r
        group by day, from_stage, to_stage, visit, days`,
  );
}

export function readCohortRows(db: Database, scope: RollupScope, groupBy?: SegmentDimension) {
  const grouped = groupBy ? DIMENSION_COLUMNS[groupBy] : 'null::text';
  return selectRows<{ day: string; stage: string; days_to_convert: number | null; grp: string | null; n: number }>(
    db,
    sql`select day, stage, days_to_convert, grp, sum(leads)::float8 as n
        from (${histogramRows('analytics_cohort', `stage, days_to_convert, ${grouped} as grp, leads`, scope, isCampusOnly(scope) && (groupBy === undefined || groupBy === 'campusId'))}) r
        group by day, stage, days_to_convert, grp`,
  );
}

export function readValueRows(db: Database, scope: RollupScope, groupBy?: SegmentDimension) {
  return selectRows<{ day: string; grp: string | null; l: number; e: number; r: number }>(
    db,
    sql`select ${periodBucket(scope)} as day, grp, sum(new_leads)::float8 as l, sum(enrolments)::float8 as e,
          sum(revenue_fen)::float8 as r
        from (${cumulativeRows('analytics_value', `new_leads, enrolments, revenue_fen, ${groupColumn(groupBy)}`, scope)}) r
        group by 1, grp`,
  );
}

export function readAttributionRows(db: Database, scope: RollupScope, model: string, by: 'channel' | 'campaign') {
  const column = sql.raw(by === 'channel' ? 'channel' : 'touch_campaign_id');
  return selectRows<{ grp: string | null; c: number; u: number }>(
    db,
    sql`select ${column} as grp, sum(credit_fen)::float8 as c, sum(unattributed_fen)::float8 as u
        from analytics_attribution_daily where model = ${model} and ${inPeriod(scope)} and ${where(scope)}
        group by 1`,
  );
}
