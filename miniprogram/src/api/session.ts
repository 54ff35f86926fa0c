import type { KeyValueStorage } from '../platform/storage';

/** What the client keeps of a login: the bearer token, its expiry and whose it is. */
export interface Session {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
  leadId: string;
}

export interface SessionStore {
  find(): Session | null;
  save(session: Session): void;
  clear(): void;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.token === 'string' && typeof record.expiresAt === 'string' && typeof record.leadId === 'string';
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
 * full lead view, which pages fetch through `GET /api/me`.
 */
export function readLoginReply(body: unknown): Session | null {
  if (typeof body !== 'object' || body === null) return null;
  const { token, expiresAt, lead } = body as Record<string, unknown>;
  const leadId = typeof lead === 'object' && lead !== null ? (lead as Record<string, unknown>).id : undefined;
  if (typeof token !== 'string' || typeof expiresAt !== 'string' || typeof leadId !== 'string') return null;
  return { token, expiresAt, leadId };
}
