/**
 * The message outbox as a work queue (ADR 015 "Claiming, spending, sending"): due rows claimed
 * with `FOR UPDATE SKIP LOCKED`, grants spent with a conditional update, leases that ran out while
 * sending turned into `unknown` (never sent again), and the in-app messages written instead of a
 * subscribe message.
 */
import type { CampaignContent, JourneyStage } from '@scrm/shared';
import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client.js';
import { campaigns, contentItems, leadMessages, messageOutbox, subscriptions } from '../schema/index.js';
import { selectRows } from './raw-sql.js';
import { updateRowsById } from './update-rows.js';

type Db = Database | Transaction;

export interface ClaimedOutboxRow {
  id: string;
  campaignId: string;
  stepId: string;
  leadId: string;
  templateId: string;
  attempts: number;
  dueAt: Date | null;
  document: unknown;
  enteredAt: Date | null;
  exitReason: string | null;
  openid: string | null;
}

/**
 * Locks up to `limit` due pending rows of active campaigns that no other runner holds, in lead
 * order (so two runners that touch one lead take its row locks in the same order).
 */
export async function claimDueOutboxRows(tx: Transaction, now: Date, limit: number): Promise<ClaimedOutboxRow[]> {
  const rows = await selectRows<Record<string, unknown>>(
    tx,
    sql`
    select o.id, o.campaign_id, o.step_id, o.lead_id, o.template_id, o.attempts, o.due_at, c.document,
      m.entered_at, m.exit_reason, l.openid
    from message_outbox o
    join campaigns c on c.id::text = o.campaign_id
    join leads l on l.id = o.lead_id
    left join campaign_members m on m.campaign_id = c.id and m.lead_id = o.lead_id
    where o.status = 'pending' and o.scheduled_at <= ${now.toISOString()}::timestamptz and c.status = 'active'
    order by o.scheduled_at, o.id
    limit ${limit}
    for update of o skip locked`,
  );
  const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return rows
    .map((r) => ({
      id: String(r.id),
      campaignId: String(r.campaign_id),
      stepId: String(r.step_id),
      leadId: String(r.lead_id),
      templateId: String(r.template_id),
      attempts: Number(r.attempts),
      dueAt: toDate(r.due_at),
      document: typeof r.document === 'string' ? JSON.parse(r.document) : r.document,
      enteredAt: toDate(r.entered_at),
      exitReason: r.exit_reason === null ? null : String(r.exit_reason),
      openid: r.openid === null ? null : String(r.openid),
    }))
    .sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
}

/** Spends one grant of the template; false when none is left (two claimers never spend one grant). */
export async function spendGrant(tx: Transaction, leadId: string, templateId: string, now: Date): Promise<boolean> {
  const spent = await tx
    .update(subscriptions)
    .set({ spentCount: sql`${subscriptions.spentCount} + 1`, lastSpentAt: now, updatedAt: now })
    .where(
      and(
        eq(subscriptions.leadId, leadId),
        eq(subscriptions.templateId, templateId),
        sql`${subscriptions.spentCount} < ${subscriptions.grantedCount}`,
      ),
    )
    .returning({ leadId: subscriptions.leadId });
  return spent.length > 0;
}

/**
 * `spendGrant` for each of a claimed batch's sends, in one statement: the answer per want, in
 * order. The rows are locked in (lead, template) order first, as the one-at-a-time spends of a
 * batch sorted by lead did, so two claimers cannot deadlock; the conditional update then re-reads
 * each locked row, so two claimers never spend one grant. A second want of the same grant in the
 * batch (two steps for one lead) is spent after the first, on its own.
 */
export async function spendGrants(
  tx: Transaction,
  wants: readonly { leadId: string; templateId: string }[],
  now: Date,
): Promise<boolean[]> {
  const keyOf = (w: { leadId: string; templateId: string }) => `${w.leadId}|${w.templateId}`;
  const firstIndex = new Map<string, number>();
  wants.forEach((w, i) => {
    if (!firstIndex.has(keyOf(w))) firstIndex.set(keyOf(w), i);
  });
  const spent = new Set<string>();
  if (firstIndex.size > 0) {
    const json = JSON.stringify([...firstIndex.keys()].map((key) => key.split('|')).map(([l, t]) => ({ l, t })));
    const rows = await selectRows<{ lead_id: string; template_id: string }>(
      tx,
      sql`with wanted as (select * from json_to_recordset(${json}::json) as w(l uuid, t text)),
        locked as materialized (
          select s.lead_id, s.template_id from subscriptions s join wanted w on s.lead_id = w.l and s.template_id = w.t
          order by s.lead_id, s.template_id
          for update of s)
        update subscriptions s
        set spent_count = s.spent_count + 1, last_spent_at = ${now.toISOString()}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz
        from locked
        where s.lead_id = locked.lead_id and s.template_id = locked.template_id and s.spent_count < s.granted_count
        returning s.lead_id, s.template_id`,
    );
    for (const row of rows) spent.add(`${row.lead_id}|${row.template_id}`);
  }
  const answers: boolean[] = [];
  for (const [i, want] of wants.entries()) {
    answers.push(
      firstIndex.get(keyOf(want)) === i
        ? spent.has(keyOf(want))
        : await spendGrant(tx, want.leadId, want.templateId, now),
    );
  }
  return answers;
}

/**
 * Gives back a spent grant WeChat did not use. `isGone` (43101): WeChat says there is none, so the
 * ledger keeps no unspent grant either (`granted_count = spent_count`).
 */
export async function refundGrant(
  tx: Transaction,
  input: { leadId: string; templateId: string; isGone: boolean; now: Date },
): Promise<void> {
  const spent = sql`greatest(${subscriptions.spentCount} - 1, 0)`;
  await tx
    .update(subscriptions)
    .set({
      spentCount: spent,
      ...(input.isGone ? { grantedCount: spent, lastRejectedAt: input.now } : {}),
      updatedAt: input.now,
    })
    .where(and(eq(subscriptions.leadId, input.leadId), eq(subscriptions.templateId, input.templateId)));
}

export type OutboxPatch = Partial<typeof messageOutbox.$inferInsert>;

export async function updateOutboxRow(db: Db, id: string, patch: OutboxPatch, now: Date): Promise<void> {
  await db
    .update(messageOutbox)
    .set({ ...patch, updatedAt: now })
    .where(eq(messageOutbox.id, id));
}

/** `updateOutboxRow` for many rows, each with its own patch: one statement per kind of patch. */
export async function updateOutboxRows(
  db: Db,
  patches: readonly { id: string; patch: OutboxPatch }[],
  now: Date,
): Promise<void> {
  await updateRowsById(
    db,
    messageOutbox,
    patches.map(({ id, patch }) => ({ id, set: { ...patch, updatedAt: now } })),
  );
}

/** The in-app messages of a batch, in one statement (one per outbox row at most, as `insertLeadMessage`). */
export async function insertLeadMessages(tx: Transaction, rows: readonly (typeof leadMessages.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx
    .insert(leadMessages)
    .values([...rows])
    .onConflictDoNothing();
}

export async function insertLeadMessage(tx: Transaction, row: typeof leadMessages.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(leadMessages).values(row).onConflictDoNothing().returning({ id: leadMessages.id });
  return inserted.length > 0;
}

/** Locks a row in flight (`sending`, or `unknown` when its lease ran out meanwhile); false if gone. */
export async function lockInFlightRow(tx: Transaction, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: messageOutbox.id })
    .from(messageOutbox)
    .where(and(eq(messageOutbox.id, id), inArray(messageOutbox.status, ['sending', 'unknown'])))
    .for('update');
  return rows.length > 0;
}

/** `lockInFlightRow` for a batch, in id order: the ids still in flight. */
export async function lockInFlightRows(tx: Transaction, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: messageOutbox.id })
    .from(messageOutbox)
    .where(and(inArray(messageOutbox.id, [...ids]), inArray(messageOutbox.status, ['sending', 'unknown'])))
    .orderBy(messageOutbox.id)
    .for('update');
  return new Set(rows.map((r) => r.id));
}

/**
 * Sends whose outcome could not be recorded (the database failed while recording): `unknown`,
 * listed and never sent again, as a lease running out would make them, but at once.
 */
export async function markSendsUnknown(db: Db, ids: readonly string[], reason: string, now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(messageOutbox)
    .set({ status: 'unknown', reason, lockedUntil: null, updatedAt: now })
    .where(and(inArray(messageOutbox.id, [...ids]), eq(messageOutbox.status, 'sending')))
    .returning({ id: messageOutbox.id });
  return rows.length;
}

/** Rows left `sending` past their lease (the runner died after claiming): now `unknown`, never resent. */
export async function markExpiredSendsUnknown(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(messageOutbox)
    .set({ status: 'unknown', reason: 'lease_expired', lockedUntil: null, updatedAt: now })
    .where(and(eq(messageOutbox.status, 'sending'), lte(messageOutbox.lockedUntil, now)))
    .returning({ id: messageOutbox.id });
  return rows.length;
}

export function listUnknownSends(db: Db, limit: number, campaignId?: string) {
  return db
    .select({
      outboxId: messageOutbox.id,
      campaignId: messageOutbox.campaignId,
      stepId: messageOutbox.stepId,
      leadId: messageOutbox.leadId,
      since: messageOutbox.updatedAt,
      reason: messageOutbox.reason,
    })
    .from(messageOutbox)
    .where(and(eq(messageOutbox.status, 'unknown'), campaignId ? eq(messageOutbox.campaignId, campaignId) : undefined))
    .orderBy(desc(messageOutbox.updatedAt))
    .limit(limit);
}

export function listActiveCampaignRows(db: Db) {
  return db.select().from(campaigns).where(eq(campaigns.status, 'active')).orderBy(campaigns.createdAt);
}

/** Published content a step may pick (SPEC §2.2 tags: stage and topic). */
export async function listPublishedContent(db: Db, now: Date): Promise<CampaignContent[]> {
  const rows = await db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      journeyStage: contentItems.journeyStage,
      topic: contentItems.topic,
      publishedAt: contentItems.publishedAt,
    })
    .from(contentItems)
    .where(and(isNotNull(contentItems.publishedAt), lte(contentItems.publishedAt, now)));
  return rows.map((c) => ({ ...c, journeyStage: c.journeyStage as JourneyStage, publishedAt: c.publishedAt as Date }));
}

/** Pauses campaigns whose configuration WeChat refused (a template or page id it does not know). */
export async function pauseCampaigns(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(campaigns)
    .set({ status: 'paused', pausedAt: now, updatedAt: now })
    .where(and(inArray(sql`${campaigns.id}::text`, [...ids]), eq(campaigns.status, 'active')));
}
