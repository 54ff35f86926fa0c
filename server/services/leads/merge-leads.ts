/**
 * Merging one lead into another, and a manager's reversal of it (SPEC §4 "one person, one lead …
 * merged with a recorded cause", ADR 010). Runs in the caller's transaction.
 *
 * A merge re-records the absorbed lead's touchpoints on the survivor through `recordLeadSignals`,
 * so the survivor's score, stages, journey and ledger move exactly as if it had sent them (the
 * score state does not depend on arrival order, so it equals a replay of its touchpoints). Its
 * bookings move too. The absorbed row stays, not live, with its profile, its own stage history
 * and ledger (the person's, exported and erased with the survivor's), and `lead_merges` records
 * the cause and every id moved. A reversal moves them back, restores the survivor's first-touch
 * attribution and rebuilds its score from what it still holds; stages stay where they are (the
 * history shows how they got there) until the lead's next signal moves them.
 */
import type { IdentityReason, TouchpointEvent } from '@scrm/shared';
import type { AppContext } from '../../context.js';
import type { Transaction } from '../../db/client.js';
import {
  deleteLedgerOfSignals,
  insertLeadMerge,
  type LeadMergeRow,
  lockLeadMerge,
  markLeadMergeReversed,
  moveBookings,
  resolveDuplicateFlags,
  restoreTouchpoints,
  takeTouchpoints,
} from '../../db/queries/lead-identity.js';
import { type LeadRow, lockLead, updateLead } from '../../db/queries/leads.js';
import { listLeadTouchpointIds, listLeadTouchpoints } from '../../db/queries/touchpoints.js';
import { AppError } from '../../http/app-error.js';
import { isLiveLead } from './lead-guards.js';
import { toTouchpointEvent } from './rebuild-score-state.js';
import { recordLeadSignals } from './record-lead-signals.js';

/** What brought two leads together. */
export type MergeCause = 'registration' | 'phone_binding' | 'import' | 'manual';

/** Locks two leads in id order (two merges of one pair, either way round, cannot deadlock). */
async function lockPair(tx: Transaction, a: string, b: string): Promise<Map<string, LeadRow>> {
  const rows = new Map<string, LeadRow>();
  for (const id of [a, b].sort()) {
    const locked = await lockLead(tx, id);
    if (locked) rows.set(id, locked.lead);
  }
  return rows;
}

/**
 * Absorbs `absorbedId` into `survivorId`; `null` when either is no longer live (another
 * transaction merged or erased it first).
 */
export async function mergeLeads(
  tx: Transaction,
  options: { survivorId: string; absorbedId: string; cause: MergeCause; reason: IdentityReason; now: Date },
): Promise<LeadMergeRow | null> {
  const { survivorId, absorbedId, now } = options;
  const rows = await lockPair(tx, survivorId, absorbedId);
  const survivor = rows.get(survivorId);
  const absorbed = rows.get(absorbedId);
  if (!survivor || !absorbed || !isLiveLead(survivor) || !isLiveLead(absorbed) || survivorId === absorbedId) {
    return null;
  }
  // Events that no longer parse (an old wire shape) and ids the survivor already has (the same
  // event reported under both) stay on the absorbed row.
  const events = (await listLeadTouchpoints(tx, absorbedId))
    .map((row) => ({ row, event: toTouchpointEvent(row) }))
    .filter((e): e is { row: (typeof e)['row']; event: TouchpointEvent } => e.event !== null);
  const held = await listLeadTouchpointIds(
    tx,
    survivorId,
    events.map((e) => e.event.id),
  );
  const moving = events.filter((e) => !held.has(e.event.id));
  await takeTouchpoints(
    tx,
    absorbedId,
    moving.map((e) => e.event.id),
  );
  await recordLeadSignals(tx, { leadId: survivorId, signals: moving.map((e) => e.event), now });
  const movedBookings = await moveBookings(tx, { fromLeadId: absorbedId, toLeadId: survivorId });
  // First-touch attribution (SPEC §2.6): the lead that came first brought the person.
  const survivorBefore = { source: survivor.source, sourceCampaignId: survivor.sourceCampaignId };
  if (absorbed.createdAt < survivor.createdAt && absorbed.source) {
    await updateLead(tx, survivorId, { source: absorbed.source, sourceCampaignId: absorbed.sourceCampaignId });
  }
  await updateLead(tx, absorbedId, { mergedIntoLeadId: survivorId, updatedAt: now });
  await resolveDuplicateFlags(tx, survivorId, absorbedId, now);
  return insertLeadMerge(tx, {
    survivorLeadId: survivorId,
    absorbedLeadId: absorbedId,
    cause: options.cause,
    reason: options.reason,
    moved: {
      touchpoints: moving.map((e) => ({ id: e.row.id, receivedAt: e.row.receivedAt.toISOString() })),
      bookings: movedBookings,
      survivorBefore,
    },
    at: now,
  });
}

/**
 * Reverses a merge (a manager's tool; the workbench's route calls it). 404 for an unknown merge,
 * 409 when it was reversed already or a lead of it is no longer live.
 */
export async function reverseLeadMerge(
  ctx: Pick<AppContext, 'db' | 'now'>,
  options: { mergeId: string; advisorId: string | null },
): Promise<LeadMergeRow> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const merge = await lockLeadMerge(tx, options.mergeId);
    if (!merge)
      throw new AppError('not_found', `Merge ${options.mergeId} not found`, { userMessage: '合并记录不存在' });
    if (merge.reversedAt) throw new AppError('conflict', 'Merge already reversed', { userMessage: '该合并已撤销' });
    const { survivorLeadId: survivorId, absorbedLeadId: absorbedId, moved } = merge;
    const rows = await lockPair(tx, survivorId, absorbedId);
    const survivor = rows.get(survivorId);
    if (!survivor || !isLiveLead(survivor) || rows.get(absorbedId)?.mergedIntoLeadId !== survivorId) {
      throw new AppError('conflict', 'The merged leads changed since', { userMessage: '线索已变更，无法撤销合并' });
    }
    const ids = moved.touchpoints.map((t) => t.id);
    const receivedAt = new Map(moved.touchpoints.map((t) => [t.id, new Date(t.receivedAt)]));
    const taken = await takeTouchpoints(tx, survivorId, ids);
    await restoreTouchpoints(
      tx,
      taken.map((row) => ({ ...row, leadId: absorbedId, receivedAt: receivedAt.get(row.id) ?? row.receivedAt })),
    );
    await deleteLedgerOfSignals(tx, survivorId, ids);
    await moveBookings(tx, { fromLeadId: survivorId, toLeadId: absorbedId, onlyIds: moved.bookings });
    await updateLead(tx, absorbedId, { mergedIntoLeadId: null, updatedAt: now });
    // The survivor's score is rebuilt from the touchpoints it still holds (an empty state makes
    // recordLeadSignals replay them); its attribution is restored as it was.
    await updateLead(tx, survivorId, { ...moved.survivorBefore, scoreState: {}, updatedAt: now });
    await recordLeadSignals(tx, { leadId: survivorId, signals: [], now });
    await markLeadMergeReversed(tx, { mergeId: merge.id, advisorId: options.advisorId, at: now });
    return { ...merge, reversedAt: now, reversedByAdvisorId: options.advisorId };
  });
}
