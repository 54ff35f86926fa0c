/**
 * Staff identity and the manager's tools (issue 9 §1, §4): who a staff member is (returned by the
 * login), invitations and joining, the workbench's own header (`GET /api/staff/me`), the team
 * page, reassignment, a leaver's transfer, and the installation's settings.
 *
 * A staff member signs in with the same WeChat login as everyone: the login returns the
 * prospect's token (their own lead, `role: prospect`) and, for staff, a second token whose subject
 * is the staff id and whose role is `advisor` or `manager`. The mini-program sends that one to
 * `/api/staff/*` (ADR 011).
 */
import { z } from 'zod';
import { entityIdSchema, eventIdSchema, isoDateTimeSchema, shortTextSchema } from '../fields.js';
import { workbenchSettingsSchema } from '../workbench/settings.js';

/** Staff roles (SPEC §1): course advisors and their managers. */
export const STAFF_ROLES = ['advisor', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { advisor: '课程顾问', manager: '主管' };

/** A staff member as the login and the workbench show them. */
export const staffSummarySchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  /** The campuses they work for; for an institution-wide manager, every campus there is. */
  campusIds: z.array(entityIdSchema),
  /** An institution-wide manager (every campus, including ones opened later). */
  isAllCampuses: z.boolean(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

/** The staff part of the login reply: who they are and the token for `/api/staff/*`. */
export const staffSessionSchema = staffSummarySchema.extend({ token: z.string(), expiresAt: isoDateTimeSchema });
export type StaffSession = z.infer<typeof staffSessionSchema>;

const campusIdsSchema = z.array(entityIdSchema).max(50, { error: '校区太多' });

/** `POST /api/staff/invitations` (manager): invite a new advisor or manager. */
export const createStaffInvitationRequestSchema = z
  .strictObject({
    name: shortTextSchema(30),
    role: z.enum(STAFF_ROLES, { error: '请选择角色' }),
    campusIds: campusIdsSchema.default([]),
    /** Only an institution-wide manager may invite one. */
    isAllCampuses: z.boolean().default(false),
    /** Most open leads the new advisor may own at once. */
    capacity: z.number().int().min(1).max(500).default(50),
  })
  .refine((r) => r.isAllCampuses || r.campusIds.length > 0, { error: '请至少选择一个校区', path: ['campusIds'] })
  .refine((r) => !r.isAllCampuses || r.role === 'manager', {
    error: '只有主管可以负责全部校区',
    path: ['isAllCampuses'],
  });
export type CreateStaffInvitationRequest = z.infer<typeof createStaffInvitationRequestSchema>;

/** The code is shown once: only its hash is stored. Single use; it expires. */
export const createStaffInvitationResponseSchema = z.object({ code: z.string(), expiresAt: isoDateTimeSchema });
export type CreateStaffInvitationResponse = z.infer<typeof createStaffInvitationResponseSchema>;

/** `POST /api/staff/join` (signed in as a prospect): the invitee redeems the code. */
export const joinStaffRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{4}-?[A-Z2-9]{4}-?[A-Z2-9]{4}$/, { error: '邀请码格式不正确' }),
});
export type JoinStaffRequest = z.infer<typeof joinStaffRequestSchema>;

export const joinStaffResponseSchema = z.object({ staff: staffSessionSchema });
export type JoinStaffResponse = z.infer<typeof joinStaffResponseSchema>;

export const campusOptionSchema = z.object({ id: entityIdSchema, name: z.string() });

/** `GET /api/staff/me`: the workbench header: who I am, my limits and my counters today. */
export const getStaffMeResponseSchema = z.object({
  staff: staffSummarySchema.extend({ capacity: z.number().int() }),
  campuses: z.array(campusOptionSchema),
  limits: z.object({
    dailyClaimLimit: z.number().int(),
    maxHeldLeads: z.number().int(),
    slaAcceptWorkingHours: z.number(),
  }),
  counts: z.object({
    /** Leads I own and have accepted, not yet customers. */
    open: z.number().int(),
    /** Leads I hold without having accepted them (assigned or claimed). */
    held: z.number().int(),
    /** Of those, past their accept-by time. */
    overdue: z.number().int(),
    /** Pool leads I claimed today (Asia/Shanghai). */
    claimedToday: z.number().int(),
  }),
});
export type GetStaffMeResponse = z.infer<typeof getStaffMeResponseSchema>;

/** `GET /api/staff/team` (manager): each advisor's load, SLA misses and conversion. */
export const listTeamQuerySchema = z.strictObject({ campusId: entityIdSchema.optional() });
export type ListTeamQuery = z.infer<typeof listTeamQuerySchema>;

export const teamMemberSchema = staffSummarySchema.extend({
  capacity: z.number().int(),
  isActive: z.boolean(),
  /** Owned, not yet customers (what capacity counts). */
  openLeads: z.number().int(),
  /** Held without an accept. */
  heldLeads: z.number().int(),
  overdueLeads: z.number().int(),
  /** Accept deadlines missed in the last 30 days. */
  slaMisses30d: z.number().int(),
  /** Leads accepted in the last 30 days. */
  accepted30d: z.number().int(),
  /** Of the leads this advisor accepted (ever), how many enrolled. */
  customers: z.number().int(),
  /** customers / accepted leads ever, 0 when none accepted. */
  conversionRate: z.number().min(0).max(1),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const listTeamResponseSchema = z.object({ advisors: z.array(teamMemberSchema) });
export type ListTeamResponse = z.infer<typeof listTeamResponseSchema>;

/** `POST /api/staff/leads/reassign` (manager): move one or many leads to an advisor. */
export const reassignLeadsRequestSchema = z.strictObject({
  requestId: eventIdSchema,
  leadIds: z
    .array(entityIdSchema)
    .min(1, { error: '请选择线索' })
    .max(100, { error: '一次最多 100 条' })
    .refine((ids) => new Set(ids).size === ids.length, { error: '线索重复' }),
  advisorId: entityIdSchema,
});
export type ReassignLeadsRequest = z.infer<typeof reassignLeadsRequestSchema>;

export const reassignLeadsResponseSchema = z.object({
  reassigned: z.array(entityIdSchema),
  /** Leads that stayed where they were, each with the Chinese reason. */
  refused: z.array(z.object({ leadId: entityIdSchema, message: z.string() })),
  isReplay: z.boolean(),
});
export type ReassignLeadsResponse = z.infer<typeof reassignLeadsResponseSchema>;

/** `POST /api/staff/advisors/:id/transfer` (manager): hand over a leaver's leads and deactivate them. */
export const transferAdvisorParamsSchema = z.strictObject({ id: entityIdSchema });
export const transferAdvisorRequestSchema = z.strictObject({ requestId: eventIdSchema });
export type TransferAdvisorRequest = z.infer<typeof transferAdvisorRequestSchema>;

export const transferAdvisorResponseSchema = z.object({
  advisorId: entityIdSchema,
  /** Open leads placed with other advisors (round-robin within campus and capacity). */
  reassigned: z.number().int(),
  /** Open leads nobody had room for: in the pool. */
  pooled: z.number().int(),
  /** Customers and dormant leads, released to the campus pool for win-back. */
  released: z.number().int(),
  deactivatedAt: isoDateTimeSchema,
  isReplay: z.boolean(),
});
export type TransferAdvisorResponse = z.infer<typeof transferAdvisorResponseSchema>;

/** `GET /api/staff/settings` and `PUT /api/staff/settings` (institution-wide manager). */
export const workbenchSettingsResponseSchema = z.object({ settings: workbenchSettingsSchema });
export type WorkbenchSettingsResponse = z.infer<typeof workbenchSettingsResponseSchema>;

export const updateWorkbenchSettingsRequestSchema = z.strictObject({ settings: workbenchSettingsSchema });
export type UpdateWorkbenchSettingsRequest = z.infer<typeof updateWorkbenchSettingsRequestSchema>;

/** `GET|POST /api/cron/sla` (Vercel Cron): overdue leads recovered in this run. */
export const runSlaSweepResponseSchema = z.object({
  /** Another run held the lock: this one did nothing. */
  skipped: z.boolean(),
  recovered: z.number().int(),
  reassigned: z.number().int(),
  pooled: z.number().int(),
  notificationsSent: z.number().int(),
});
export type RunSlaSweepResponse = z.infer<typeof runSlaSweepResponseSchema>;
