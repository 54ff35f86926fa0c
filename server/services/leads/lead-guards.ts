/** What a lead may do, decided in one place for every service. */
import type { Database } from '../../db/client.js';
import { findLeadById, type LeadRow } from '../../db/queries/leads.js';
import { AppError } from '../../http/app-error.js';

/**
 * A token outlives its lead's erasure (it is short-lived but stateless): an erased, merged or
 * unknown lead opens nothing, and the client is told to log in again, which starts a fresh lead
 * (SPEC §4).
 */
export function assertLiveLead<T extends { erasedAt: Date | null; mergedIntoLeadId: string | null }>(
  lead: T | null | undefined,
  leadId: string,
): asserts lead is T {
  if (!lead || !isLiveLead(lead)) {
    throw new AppError('unauthenticated', `Lead ${leadId} no longer exists`, { userMessage: '请重新登录' });
  }
}

/**
 * Live: neither erased (SPEC §4) nor merged into another lead (ADR 010). Only a live lead can be
 * signed in as, touched or shown.
 */
export function isLiveLead(lead: { erasedAt: Date | null; mergedIntoLeadId: string | null }): boolean {
  return lead.erasedAt === null && lead.mergedIntoLeadId === null;
}

/**
 * Registered: consent on file and a contact number (SPEC §2.2 `name` stage). Gated downloads and
 * trial bookings need it; a phone is only ever stored after consent.
 */
export function isRegisteredLead(lead: { consentAgreedAt: Date | null; phone: string | null }): boolean {
  return lead.consentAgreedAt !== null && lead.phone !== null;
}

/**
 * Reads something of a prospect's own (`GET /api/me/…` lists) alongside the lead, in parallel, and
 * refuses an erased lead's token as `assertLiveLead` does.
 */
export async function readOfLiveLead<T>(
  db: Database,
  leadId: string,
  read: (db: Database, leadId: string) => Promise<T>,
): Promise<{ lead: LeadRow; data: T }> {
  const [lead, data] = await Promise.all([findLeadById(db, leadId), read(db, leadId)]);
  assertLiveLead(lead, leadId);
  return { lead, data };
}
