/**
 * Staff and workbench fixtures for route tests (issue 9): campuses with advisors, staff tokens
 * signed as the login signs them, and contactable leads written directly when a test's subject is
 * what staff do with a lead rather than how it arrived. Leads written here hold an owner the way
 * the domain would (owner columns and an open assignment period), so actions see a coherent lead.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@scrm/shared';
import { advisors, campuses, courses, leadAssignments, leads } from '../../server/db/schema/index.js';
import { signSessionToken } from '../../server/services/auth/session-token.js';
import { one } from './rows.js';
import type { TestApp } from './test-app.js';

export interface TestStaff {
  id: string;
  name: string;
  role: StaffRole;
  openid: string;
  token: string;
}

let sequence = 0;

export async function createTestCampus(t: TestApp, name = `校区${++sequence}`) {
  return one(await t.db.insert(campuses).values({ name, city: '上海' }).returning());
}

export async function createTestCourse(t: TestApp, name = '雅思 7 分冲刺') {
  return one(
    await t.db
      .insert(courses)
      .values({ code: `c-${randomUUID().slice(0, 8)}`, name, priceFen: 1_280_000 })
      .returning(),
  );
}

/** A staff member with a bound openid and a staff token (subject: the staff id). */
export async function createTestStaff(
  t: TestApp,
  input: {
    role?: StaffRole;
    campusIds?: string[];
    isAllCampuses?: boolean;
    capacity?: number;
    courseIds?: string[];
    name?: string;
    isActive?: boolean;
  } = {},
): Promise<TestStaff> {
  sequence += 1;
  const role = input.role ?? 'advisor';
  const openid = `o_staff${sequence}_${randomUUID().slice(0, 6)}`;
  const row = one(
    await t.db
      .insert(advisors)
      .values({
        name: input.name ?? `${role === 'manager' ? '主管' : '顾问'}${sequence}`,
        openid,
        role,
        campusIds: input.campusIds ?? [],
        isAllCampuses: input.isAllCampuses ?? false,
        capacity: input.capacity ?? 50,
        courseIds: input.courseIds ?? [],
        isActive: input.isActive ?? true,
      })
      .returning(),
  );
  const { token } = await signSessionToken(t.env.AUTH_SECRET, { subject: row.id, role }, t.clock.now());
  return { id: row.id, name: row.name, role, openid, token };
}

/**
 * A contactable lead (a phone on file) in `campusId`, written directly. With `ownerId` it is held
 * by that advisor, accepted or not, with an open assignment period due at `slaDueAt`.
 */
export async function createWorkbenchLead(
  t: TestApp,
  input: {
    campusId?: string | null;
    ownerId?: string;
    isAccepted?: boolean;
    slaDueAt?: Date;
    score?: number;
    stage?: string;
    name?: string;
    phone?: string;
    courseId?: string;
    source?: string;
    lastActivityAt?: Date;
  } = {},
) {
  sequence += 1;
  const now = t.clock.now();
  const stage = input.stage ?? (input.ownerId ? (input.isAccepted ? 'sql' : 'mql') : 'engaged');
  const lead = one(
    await t.db
      .insert(leads)
      .values({
        openid: `o_lead${sequence}_${randomUUID().slice(0, 6)}`,
        name: input.name ?? `学员${sequence}`,
        phone: input.phone ?? `139${String(10_000_000 + sequence * 7919).slice(-8)}`,
        consentPolicyVersion: '2026-11',
        consentAgreedAt: now,
        campusId: input.campusId === undefined ? null : input.campusId,
        courseInterest: input.courseId ?? null,
        lifecycleStage: stage,
        lifecycleArrivals: { awareness: 1, [stage]: 1 },
        scoreTotal: input.score ?? 10,
        source: input.source ?? 'mini_program',
        lastActivityAt: input.lastActivityAt ?? null,
        ownerAdvisorId: input.ownerId ?? null,
        ownerAssignedAt: input.ownerId ? now : null,
        ownerAcceptedAt: input.ownerId && input.isAccepted ? now : null,
        slaDueAt:
          input.ownerId && !input.isAccepted ? (input.slaDueAt ?? new Date(now.getTime() + 4 * 3_600_000)) : null,
        createdAt: now,
      })
      .returning(),
  );
  if (input.ownerId) {
    await t.db.insert(leadAssignments).values({
      id: randomUUID(),
      leadId: lead.id,
      advisorId: input.ownerId,
      kind: 'routed',
      reason: 'high_intent',
      assignedAt: now,
      slaDueAt: lead.slaDueAt,
      acceptedAt: input.isAccepted ? now : null,
    });
  }
  return lead;
}

/** A staff request: JSON body, the staff token, a fresh request id unless one is given. */
export function staffPost<T = unknown>(
  t: TestApp,
  staff: { token: string },
  path: string,
  json: Record<string, unknown> = {},
  method: 'POST' | 'PUT' = 'POST',
) {
  return t.request<T>(path, { method, token: staff.token, json: { requestId: randomUUID(), ...json } });
}
