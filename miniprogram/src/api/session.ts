import type { KeyValueStorage } from '../platform/storage';

/**
 * The staff part of a login (issue 9 §1, ADR 011): who they are and the second token, the one
 * `/api/staff/*` accepts.
 */
export interface StaffSession {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
  id: string;
  name: string;
  role: 'advisor' | 'manager';
  campusIds: string[];
  isAllCampuses: boolean;
}

/** What the client keeps of a login: the bearer token, its expiry and whose it is. */
export interface Session {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
  leadId: string;
  /** `null` for everyone but staff. */
  staff: StaffSession | null;
}

export interface SessionStore {
  find(): Session | null;
  save(session: Session): void;
  clear(): void;
}

function readStaff(value: unknown): StaffSession | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  const isValid =
    typeof r.token === 'string' &&
    typeof r.expiresAt === 'string' &&
    typeof r.id === 'string' &&
    typeof r.name === 'string' &&
    (r.role === 'advisor' || r.role === 'manager') &&
    Array.isArray(r.campusIds) &&
    r.campusIds.every((id) => typeof id === 'string');
  if (!isValid) return undefined;
  return {
    token: r.token as string,
    expiresAt: r.expiresAt as string,
    id: r.id as string,
    name: r.name as string,
    role: r.role as StaffSession['role'],
    campusIds: r.campusIds as string[],
    isAllCampuses: r.isAllCampuses === true,
  };
}

// A session stored before staff sessions existed has no `staff` key: it is not one, and the
// silent re-login that follows finds out whether this WeChat user is staff.
function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.token === 'string' &&
    typeof record.expiresAt === 'string' &&
    typeof record.leadId === 'string' &&
    readStaff(record.staff) !== undefined
  );
}

/** The session in device storage, so that a restart does not cost a login round trip. */
export function createSessionStore(storage: KeyValueStorage, storageKey = 'scrm.session.v1'): SessionStore {
  return {
    find() {
      const raw = storage.getItem(storageKey);
      if (raw === null) return null;
      try {
        const value: unknown = JSON.parse(raw);
        return isSession(value) ? value : null;
      } catch {
        return null;
      }
    },
    save(session) {
      storage.setItem(storageKey, JSON.stringify(session));
    },
    clear() {
      storage.removeItem(storageKey);
    },
  };
}

/**
 * The part of the `POST /api/auth/login` reply the client needs (contract: `loginResponseSchema`
 * in shared/contracts/auth.ts). Read field by field so that the client does not depend on the
 * full lead view, which pages fetch through `GET /api/me`. `staff` is kept whole: the workbench
 * needs the staff token and the role.
 */
export function readLoginReply(body: unknown): Session | null {
  if (typeof body !== 'object' || body === null) return null;
  const { token, expiresAt, lead, staff } = body as Record<string, unknown>;
  const leadId = typeof lead === 'object' && lead !== null ? (lead as Record<string, unknown>).id : undefined;
  if (typeof token !== 'string' || typeof expiresAt !== 'string' || typeof leadId !== 'string') return null;
  // An older server sends no `staff`: nobody is staff there.
  const staffSession = staff === undefined ? null : readStaff(staff);
  if (staffSession === undefined) return null;
  return { token, expiresAt, leadId, staff: staffSession };
}
