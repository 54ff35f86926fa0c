/**
 * `POST /api/staff/invitations` (issue 9 §1): a manager invites an advisor or a manager to their
 * own campuses (only an institution-wide manager may invite one). The code is random, shown once,
 * single use and expires in 7 days; only its SHA-256 is stored. The staff CLI uses the same
 * function for an installation's first manager (no inviter).
 */
import { createHash, randomInt } from 'node:crypto';
import { type CreateStaffInvitationRequest, type CreateStaffInvitationResponse, STAFF_MESSAGES } from '@scrm/shared';
import type { Database } from '../../db/client.js';
import { insertInvitation } from '../../db/queries/staff.js';
import { AppError } from '../../http/app-error.js';
import type { StaffAccess } from './staff-access.js';

export const INVITATION_TTL_MS = 7 * 86_400_000;
/** 32 symbols without look-alikes (no I, O, 0, 1): 12 of them are 60 bits, read aloud easily. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function createInvitationCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** The stored form of a code, whatever dashes or case it was typed with. */
export function hashInvitationCode(code: string): string {
  return createHash('sha256').update(code.replaceAll('-', '').toUpperCase()).digest('hex');
}

function assertInviterScope(inviter: StaffAccess | null, request: CreateStaffInvitationRequest): void {
  if (!inviter || inviter.campusIds === 'all') return;
  if (request.isAllCampuses) {
    throw new AppError('forbidden', 'Only an institution-wide manager invites one', {
      userMessage: STAFF_MESSAGES.institutionOnly,
    });
  }
  const scope = inviter.campusIds;
  if (request.campusIds.some((id) => !scope.includes(id))) {
    throw new AppError('forbidden', 'Campus outside the inviter scope', {
      userMessage: STAFF_MESSAGES.campusOutOfScope,
    });
  }
}

export async function inviteStaff(
  ctx: { db: Database; now: () => Date },
  options: { inviter: StaffAccess | null; request: CreateStaffInvitationRequest },
): Promise<CreateStaffInvitationResponse> {
  const { inviter, request } = options;
  assertInviterScope(inviter, request);
  const now = ctx.now();
  const code = createInvitationCode();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await ctx.db.transaction((tx) =>
    insertInvitation(tx, {
      codeHash: hashInvitationCode(code),
      name: request.name,
      role: request.role,
      campusIds: request.isAllCampuses ? [] : request.campusIds,
      isAllCampuses: request.isAllCampuses,
      capacity: request.capacity,
      createdByStaffId: inviter?.staffId ?? null,
      createdAt: now,
      expiresAt,
    }),
  );
  return { code, expiresAt: expiresAt.toISOString() };
}
