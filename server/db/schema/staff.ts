/**
 * The advisor workbench (issue 9): invitations that make an openid staff, the installation's
 * settings, who held each lead when (assignments, with the accept SLA), staff actions (the
 * idempotency key of every action and the lead's work history), enrolments with their value, the
 * audit log of phone reveals and exports, notifications to advisors, and CSV imports.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { leads } from './leads.js';
import { ADVISOR_ROLES, advisors, courses } from './org.js';

/**
 * A manager's invitation (issue 9 §1): single use, expires. Only the SHA-256 of the code is
 * stored: the code is random (not a password), so a fast hash is enough and a leaked table
 * reveals no usable code.
 */
export const staffInvitations = pgTable('staff_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  codeHash: text('code_hash').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ADVISOR_ROLES }).notNull(),
  campusIds: uuid('campus_ids').array().notNull().default(sql`'{}'::uuid[]`),
  isAllCampuses: boolean('is_all_campuses').notNull().default(false),
  capacity: integer('capacity').notNull().default(50),
  /** Null when created by the staff CLI (the first manager of an installation). */
  createdByStaffId: uuid('created_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedByStaffId: uuid('used_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
});

/** The installation's workbench settings (one row, `id = 'default'`), validated by shared/contracts. */
export const institutionSettings = pgTable('institution_settings', {
  id: text('id').primaryKey(),
  document: jsonb('document').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByStaffId: uuid('updated_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
});

export const ASSIGNMENT_KINDS = ['routed', 'claimed', 'reassigned'] as const;
export const ASSIGNMENT_END_REASONS = ['released', 'returned', 'sla_missed', 'reassigned'] as const;

/**
 * One row per period an advisor held a lead (SPEC §2.4): how it came to them, when the accept was
 * due, when they accepted, how it ended. At most one open row per lead: a database fact, so two
 * concurrent assignments of one lead can never both stand. SLA misses and load per advisor (the
 * team page) are counted from here.
 */
export const leadAssignments = pgTable(
  'lead_assignments',
  {
    /** The id of the `lead_assigned` domain signal that opened it. */
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    advisorId: uuid('advisor_id')
      .notNull()
      .references(() => advisors.id),
    kind: text('kind', { enum: ASSIGNMENT_KINDS }).notNull(),
    /** The routing reason (shared/routing `RoutingReason`) or who acted, for the lead's history. */
    reason: text('reason').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: ASSIGNMENT_END_REASONS }),
  },
  (t) => [
    uniqueIndex('lead_assignments_one_open_uq').on(t.leadId).where(sql`${t.endedAt} is null`),
    index('lead_assignments_lead_idx').on(t.leadId, t.assignedAt),
    index('lead_assignments_advisor_idx').on(t.advisorId, t.assignedAt),
  ],
);

export const STAFF_ACTION_KINDS = [
  'accept',
  'return',
  'claim',
  'release',
  'follow_up',
  'qualification',
  'attendance',
  'enrolment',
  'reassign',
  'transfer',
  'invite',
  'import',
] as const;
export type StaffActionKind = (typeof STAFF_ACTION_KINDS)[number];

/**
 * Every staff action, keyed by the client's request id (issue 9 §4 "idempotent on retry"): a
 * retried request finds its row and answers again without writing. Also the lead's work history
 * (returns with their reason are read by routing to keep the lead away from who returned it).
 */
export const staffActions = pgTable(
  'staff_actions',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => advisors.id),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: STAFF_ACTION_KINDS }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('staff_actions_lead_kind_idx').on(t.leadId, t.kind),
    index('staff_actions_staff_idx').on(t.staffId, t.at),
  ],
);

/** Enrolments (SPEC §2.6 "value"): the amount analytics sums, in fen so sums never drift. */
export const enrolments = pgTable(
  'enrolments',
  {
    /** The request id; also the id of the lead's `enrolled` touchpoint. */
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    amountFen: integer('amount_fen').notNull(),
    /** The calendar day (Asia/Shanghai) the enrolment was signed. */
    enrolledOn: date('enrolled_on').notNull(),
    recordedByStaffId: uuid('recorded_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('enrolments_amount_ck', sql`${t.amountFen} > 0`),
    index('enrolments_lead_idx').on(t.leadId),
    index('enrolments_on_idx').on(t.enrolledOn),
  ],
);

export const AUDIT_ACTIONS = ['phone_reveal', 'export_full_phones', 'export_masked'] as const;

/** Who saw what (SPEC §4 "phone numbers are masked in lists"): every full-number reveal and export. */
export const staffAuditLog = pgTable(
  'staff_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => advisors.id),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    leadId: uuid('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_audit_log_lead_idx').on(t.leadId, t.at), index('staff_audit_log_staff_idx').on(t.staffId, t.at)],
);

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;

/**
 * "You have a new lead" to an advisor (issue 9 §2), written in the assignment's transaction and
 * delivered after it commits: a subscribe message when the advisor holds a grant for the
 * template, else `skipped` (the lead shows on their list either way).
 */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    id: uuid('id').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => advisors.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    templateId: text('template_id'),
    errcode: integer('errcode'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('staff_notifications_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`)],
);

/** A CSV import of an offline list (issue 9 §5): what it created; dry runs are not stored. */
export const leadImports = pgTable('lead_imports', {
  /** The request id: a retried import answers with this row. */
  id: uuid('id').primaryKey(),
  staffId: uuid('staff_id').references(() => advisors.id, { onDelete: 'set null' }),
  listName: text('list_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  encoding: text('encoding').notNull(),
  rowCount: integer('row_count').notNull(),
  createdCount: integer('created_count').notNull(),
  duplicateCount: integer('duplicate_count').notNull(),
  errorCount: integer('error_count').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});
