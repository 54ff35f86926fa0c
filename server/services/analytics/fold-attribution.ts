/**
 * The attribution part of the fold (ADR 016). Credits are split by largest remainder with a
 * tie-break on the first touch (shared/analytics `creditEnrolment`); stating that again in SQL
 * would make a second definition to keep in step, so the fold reads the enrolments of the folded
 * leads and their touches in the lookback window (few: only enrolled leads have any), credits them
 * with the shared code, and adds the resulting rows set-wise.
 */
import {
  type AnalyticsTouchpoint,
  type AttributionRowKey,
  type AttributionRowValue,
  buildRollupTable,
  creditEnrolment,
  listAttributionRows,
  type RollupRow,
} from '@scrm/shared';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client.js';
import { listFoldEnrolments, listFoldTouches } from '../../db/queries/analytics-fold.js';

/** Rows per statement: keeps each JSON parameter a few megabytes. */
const CHUNK = 5_000;

export async function foldAttribution(tx: Transaction, lookbackDays: number): Promise<void> {
  const enrolments = await listFoldEnrolments(tx);
  if (enrolments.length === 0) return;
  const touches = await listFoldTouches(tx, lookbackDays);
  const touchesBy = new Map<string, AnalyticsTouchpoint[]>();
  for (const t of touches) {
    const id = `${t.lead_id}|${t.sign}`;
    const list = touchesBy.get(id) ?? [];
    touchesBy.set(id, list);
    list.push({
      id: t.id,
      leadId: t.lead_id,
      occurredAt: t.occurred_at,
      channel: t.channel,
      campaignId: t.campaign_id,
    });
  }
  const rows: RollupRow<AttributionRowKey, AttributionRowValue>[] = [];
  for (const e of enrolments) {
    const enrolment = { id: e.id, leadId: e.lead_id, amountFen: e.amount_fen, at: e.at };
    const segment = { source: e.source, campaignId: e.campaign_id, campusId: e.campus_id, courseId: e.course_id };
    const credits = creditEnrolment(enrolment, touchesBy.get(`${e.lead_id}|${e.sign}`) ?? [], lookbackDays);
    for (const row of listAttributionRows({ enrolment: { ...enrolment, segment }, credits })) {
      rows.push({
        key: row.key,
        value: { creditFen: e.sign * row.value.creditFen, unattributedFen: e.sign * row.value.unattributedFen },
      });
    }
  }
  const merged = [...buildRollupTable(rows).values()].map(({ key, value }) => ({
    day: key.day,
    model: key.model,
    channel: key.channel,
    touch_campaign_id: key.touchCampaignId,
    source: key.source,
    campaign_id: key.campaignId,
    campus_id: key.campusId,
    course_id: key.courseId,
    credit_fen: value.creditFen,
    unattributed_fen: value.unattributedFen,
  }));
  for (let i = 0; i < merged.length; i += CHUNK) {
    await tx.execute(sql`
      insert into analytics_attribution_daily as t
        (day, model, channel, touch_campaign_id, source, campaign_id, campus_id, course_id, credit_fen, unattributed_fen)
      select day, model, channel, touch_campaign_id, source, campaign_id, campus_id, course_id, credit_fen, unattributed_fen
      from jsonb_to_recordset(${JSON.stringify(merged.slice(i, i + CHUNK))}::jsonb) as x(
        day date, model text, channel text, touch_campaign_id text, source text, campaign_id text,
        campus_id text, course_id text, credit_fen bigint, unattributed_fen bigint)
      on conflict (day, model, channel, touch_campaign_id, source, campaign_id, campus_id, course_id) do update set
        credit_fen = t.credit_fen + excluded.credit_fen, unattributed_fen = t.unattributed_fen + excluded.unattributed_fen`);
  }
}
