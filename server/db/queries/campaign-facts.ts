/**
 * The campaign facts relation (ADR 015): one row per live lead with the columns of
 * `CampaignLeadFacts` that the planning statement and the audience SQL read — the lead row, the
 * times of its registration, enrolment and unsubscribe (from its touchpoints), its latest booking
 * and its tags. Grants are read by `has_grant` from `subscriptions` directly.
 */
import {
  type CampaignLeadFacts,
  type JourneyStage,
  type LifecycleStage,
  SUBSCRIBE_TEMPLATE_KEYS,
  type SubscribeTemplateKey,
  type TrialStatus,
} from '@scrm/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { selectRows } from './raw-sql.js';

/**
 * The relation as a parenthesised subquery; `where` narrows the leads (on `l`, the leads table)
 * before the per-lead lookups run, e.g. to a campaign's members.
 */
export function campaignFactsRelation(where: SQL = sql`true`): SQL {
  return sql`(
    select
      l.id as lead_id, l.name, l.role, l.lifecycle_stage, l.lifecycle_stage_at, l.journey_stage,
      l.journey_stage_at, l.score_total, l.campus_id::text as campus_id, l.course_interest, l.source,
      l.tags, l.created_at, l.last_activity_at, l.owner_advisor_id, l.owner_accepted_at, l.erased_at,
      (select min(t.occurred_at) from touchpoints t where t.lead_id = l.id and t.type = 'registration') as registered_at,
      (select min(t.occurred_at) from touchpoints t where t.lead_id = l.id and t.type = 'enrolled') as enrolled_at,
      (select max(t.occurred_at) from touchpoints t where t.lead_id = l.id and t.type = 'unsubscribe') as unsubscribed_at,
      b.id as trial_booking_id, b.status as trial_status, b.created_at as trial_booked_at,
      b.starts_at as trial_starts_at, b.course_name as trial_course_name, b.campus_name as trial_campus_name,
      b.campus_address as trial_campus_address
    from leads l
    left join lateral (
      select b.id, b.status, b.created_at, s.starts_at, c.name as course_name, cp.name as campus_name,
        cp.address as campus_address
      from bookings b
      join trial_sessions s on s.id = b.session_id
      join courses c on c.id = s.course_id
      join campuses cp on cp.id = s.campus_id
      where b.lead_id = l.id
      order by b.created_at desc, b.id desc
      limit 1
    ) b on true
    where l.merged_into_lead_id is null and ${where}
  )`;
}

type FactsRow = Record<string, unknown>;

const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string | Date));
const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Reads `tags` whether the driver returns an array or PostgreSQL's `{a,b}` text. */
function asTags(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v === '{}') return [];
  return v
    .slice(1, -1)
    .split(',')
    .map((t) => t.replace(/^"|"$/g, ''));
}

function toFacts(
  row: FactsRow,
  grants: CampaignLeadFacts['grants'],
  viewed: string[],
  course: { name: string; category: string | null } | null,
): CampaignLeadFacts {
  const bookingId = asText(row.trial_booking_id);
  return {
    leadId: String(row.lead_id),
    name: asText(row.name),
    role: String(row.role) as CampaignLeadFacts['role'],
    lifecycleStage: String(row.lifecycle_stage) as LifecycleStage,
    lifecycleStageAt: asDate(row.lifecycle_stage_at) as Date,
    journeyStage: String(row.journey_stage) as JourneyStage,
    journeyStageAt: asDate(row.journey_stage_at) as Date,
    scoreTotal: Number(row.score_total),
    campusId: asText(row.campus_id),
    courseInterest: asText(row.course_interest),
    courseName: course?.name ?? null,
    interestTopic: course?.category ?? null,
    source: asText(row.source),
    tags: asTags(row.tags),
    createdAt: asDate(row.created_at) as Date,
    registeredAt: asDate(row.registered_at),
    lastActivityAt: asDate(row.last_activity_at),
    enrolledAt: asDate(row.enrolled_at),
    ownerAdvisorId: asText(row.owner_advisor_id),
    ownerAcceptedAt: asDate(row.owner_accepted_at),
    unsubscribedAt: asDate(row.unsubscribed_at),
    erasedAt: asDate(row.erased_at),
    grants,
    trial: bookingId
      ? {
          bookingId,
          status: String(row.trial_status) as TrialStatus,
          bookedAt: asDate(row.trial_booked_at) as Date,
          startsAt: asDate(row.trial_starts_at) as Date,
          courseName: String(row.trial_course_name),
          campusName: String(row.trial_campus_name),
          campusAddress: asText(row.trial_campus_address) ?? '',
        }
      : null,
    viewedContentIds: viewed,
  };
}

const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;

/** The facts of these leads (a live lead each; merged ones are left out), keyed by lead id. */
export async function loadCampaignLeadFacts(
  db: Database | Transaction,
  leadIds: readonly string[],
  templateIds: Readonly<Record<SubscribeTemplateKey, string>>,
): Promise<Map<string, CampaignLeadFacts>> {
  const facts = new Map<string, CampaignLeadFacts>();
  if (leadIds.length === 0) return facts;
  const ids = uuidArray(leadIds);
  const rows = await selectRows<FactsRow>(db, sql`select * from ${campaignFactsRelation(sql`l.id = any(${ids})`)} f`);
  const grantRows = await selectRows<{ lead_id: string; template_id: string; remaining: number }>(
    db,
    sql`select lead_id, template_id, granted_count - spent_count as remaining
      from subscriptions where lead_id = any(${ids}) and spent_count < granted_count`,
  );
  const viewedRows = await selectRows<{ lead_id: string; content_id: string }>(
    db,
    sql`select distinct lead_id, content_id from touchpoints
      where lead_id = any(${ids}) and type = 'content_view' and content_id is not null`,
  );
  const courseRows = await selectRows<{ code: string; name: string; category: string | null }>(
    db,
    sql`select code, name, category from courses`,
  );
  const keyById = new Map(SUBSCRIBE_TEMPLATE_KEYS.map((key) => [templateIds[key], key]));
  const grants = new Map<string, Partial<Record<SubscribeTemplateKey, number>>>();
  for (const g of grantRows) {
    const key = keyById.get(g.template_id);
    if (!key) continue;
    const own = grants.get(g.lead_id) ?? {};
    own[key] = Number(g.remaining);
    grants.set(g.lead_id, own);
  }
  const viewed = new Map<string, string[]>();
  for (const v of viewedRows) viewed.set(v.lead_id, [...(viewed.get(v.lead_id) ?? []), v.content_id]);
  const courses = new Map(courseRows.map((c) => [c.code, c]));
  for (const row of rows) {
    const id = String(row.lead_id);
    const course = row.course_interest ? (courses.get(String(row.course_interest)) ?? null) : null;
    facts.set(id, toFacts(row, grants.get(id) ?? {}, viewed.get(id) ?? [], course));
  }
  return facts;
}
