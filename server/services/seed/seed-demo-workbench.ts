/**
 * The demo workbench (issue 9 §1): staff bound to the WeChat stand-in's login codes, and leads
 * already at work, so a newcomer to `npm start` sees a living workbench. `dev-manager` signs in
 * as an institution-wide manager, `dev-advisor1` … `dev-advisor6` as two advisors per campus.
 * Every advisor holds leads accepted a while ago, one waiting for its accept, and one whose accept
 * is overdue; the rest of the registered leads wait in the pools. Everything goes through the same
 * signal path the API uses, so stages, owners, SLAs and assignment history are real.
 *
 * These codes work only through the local stand-in, where anyone who reaches the server can sign
 * in as the manager: demo staff are never seeded in production.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKBENCH_SETTINGS, type StaffSignal, type TouchpointEvent } from '@scrm/shared';
import type { Database } from '../../db/client.js';
import { insertAdvisors, insertLeads, listContactableLeadIdsOfCampus } from '../../db/queries/seed.js';
import { saveSettingsDocument } from '../../db/queries/staff.js';
import { recordLeadSignals } from '../leads/record-lead-signals.js';
import { DEMO_ADVISOR_NAMES, DEMO_MANAGER_NAMES, demoLeadName } from './demo-catalog.js';

const HOUR_MS = 3_600_000;
/** The stand-in knows this template (server/wechat/stand-in/credentials.ts). */
export const DEMO_NEW_LEAD_TEMPLATE_ID = 'tpl-new-lead';

/** Stand-in login code → openid: `dev-manager` → `o_manager`, `dev-advisor1` → `o_advisor1`. */
export const DEMO_STAFF_OPENIDS = {
  manager: 'o_manager',
  advisors: DEMO_ADVISOR_NAMES.map((_name, i) => `o_advisor${i + 1}`),
} as const;

/** Refuses to seed sign-in-able demo staff outside development and tests (issue 9 §1). */
export function assertDemoStaffAllowed(nodeEnv: string): void {
  if (nodeEnv === 'production') throw new Error('Demo staff are never seeded in production (NODE_ENV=production)');
}

export async function seedDemoStaff(db: Database, options: { campusIds: readonly string[]; nodeEnv: string }) {
  assertDemoStaffAllowed(options.nodeEnv);
  const advisors = await insertAdvisors(
    db,
    DEMO_ADVISOR_NAMES.map((name, i) => ({
      name,
      openid: DEMO_STAFF_OPENIDS.advisors[i],
      role: 'advisor' as const,
      campusIds: [options.campusIds[Math.floor(i / 2)] ?? ''],
      capacity: 40,
    })),
  );
  const managers = await insertAdvisors(db, [
    { name: DEMO_MANAGER_NAMES[0], openid: DEMO_STAFF_OPENIDS.manager, role: 'manager', isAllCampuses: true },
    ...DEMO_MANAGER_NAMES.slice(1).map((name, i) => ({
      name,
      role: 'manager' as const,
      campusIds: [options.campusIds[i + 1] ?? ''],
    })),
  ]);
  return { advisors, managers };
}

const DEMO_TAGS: readonly string[][] = [['暑假班意向'], ['老生推荐'], [], ['暑假班意向', '老生推荐']];

/** Ten registered prospects per campus with a little history each, whatever data set is present. */
async function seedRegisteredLeads(
  db: Database,
  options: { now: Date; campusId: string; courseIds: readonly string[]; contentIds: readonly string[]; offset: number },
) {
  const { now } = options;
  for (let i = 0; i < 10; i++) {
    const n = options.offset + i;
    const [lead] = await insertLeads(db, [
      {
        name: demoLeadName(500 + n),
        phone: `137${String(20_000_000 + n * 104_729).slice(-8)}`,
        consentPolicyVersion: '2026-11',
        consentAgreedAt: new Date(now.getTime() - (n + 2) * HOUR_MS),
        campusId: options.campusId,
        source: n % 3 === 0 ? 'event_qr' : 'mini_program',
        // Tags a front desk would give: what a campaign's audience can select on in the demo.
        tags: DEMO_TAGS[n % DEMO_TAGS.length] ?? [],
        createdAt: new Date(now.getTime() - (n + 3) * 24 * HOUR_MS),
      },
    ]);
    if (!lead) continue;
    const at = (h: number) => new Date(now.getTime() - h * HOUR_MS).toISOString();
    const reads: TouchpointEvent[] = Array.from({ length: 1 + (n % 4) }, (_, k) => ({
      id: randomUUID(),
      type: 'content_view',
      occurredAt: at(40 - k * 5 - (n % 7)),
      contentId: options.contentIds[(n + k) % options.contentIds.length] ?? '',
      props: { durationMs: 120_000 },
    }));
    await db.transaction((tx) =>
      recordLeadSignals(tx, {
        leadId: lead.id,
        signals: [{ id: randomUUID(), type: 'registration', occurredAt: at(48), props: {} }, ...reads],
        profile: {
          role: n % 2 === 0 ? 'parent' : 'student',
          gradeBand: (['primary', 'middle', 'high', 'university', 'working_adult'] as const)[n % 5] ?? 'unknown',
          campusId: options.campusId,
          campusReach: 'local',
          courseInterest: options.courseIds[n % options.courseIds.length],
          budgetBand: 'unknown',
          timeline: (['within_1_month', 'within_3_months', 'within_1_year', 'later'] as const)[n % 4] ?? 'unknown',
          decisionMaker: 'unknown',
          need: 'unknown',
        },
        now,
      }),
    );
  }
}

/** Hands an advisor their demo leads: two accepted two days ago, one waiting, one overdue. */
async function assignDemoLeads(db: Database, advisorId: string, leadIds: readonly string[], now: Date) {
  const at = (h: number) => new Date(now.getTime() - h * HOUR_MS).toISOString();
  const plans: { hoursAgo: number; acceptAfter?: number }[] = [
    { hoursAgo: 50, acceptAfter: 1 },
    { hoursAgo: 49, acceptAfter: 2 },
    { hoursAgo: 1 },
    // Assigned yesterday evening: its four working hours ran out this morning.
    { hoursAgo: 20 },
  ];
  for (const [i, leadId] of leadIds.entries()) {
    const plan = plans[i];
    if (!plan) break;
    const signals: StaffSignal[] = [
      { id: randomUUID(), type: 'lead_assigned', occurredAt: at(plan.hoursAgo), advisorId, assignment: 'routed' },
    ];
    if (plan.acceptAfter !== undefined) {
      const acceptedAt = at(plan.hoursAgo - plan.acceptAfter);
      signals.push({
        id: randomUUID(),
        type: 'lead_accepted',
        occurredAt: acceptedAt,
        advisorId,
        hasBookedTrial: false,
      });
    }
    await db.transaction((tx) => recordLeadSignals(tx, { leadId, signals: [], staffSignals: signals, now }));
  }
}

/**
 * Staff, registered leads and their assignments for the demo institution (after its catalogue and
 * historical leads). Returns how many leads were handed to advisors.
 */
export async function seedDemoWorkbench(
  db: Database,
  options: {
    now: Date;
    nodeEnv: string;
    campusIds: readonly string[];
    courseIds: readonly string[];
    contentIds: readonly string[];
  },
): Promise<{ staff: number; assigned: number; managerId: string | null }> {
  const { now, campusIds } = options;
  assertDemoStaffAllowed(options.nodeEnv);
  // Leads first: with no staff yet, routing leaves them in the pools, as the demo wants them.
  for (const [c, campusId] of campusIds.entries())
    await seedRegisteredLeads(db, { ...options, campusId, offset: c * 10 });
  const { advisors, managers } = await seedDemoStaff(db, { campusIds, nodeEnv: options.nodeEnv });
  const settings = { ...DEFAULT_WORKBENCH_SETTINGS, newLeadTemplateId: DEMO_NEW_LEAD_TEMPLATE_ID };
  await db.transaction((tx) => saveSettingsDocument(tx, settings, null, now));
  let assigned = 0;
  for (const campusId of campusIds) {
    const leadIds = await listContactableLeadIdsOfCampus(db, campusId);
    const campusAdvisors = advisors.filter((a) => a.campusIds.includes(campusId));
    for (const [k, advisor] of campusAdvisors.entries()) {
      const mine = leadIds.slice(k * 4, k * 4 + 4);
      await assignDemoLeads(db, advisor.id, mine, now);
      assigned += mine.length;
    }
  }
  return { staff: advisors.length + managers.length, assigned, managerId: managers[0]?.id ?? null };
}
