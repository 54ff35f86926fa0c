/**
 * Synthetic funnel history, written set-wise (`INSERT … SELECT FROM generate_series`, no row
 * loops): leads spread over past months with realistic stage mixes, their lifecycle moves,
 * touches, enrolments with amounts, and marketing costs per campaign and month. The demo seed
 * uses it for a few hundred leads so every analytics chart has history; the benchmark for a
 * million leads and ten million touchpoints (ADR 016).
 *
 * The mix (ADR 016): every lead aware, most named; about 60% engaged, 25% target, 12% MQL, 6% SQL,
 * 3% opportunity, 1.5% customers with an enrolment; a tenth of MQLs returned to engaged and
 * re-qualified as MQL-02; a fifth of those who did not enrol fall dormant. Moves take a few days
 * to weeks, faster in some months than others, and never happen after `endAt`.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { withIndexesDeferred } from './bulk-load.js';

export interface SyntheticHistoryOptions {
  leads: number;
  /** Average touchpoints per lead (the bench: 10). */
  touchesPerLead: number;
  endAt: Date;
  months: number;
  campusIds: readonly string[];
  courseIds: readonly string[];
  sources: readonly string[];
  campaignIds: readonly string[];
  /** Touch channels besides the lead's source. */
  channels: readonly string[];
  /** Who entered the costs (null: nobody in particular). */
  costsEnteredBy?: string | null;
  /** In [-1, 1]: the same seed gives the same history. */
  seed?: number;
  /**
   * Millions of rows (the bench): indexes and foreign keys of the big tables are built after the
   * load, with the memory for it, instead of maintained per row. The demo's few hundred leads
   * need neither.
   */
  isBulkLoad?: boolean;
}

const BULK_TABLES = ['leads', 'stage_transitions', 'touchpoints'];

const FUNNEL = ['awareness', 'friend', 'name', 'engaged', 'target', 'mql', 'sql', 'opportunity', 'customer'];
const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

export async function generateSyntheticHistory(db: Database, o: SyntheticHistoryOptions): Promise<void> {
  const end = o.endAt.toISOString();
  const spanDays = o.months * 30;
  await db.transaction(async (tx) => {
    if (o.isBulkLoad) {
      // Sorts for the window functions and the index builds in memory rather than in temporary files.
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
    }
    await tx.execute(sql`select setseed(${o.seed ?? 0.42})`);
    await tx.execute(sql`
      create temporary table syn_leads on commit drop as
      select gen_random_uuid() as id, i,
        ${end}::timestamptz - make_interval(secs => (random() ^ 0.8) * ${spanDays} * 86400) as created_at,
        (${textArray(o.sources)})[1 + abs(hashint4(i + 1)) % ${o.sources.length}] as source,
        case when i % 4 = 0 then null else (${textArray(o.campaignIds)})[1 + abs(hashint4(i)) % ${o.campaignIds.length}] end as campaign_id,
        (${textArray(o.campusIds)})[1 + abs(hashint4(i + 2)) % ${o.campusIds.length}]::uuid as campus_id,
        (${textArray(o.courseIds)})[1 + abs(hashint4(i + 3)) % ${o.courseIds.length}] as course_id,
        random() as depth_roll, random() < 0.25 as skips_friend, random() < 0.1 as requalifies,
        random() < 0.2 as goes_dormant
      from generate_series(1, ${o.leads}) as i`);
    // Each lead's path through the funnel, then one row per step with its time.
    await tx.execute(sql`
      create temporary table syn_moves on commit drop as
      with paths as (
        select l.*, case
            when depth_roll < 0.015 then 9 when depth_roll < 0.03 then 8 when depth_roll < 0.06 then 7
            when depth_roll < 0.12 then 6 when depth_roll < 0.25 then 5 when depth_roll < 0.60 then 4
            when depth_roll < 0.85 then 3 else 1 end as depth
        from syn_leads l
      ), staged as (
        select p.*, (${textArray(FUNNEL)})[1:depth] as base from paths p
      ), shaped as (
        select s.*,
          (case when skips_friend then array_remove(base, 'friend') else base end) as p1
        from staged s
      ), requalified as (
        select r.*,
          case when requalifies and depth >= 6
            then p1[1:array_position(p1, 'mql')] || array['engaged', 'mql'] || p1[array_position(p1, 'mql') + 1:]
            else p1 end
          || case when goes_dormant and depth < 9 then array['dormant'] else array[]::text[] end as path
        from shaped r
      ), steps as (
        select r.id as lead_id, r.created_at, s.stage, s.k,
          -- Days in the stage before: a few days to weeks, quicker in even months.
          case when s.k = 1 then 0 else
            (0.5 + random() * random() * 28) *
            (case when extract(month from r.created_at)::int % 2 = 0 then 0.7 else 1.2 end) end as gap_days
        from requalified r, unnest(r.path) with ordinality as s(stage, k)
      ), timed as (
        select lead_id, stage, k,
          created_at + make_interval(secs => sum(gap_days) over (partition by lead_id order by k) * 86400) as at
        from steps
      )
      select * from timed where at <= ${end}::timestamptz`);
    const writeLeadsMovesAndTouches = async () => {
      // Each lead is written once with the stage its last move reached: updating a million rows
      // afterwards would write every row and every index entry a second time.
      await tx.execute(sql`
        insert into leads (id, source, source_campaign_id, campus_id, course_interest, created_at, updated_at,
          lifecycle_stage, lifecycle_stage_at)
        select l.id, l.source, l.campaign_id, l.campus_id, l.course_id, l.created_at, l.created_at,
          coalesce(m.stage, 'awareness'), coalesce(m.at, l.created_at)
        from syn_leads l
        left join (select distinct on (lead_id) lead_id, stage, at from syn_moves order by lead_id, k desc) m on m.lead_id = l.id`);
      await tx.execute(sql`
        insert into stage_transitions (lead_id, model, from_stage, to_stage, ordinal, cause, at, recorded_at)
        select lead_id, 'lifecycle', lag(stage) over w, stage,
          row_number() over (partition by lead_id, stage order by k), '{"ruleId":"synthetic"}'::jsonb, at, at
        from syn_moves window w as (partition by lead_id order by k)`);
      // Touches between arrival and the lead's last move (or a fortnight after), the first from its source.
      await tx.execute(sql`
        create temporary table syn_last on commit drop as
        select lead_id, max(at) as last_at from syn_moves group by lead_id`);
      await tx.execute(sql`
        insert into touchpoints (id, lead_id, type, occurred_at, received_at, channel, campaign_id)
        select gen_random_uuid(), l.id, 'content_view', t.at, t.at, t.channel, t.campaign_id
        from syn_leads l
        left join syn_last m on m.lead_id = l.id
        cross join lateral (
          select least(${end}::timestamptz,
              l.created_at + (greatest(coalesce(m.last_at, l.created_at), l.created_at + interval '14 days') - l.created_at)
                * (case when j = 1 then 0 else random() end)) as at,
            case when j = 1 then l.source else (${textArray(o.channels)})[1 + floor(random() * ${o.channels.length})::int] end as channel,
            case when j = 1 then l.campaign_id when random() < 0.5 then null
              else (${textArray(o.campaignIds)})[1 + floor(random() * ${o.campaignIds.length})::int] end as campaign_id
          from generate_series(1, 1 + (l.i::bigint * 7919) % ${2 * o.touchesPerLead - 1}) as j
        ) t`);
    };
    if (o.isBulkLoad) await withIndexesDeferred(tx, BULK_TABLES, writeLeadsMovesAndTouches);
    else await writeLeadsMovesAndTouches();
    // One enrolment per customer, signed when the lead became one.
    await tx.execute(sql`
      insert into enrolments (id, lead_id, course_id, amount_fen, enrolled_on, created_at)
      select gen_random_uuid(), m.lead_id, l.course_id::uuid,
        (398 + floor(random() * 9) * 110) * 1000, (m.at at time zone 'Asia/Shanghai')::date, m.at
      from syn_moves m join syn_leads l on l.id = m.lead_id where m.stage = 'customer'`);
    // Each campaign's and channel's spend, month by month.
    await tx.execute(sql`
      insert into marketing_costs (target_kind, target, from_day, to_day, amount_fen, note, entered_by_staff_id, created_at, updated_at)
      select kind, target, month_start, (month_start + interval '1 month' - interval '1 day')::date,
        (greatest(1, ${o.leads} / 1000) * (300 + floor(random() * 900)))::bigint * 100, '示例投放费用',
        ${o.costsEnteredBy ?? null}::uuid, now(), now()
      from (select 'campaign' as kind, unnest(${textArray(o.campaignIds)}) as target
            union all select 'channel', unnest(${textArray(o.sources)})) targets
      cross join (
        select (date_trunc('month', (${end}::timestamptz at time zone 'Asia/Shanghai')) - make_interval(months => n))::date
          as month_start
        from generate_series(0, ${o.months}) as n
      ) months`);
  });
}
