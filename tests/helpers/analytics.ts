/**
 * Analytics fixtures (issue 15): a lead's history written directly — its lifecycle moves,
 * touches and enrolments at given times — when a test's subject is what the measures make of a
 * history rather than how the history arose; and the raw data read back in the shape
 * shared/analytics' direct computations take, the full-scan reference.
 */
import type {
  AnalyticsEnrolment,
  AnalyticsLead,
  AnalyticsTouchpoint,
  AnalyticsTransition,
  LifecycleStage,
} from '@scrm/shared';
import { sql } from 'drizzle-orm';
import { enrolmentInstant, selectRows } from '../../server/db/queries/analytics-fold.js';
import { enrolments, leads, stageTransitions, touchpoints } from '../../server/db/schema/index.js';
import { one } from './rows.js';
import type { TestApp } from './test-app.js';

export interface HistoryInput {
  source?: string | null;
  campaignId?: string | null;
  campusId?: string | null;
  courseId?: string | null;
  createdAt: string;
  /** Lifecycle stages in order with the time of arrival; the first is the stage the lead starts in. */
  moves: { stage: LifecycleStage; at: string; recordedAt?: string }[];
  touches?: { at: string; channel: string | null; campaignId: string | null; receivedAt?: string }[];
  /** `at` is both when it was signed and when it was recorded (created_at). */
  enrolments?: { at: string; amountFen: number; courseId: string }[];
}

const shanghaiDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Writes one lead's history; transitions are recorded when they happened unless `recordedAt` says otherwise. */
export async function insertLeadHistory(t: TestApp, input: HistoryInput): Promise<string> {
  const last = input.moves.at(-1);
  const lead = one(
    await t.db
      .insert(leads)
      .values({
        source: input.source ?? null,
        sourceCampaignId: input.campaignId ?? null,
        campusId: input.campusId ?? null,
        courseInterest: input.courseId ?? null,
        lifecycleStage: last?.stage ?? 'awareness',
        createdAt: new Date(input.createdAt),
        updatedAt: new Date(input.createdAt),
      })
      .returning({ id: leads.id }),
  );
  const arrivals = new Map<LifecycleStage, number>();
  let from: LifecycleStage | null = null;
  for (const move of input.moves) {
    const ordinal = (arrivals.get(move.stage) ?? 0) + 1;
    arrivals.set(move.stage, ordinal);
    await t.db.insert(stageTransitions).values({
      leadId: lead.id,
      model: 'lifecycle',
      fromStage: from,
      toStage: move.stage,
      ordinal,
      at: new Date(move.at),
      recordedAt: new Date(move.recordedAt ?? move.at),
    });
    from = move.stage;
  }
  for (const touch of input.touches ?? []) {
    await t.db.insert(touchpoints).values({
      id: crypto.randomUUID(),
      leadId: lead.id,
      type: 'page_view',
      occurredAt: new Date(touch.at),
      receivedAt: new Date(touch.receivedAt ?? touch.at),
      channel: touch.channel,
      campaignId: touch.campaignId,
    });
  }
  for (const enrolment of input.enrolments ?? []) {
    await t.db.insert(enrolments).values({
      id: crypto.randomUUID(),
      leadId: lead.id,
      courseId: enrolment.courseId,
      amountFen: enrolment.amountFen,
      enrolledOn: shanghaiDay(enrolment.at),
      createdAt: new Date(enrolment.at),
    });
  }
  return lead.id;
}

/** Everything the measures read, straight from the raw tables (no rollup involved). */
export async function loadAnalyticsInputs(t: TestApp) {
  const leadRows = await selectRows<{
    id: string;
    created_at: string;
    source: string | null;
    campaign_id: string | null;
    campus_id: string | null;
    course_id: string | null;
  }>(
    t.db,
    sql`select id::text, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
          source, source_campaign_id as campaign_id, campus_id::text, course_interest as course_id
        from leads where merged_into_lead_id is null`,
  );
  const transitions = await selectRows<{
    lead_id: string;
    from_stage: LifecycleStage | null;
    to_stage: LifecycleStage;
    ordinal: number;
    at: string;
  }>(
    t.db,
    sql`select lead_id::text, from_stage, to_stage, ordinal,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
        from stage_transitions where model = 'lifecycle' order by at, seq`,
  );
  const touchRows = await selectRows<{
    id: string;
    lead_id: string;
    occurred_at: string;
    channel: string | null;
    campaign_id: string | null;
  }>(
    t.db,
    sql`select id::text, lead_id::text, channel, campaign_id,
          to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at
        from touchpoints`,
  );
  const enrolmentRows = await selectRows<{ id: string; lead_id: string; amount_fen: number; at: string }>(
    t.db,
    sql`select id::text, lead_id::text, amount_fen,
          to_char(${enrolmentInstant('e')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
        from enrolments e`,
  );
  return {
    leads: leadRows.map(
      (r): AnalyticsLead => ({
        id: r.id,
        createdAt: r.created_at,
        source: r.source,
        campaignId: r.campaign_id,
        campusId: r.campus_id,
        courseId: r.course_id,
      }),
    ),
    transitions: transitions.map(
      (r): AnalyticsTransition => ({
        leadId: r.lead_id,
        fromStage: r.from_stage,
        toStage: r.to_stage,
        ordinal: r.ordinal,
        at: r.at,
      }),
    ),
    touchpoints: touchRows.map(
      (r): AnalyticsTouchpoint => ({
        id: r.id,
        leadId: r.lead_id,
        occurredAt: r.occurred_at,
        channel: r.channel,
        campaignId: r.campaign_id,
      }),
    ),
    enrolments: enrolmentRows.map(
      (r): AnalyticsEnrolment => ({ id: r.id, leadId: r.lead_id, amountFen: r.amount_fen, at: r.at }),
    ),
  };
}
