/**
 * `requireAccess(key)`: the one middleware that reads the access table (`access-table.ts`) for a
 * route. Public rows pass; cron rows need `Authorization: Bearer $CRON_SECRET`; the others need a
 * session token of a role the row names (through `requireAuth`, so 401 and 403 answer as on
 * every other route). For staff it then loads the staff record: a staff member who left, or whose
 * role changed since the token was signed, is refused at once, not when the token expires. The
 * staff member and the row's scope go to `c.var.staff` for the service.
 *
 * @example middleware: [requireAccess('GET /staff/leads')]
 */
import { timingSafeEqual } from 'node:crypto';
import { STAFF_MESSAGES } from '@scrm/shared';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { findStaffById } from '../db/queries/staff.js';
import type { StaffAccess } from '../services/staff/staff-access.js';
import { type AccessKey, getAccessRow, listAllowedRoles } from './access-table.js';
import { AppError } from './app-error.js';
import { getPrincipal, requireAuth } from './auth.js';
import { describeMiddleware, readMiddlewareDoc } from './middleware-doc.js';

/** Compares in constant time, so the secret cannot be guessed byte by byte from response times. */
function isSameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function assertCronCaller(c: Context<AppEnv>): void {
  const secret = c.var.ctx.env.CRON_SECRET;
  const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!secret || !given || !isSameSecret(given, secret)) {
    throw new AppError('unauthenticated', 'Cron routes need the CRON_SECRET bearer', {
      userMessage: STAFF_MESSAGES.cronUnauthorized,
    });
  }
}

async function loadStaffAccess(c: Context<AppEnv>, key: AccessKey): Promise<StaffAccess | null> {
  const principal = getPrincipal(c);
  if (principal.role === 'prospect') return null;
  const row = getAccessRow(key);
  const scope = typeof row === 'string' ? undefined : row[principal.role];
  if (!scope) throw new AppError('forbidden', `Role ${principal.role} may not call ${key}`);
  const staff = await findStaffById(c.var.ctx.db, principal.subject);
  if (!staff || staff.role !== principal.role) {
    throw new AppError('unauthenticated', 'Staff record missing or role changed', {
      userMessage: STAFF_MESSAGES.staffUnknown,
    });
  }
  if (!staff.isActive)
    throw new AppError('forbidden', 'Staff member is inactive', { userMessage: STAFF_MESSAGES.staffInactive });
  if (scope === 'institution' && !staff.isAllCampuses) {
    throw new AppError('forbidden', `${key} needs an institution-wide manager`, {
      userMessage: STAFF_MESSAGES.institutionOnly,
    });
  }
  return {
    staffId: staff.id,
    role: staff.role,
    name: staff.name,
    scope,
    campusIds: staff.isAllCampuses ? 'all' : staff.campusIds,
  };
}

export const requireAccess = (key: AccessKey) => {
  const row = getAccessRow(key);
  if (row === 'public') return createMiddleware<AppEnv>((_c, next) => next());
  if (row === 'cron') {
    const checkCron = createMiddleware<AppEnv>(async (c, next) => {
      assertCronCaller(c);
      await next();
    });
    return describeMiddleware(checkCron, { errors: ['unauthenticated'], auth: { required: true, cron: true } });
  }
  const authenticate = requireAuth(...listAllowedRoles(row));
  const check = createMiddleware<AppEnv>((c, next) =>
    authenticate(c, async () => {
      const staff = await loadStaffAccess(c, key);
      if (staff) c.set('staff', staff);
      await next();
    }),
  );
  // What `requireAuth` answers (401, 403), the same bearer; a staff row can also refuse with 403.
  const authDoc = readMiddlewareDoc(authenticate);
  return authDoc ? describeMiddleware(check, authDoc) : check;
};

/** The staff access `requireAccess` put there; a route without it is a programming error. */
export function getStaffAccess(c: Context<AppEnv>): StaffAccess {
  const staff = c.get('staff');
  if (!staff) throw new Error('getStaffAccess on a route without a staff row in the access table');
  return staff;
}
