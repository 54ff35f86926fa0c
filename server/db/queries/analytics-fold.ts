/**
 * The set-wise SQL of the analytics fold (ADR 016): each rollup's rows derived from the raw
 * history of a set of leads, added into the rollup table in one `INSERT … SELECT … GROUP BY … ON
 * CONFLICT DO UPDATE` per table.
 *
 * The set is the temporary table `analytics_fold_leads (lead_id, sign, cutoff, segment…)`: a lead
 * with `sign = 1` contributes its facts recorded before `cutoff` under its current segment, and
 * with `sign = -1` retracts what the previous fold added (its facts recorded before the old
 * watermark, under the segment it was folded with). The same statements over every live lead
 * with sign 1 are the full rebuild, and the bench's full-scan reference reads the same derivation.
 */

import { FUNNEL_STAGES } from '@scrm/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';

type Executor = Database | Transaction;

/** Rows of a raw query (both drivers answer `{ rows }`). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The Shanghai calendar day of a timestamptz column (a fixed UTC+8, like shared/analytics `toShanghaiDay`). */
export const shanghaiDay = (column: SQL) => sql`((${column}) at time zone 'Asia/Shanghai')::date`;

/**
 * When an enrolment happened, as its `enrolled` touchpoint says (workbench `recordEnrolment`): the
 * moment it was recorded when signed that day, otherwise noon in Shanghai of the day signed.
 */
export const enrolmentInstant = (e: string) =>
  sql.raw(
    `(case when (${e}.created_at at time zone 'Asia/Shanghai')::date = ${e}.enrolled_on then ${e}.created_at ` +
      `else (${e}.enrolled_on + time '12:00') at time zone 'Asia/Shanghai' end)`,
  );

/** A lead's current segment (shared/analytics `LeadSegment`) as columns, from the `leads` row `l`. */
export const CURRENT_SEGMENT = sql.raw(
  'l.source as source, l.source_campaign_id as campaign_id, l.campus_id::text as campus_id, l.course_interest as course_id',
);

export async function createFoldLeadsTable(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    create temporary table if not exists analytics_fold_leads (
      lead_id uuid not null, sign int not null, cutoff timestamptz not null,
      source text, campaign_id text, campus_id text, course_id text
    ) on commit drop`);
  await tx.execute(sql`truncate analytics_fold_leads`);
}

/** Adds every live lead (a rebuild) with sign 1 and the given cutoff. */
export async function addAllLeadsToFold(tx: Transaction, cutoff: Date): Promise<void> {
  await tx.execute(sql`
    insert into analytics_fold_leads
    select l.id, 1, ${cutoff.toISOString()}::timestamptz, ${CURRENT_SEGMENT}
    from leads l where l.merged_into_lead_id is null`);
}

/**
 * Adds the leads whose facts changed in `[from, to)`: new stage moves, enrolments, touches of an
 * enrolled lead, new leads, and leads whose segment is not the one they were folded with (or that
 * were merged away). Each is added twice: retracted as of `from`, added again as of `to`.
 */
export async function addChangedLeadsToFold(tx: Transaction, from: Date, to: Date): Promise<number> {
  const a = from.toISOString();
  const b = to.toISOString();
  await tx.execute(sql`
    create temporary table if not exists analytics_changed_leads (lead_id uuid primary key) on commit drop`);
  await tx.execute(sql`truncate analytics_changed_leads`);
  await tx.execute(sql`
    insert into analytics_changed_leads
    select lead_id from stage_transitions where recorded_at >= ${a}::timestamptz and recorded_at < ${b}::timestamptz
    union select lead_id from enrolments where created_at >= ${a}::timestamptz and created_at < ${b}::timestamptz
    union select t.lead_id from touchpoints t
      where t.received_at >= ${a}::timestamptz and t.received_at < ${b}::timestamptz
        and exists (select 1 from enrolments e where e.lead_id = t.lead_id)
    union select id from leads where created_at >= ${a}::timestamptz and created_at < ${b}::timestamptz
    union select s.lead_id from analytics_lead_segments s join leads l on l.id = s.lead_id
      where l.merged_into_lead_id is not null
         or (s.source, s.campaign_id, s.campus_id, s.course_id)
            is distinct from (l.source, l.source_campaign_id, l.campus_id::text, l.course_interest)`);
  await tx.execute(sql`
    insert into analytics_fold_leads
    select s.lead_id, -1, ${a}::timestamptz, s.source, s.campaign_id, s.campus_id, s.course_id
    from analytics_changed_leads c join analytics_lead_segments s using (lead_id)`);
  await tx.execute(sql`
    insert into analytics_fold_leads
    select l.id, 1, ${b}::timestamptz, ${CURRENT_SEGMENT}
    from analytics_changed_leads c join leads l on l.id = c.lead_id
    where l.merged_into_lead_id is null`);
  const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from analytics_changed_leads`);
  return row?.n ?? 0;
}

/** Remembers the segment each added lead was folded with; forgets retracted leads that are gone. */
export async function saveFoldedSegments(tx: Transaction): Promise<void> {
  await tx.execute(sql`
    delete from analytics_lead_segments s using analytics_fold_leads f
    where f.lead_id = s.lead_id and f.sign = -1
      and not exists (select 1 from analytics_fold_leads n where n.lead_id = f.lead_id and n.sign = 1)`);
  await tx.execute(sql`
    insert into analytics_lead_segments (lead_id, source, campaign_id, campus_id, course_id)
    select lead_id, source, campaign_id, campus_id, course_id from analytics_fold_leads where sign = 1
    on conflict (lead_id) do update set source = excluded.source, campaign_id = excluded.campaign_id,
      campus_id = excluded.campus_id, course_id = excluded.course_id`);
}

const SEGMENT = sql.raw('f.source, f.campaign_id, f.campus_id, f.course_id');
const KEY = sql.raw('source, campaign_id, campus_id, course_id');

/** The funnel rank of a stage (shared/analytics `getFunnelRank`); -1 off the funnel (dormant). */
const funnelRank = (column: string) =>
  sql.raw(`(case ${column} ${FUNNEL_STAGES.map((stage, i) => `when '${stage}' then ${i}`).join(' ')} else -1 end)`);

/** The folded leads' lifecycle moves, recorded before each one's cutoff. */
const MOVES = sql`
  analytics_fold_leads f join stage_transitions st
    on st.lead_id = f.lead_id and st.model = 'lifecycle' and st.recorded_at < f.cutoff`;

/** Volume rows: an arrival at the stage reached, a departure from the stage left (`listVolumeRows`). */
export function foldVolume(tx: Transaction): Promise<unknown> {
  return addToDailyAndMonthly(
    tx,
    'analytics_stage',
    'stage, source, campaign_id, campus_id, course_id',
    ['arrivals', 'first_arrivals', 'departures'],
    sql`
    select day, stage, ${KEY}, sum(arrivals) as arrivals, sum(first_arrivals) as first_arrivals,
      sum(departures) as departures from (
      select ${shanghaiDay(sql`st.at`)} as day, st.to_stage as stage, ${SEGMENT},
        f.sign as arrivals, case when st.ordinal = 1 then f.sign else 0 end as first_arrivals, 0 as departures
      from ${MOVES}
      union all
      select ${shanghaiDay(sql`st.at`)}, st.from_stage, ${SEGMENT}, 0, 0, f.sign
      from ${MOVES} where st.from_stage is not null
    ) rows group by day, stage, ${KEY}`,
  );
}

/**
 * Adds a derivation's rows (`delta`: `day`, the key columns and the values, grouped) into a daily
 * rollup and its monthly checkpoint in one statement, so `delta` is computed once and the tables
 * cannot disagree; with `ownKeys` (the key columns besides the segment) also into the
 * `_campus_monthly` checkpoint, merged over every segment column but the campus.
 */
function addToDailyAndMonthly(
  tx: Transaction,
  table: string,
  keys: string,
  values: readonly string[],
  delta: SQL,
  ownKeys?: string,
) {
  const k = sql.raw(keys);
  const v = sql.raw(values.join(', '));
  const summed = sql.raw(values.map((c) => `sum(${c})`).join(', '));
  const added = sql.raw(values.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  const monthly = (target: string, columns: SQL) => sql`
    insert into ${sql.raw(target)} as t (day, ${columns}, ${v})
    select date_trunc('month', day)::date, ${columns}, ${summed} from delta group by 1, ${columns}
    on conflict (day, ${columns}) do update set ${added}`;
  return tx.execute(sql`
    with delta as (${delta}),
    daily as (
      insert into ${sql.raw(`${table}_daily`)} as t (day, ${k}, ${v}) select day, ${k}, ${v} from delta
      on conflict (day, ${k}) do update set ${added}
    )${ownKeys ? sql`, campus as (${monthly(`${table}_campus_monthly`, sql.raw(`${ownKeys}, campus_id`))})` : sql``}
    ${monthly(`${table}_monthly`, k)}`);
}

/** Velocity rows: each move paired with the lead's previous one (`listStageSteps`, `listVelocityRows`). */
export function foldVelocity(tx: Transaction): Promise<unknown> {
  return addToDailyAndMonthly(
    tx,
    'analytics_velocity',
    'from_stage, to_stage, visit, days, source, campaign_id, campus_id, course_id',
    ['steps'],
    sql`
    select day, from_stage, to_stage, visit, days, ${KEY}, sum(sign) as steps from (
      select ${shanghaiDay(sql`st.at`)} as day,
        lag(st.to_stage) over w as from_stage, st.to_stage,
        case when lag(st.ordinal) over w >= 2 then 'repeat' else 'first' end as visit,
        ${shanghaiDay(sql`st.at`)} - ${shanghaiDay(sql`lag(st.at) over w`)} as days,
        ${SEGMENT}, f.sign
      from ${MOVES}
      window w as (partition by f.lead_id, f.sign order by st.at, st.seq)
    ) steps where from_stage is not null
    group by day, from_stage, to_stage, visit, days, ${KEY}`,
    'from_stage, to_stage, visit, days',
  );
}

/**
 * Cohort rows: each first arrival at a funnel stage with a next stage, and the days until the
 * lead's first arrival further down the funnel at or after it (`listCohortEntries`).
 */
export function foldCohorts(tx: Transaction): Promise<unknown> {
  return addToDailyAndMonthly(
    tx,
    'analytics_cohort',
    'stage, days_to_convert, source, campaign_id, campus_id, course_id',
    ['leads'],
    sql`
    select day, stage, days_to_convert, ${KEY}, sum(sign) as leads from (
      select ${shanghaiDay(sql`st.at`)} as day, st.to_stage as stage,
        ${shanghaiDay(sql`conv.at`)} - ${shanghaiDay(sql`st.at`)} as days_to_convert, ${SEGMENT}, f.sign
      from ${MOVES}
      left join lateral (
        select min(later.at) as at from stage_transitions later
        where later.lead_id = st.lead_id and later.model = 'lifecycle' and later.recorded_at < f.cutoff
          and later.at >= st.at and ${funnelRank('later.to_stage')} > ${funnelRank('st.to_stage')}
      ) conv on true
      where st.ordinal = 1 and ${funnelRank('st.to_stage')} between 0 and ${FUNNEL_STAGES.length - 2}
    ) entries group by day, stage, days_to_convert, ${KEY}`,
    'stage, days_to_convert',
  );
}

/** Value rows: the lead on the day it was created, each enrolment on its day (`rollupValue`). */
export function foldValue(tx: Transaction): Promise<unknown> {
  return addToDailyAndMonthly(
    tx,
    'analytics_value',
    'source, campaign_id, campus_id, course_id',
    ['new_leads', 'enrolments', 'revenue_fen'],
    sql`
    select day, ${KEY}, sum(new_leads) as new_leads, sum(enrolments) as enrolments, sum(revenue_fen) as revenue_fen from (
      select ${shanghaiDay(sql`l.created_at`)} as day, ${SEGMENT}, f.sign as new_leads, 0 as enrolments, 0 as revenue_fen
      from analytics_fold_leads f join leads l on l.id = f.lead_id
      union all
      select e.enrolled_on, ${SEGMENT}, 0, f.sign, f.sign * e.amount_fen::bigint
      from analytics_fold_leads f join enrolments e on e.lead_id = f.lead_id and e.created_at < f.cutoff
    ) rows group by day, ${KEY}`,
  );
}

/** The folded leads' enrolments and the touches they may credit, for the attribution fold in TypeScript. */
export async function listFoldEnrolments(tx: Transaction) {
  return selectRows<{
    id: string;
    lead_id: string;
    sign: number;
    amount_fen: number;
    at: string;
    source: string | null;
    campaign_id: string | null;
    campus_id: string | null;
    course_id: string | null;
  }>(
    tx,
    sql`select e.id, e.lead_id, f.sign, e.amount_fen::float8 as amount_fen,
          to_char(${enrolmentInstant('e')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, ${SEGMENT}
        from analytics_fold_leads f join enrolments e on e.lead_id = f.lead_id and e.created_at < f.cutoff
        order by e.lead_id, f.sign`,
  );
}

/** Touches of the folded leads that have enrolments, each with the signs (cutoffs) it was received before. */
export async function listFoldTouches(tx: Transaction, lookbackDays: number) {
  return selectRows<{
    id: string;
    lead_id: string;
    sign: number;
    occurred_at: string;
    channel: string | null;
    campaign_id: string | null;
  }>(
    tx,
    sql`select t.id::text, t.lead_id, f.sign,
          to_char(t.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
          t.channel, t.campaign_id
        from analytics_fold_leads f join touchpoints t on t.lead_id = f.lead_id and t.received_at < f.cutoff
        where exists (
          select 1 from enrolments e where e.lead_id = f.lead_id and e.created_at < f.cutoff
            -- A day of slack each way: shared's creditEnrolment applies the exact window.
            and t.occurred_at < ${enrolmentInstant('e')} + interval '1 day'
            and t.occurred_at >= ${enrolmentInstant('e')} - make_interval(days => ${lookbackDays + 1})
        )`,
  );
}
