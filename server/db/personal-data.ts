/**
 * What is stored per person, declared once (SPEC §4 "their data export lists what is stored",
 * issue 8 item 7): for every table that holds rows about a lead, which column names the lead and,
 * for every column, whether the export shows it or why it is not about the person. The export
 * (`GET /api/me/export`) is generated from this list, and `personal-data.test.ts` compares it with
 * the drizzle schema: a table that references `leads`, or a column added to one, that is missing
 * here fails the test, so a new column cannot be forgotten.
 */
import type { ExportSection } from '@scrm/shared';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  analyticsLeadSegments,
  bookings,
  campaignMembers,
  enrolments,
  leadAssignments,
  leadDuplicates,
  leadMerges,
  leadMessages,
  leads,
  messageOutbox,
  scoreLedger,
  staffActions,
  staffAuditLog,
  staffNotifications,
  stageTransitions,
  subscriptions,
  touchpoints,
} from './schema/index.js';

/** `export`: shown to the person; otherwise the reason the column is not about them. */
export type ColumnPolicy = 'export' | { notPersonal: string };

/** How a section's rows belong to the person. */
export type RowsOf =
  /** The person's own lead row. */
  | 'self'
  /** Leads merged into the person's lead, directly or through another merged lead (ADR 010). */
  | 'absorbed'
  /** Rows whose lead column names the person's lead or a lead merged into it. */
  | 'person';

export interface PersonalTable<T extends PgTable = PgTable> {
  table: T;
  rowsOf: RowsOf;
  /** The column (its key in the drizzle table) that names the lead. */
  leadColumn: keyof T['_']['columns'] & string;
  /** The column the section is listed by (oldest first). */
  orderBy: keyof T['_']['columns'] & string;
  /** Every column of the table, by its key in the drizzle table. */
  columns: { [K in keyof T['_']['columns']]: ColumnPolicy };
}

const declare = <T extends PgTable>(entry: PersonalTable<T>): PersonalTable => entry as unknown as PersonalTable;

/** Queue mechanics of the message outbox: when a sender may retry, not anything about the person. */
const QUEUE_MECHANICS = { notPersonal: 'work-queue bookkeeping of the sender (lease, retry count)' } as const;

const LEAD_COLUMNS: PersonalTable<typeof leads>['columns'] = {
  id: 'export',
  openid: 'export',
  unionid: 'export',
  name: 'export',
  phone: 'export',
  phoneVerifiedAt: 'export',
  role: 'export',
  gradeBand: 'export',
  city: 'export',
  campusReach: 'export',
  courseInterest: 'export',
  budgetBand: 'export',
  timeline: 'export',
  decisionMaker: 'export',
  need: 'export',
  consentPolicyVersion: 'export',
  consentAgreedAt: 'export',
  lifecycleStage: 'export',
  lifecycleStageAt: 'export',
  journeyStage: 'export',
  journeyStageAt: 'export',
  lifecycleArrivals: 'export',
  journeyState: 'export',
  scoreState: 'export',
  scoreTotal: 'export',
  scoreFit: 'export',
  scoreEngagement: 'export',
  scoringModelVersion: 'export',
  scoredAt: 'export',
  ownerAdvisorId: 'export',
  ownerAssignedAt: 'export',
  ownerAcceptedAt: 'export',
  slaDueAt: 'export',
  campusId: 'export',
  referrerLeadId: 'export',
  source: 'export',
  sourceCampaignId: 'export',
  sourceChannelId: 'export',
  lastActivityAt: 'export',
  tags: 'export',
  erasedAt: 'export',
  mergedIntoLeadId: 'export',
  nurtureHoldSince: 'export',
  nextFollowUpAt: 'export',
  rankActivityAt: 'export',
  createdAt: 'export',
  updatedAt: 'export',
};

/** The declaration, one entry per export section (shared/contracts/leads.ts `EXPORT_SECTIONS`). */
export const PERSONAL_DATA: Record<ExportSection, PersonalTable> = {
  // The segment the lead's history was last counted under in the funnel analytics (ADR 016).
  analyticsSegments: declare({
    table: analyticsLeadSegments,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'leadId',
    columns: { leadId: 'export', source: 'export', campaignId: 'export', campusId: 'export', courseId: 'export' },
  }),
  lead: declare({ table: leads, rowsOf: 'self', leadColumn: 'id', orderBy: 'createdAt', columns: LEAD_COLUMNS }),
  mergedLeads: declare({
    table: leads,
    rowsOf: 'absorbed',
    leadColumn: 'id',
    orderBy: 'createdAt',
    columns: LEAD_COLUMNS,
  }),
  touchpoints: declare({
    table: touchpoints,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'occurredAt',
    columns: {
      id: 'export',
      leadId: 'export',
      type: 'export',
      occurredAt: 'export',
      receivedAt: 'export',
      channel: 'export',
      campaignId: 'export',
      channelId: 'export',
      contentId: 'export',
      referrer: 'export',
      props: 'export',
    },
  }),
  stageTransitions: declare({
    table: stageTransitions,
    rowsOf: 'person',
    leadColumn: 'leadId',
    // The moves of one signal share its time; the recording order keeps them as the machine made them.
    orderBy: 'seq',
    columns: {
      id: 'export',
      leadId: 'export',
      model: 'export',
      fromStage: 'export',
      toStage: 'export',
      ordinal: 'export',
      cause: 'export',
      at: 'export',
      seq: 'export',
      recordedAt: 'export',
    },
  }),
  scoreLedger: declare({
    table: scoreLedger,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'at',
    columns: {
      id: 'export',
      leadId: 'export',
      signalId: 'export',
      ruleId: 'export',
      dimension: 'export',
      points: 'export',
      signalCount: 'export',
      modelVersion: 'export',
      at: 'export',
    },
  }),
  bookings: declare({
    table: bookings,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'createdAt',
    columns: {
      id: 'export',
      sessionId: 'export',
      leadId: 'export',
      status: 'export',
      createdAt: 'export',
      cancelledAt: 'export',
      attendedAt: 'export',
    },
  }),
  subscriptions: declare({
    table: subscriptions,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'templateId',
    columns: {
      leadId: 'export',
      templateId: 'export',
      grantedCount: 'export',
      spentCount: 'export',
      lastGrantedAt: 'export',
      lastSpentAt: 'export',
      lastRejectedAt: 'export',
      updatedAt: 'export',
    },
  }),
  messages: declare({
    table: messageOutbox,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'createdAt',
    columns: {
      id: 'export',
      campaignId: 'export',
      stepId: 'export',
      leadId: 'export',
      templateId: 'export',
      variant: 'export',
      payload: 'export',
      status: 'export',
      attempts: QUEUE_MECHANICS,
      dueAt: 'export',
      channel: 'export',
      reason: 'export',
      scheduledAt: 'export',
      lockedUntil: QUEUE_MECHANICS,
      sentAt: 'export',
      errcode: 'export',
      lastError: 'export',
      createdAt: 'export',
      updatedAt: 'export',
    },
  }),
  campaignMemberships: declare({
    table: campaignMembers,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'enteredAt',
    columns: {
      campaignId: 'export',
      leadId: 'export',
      enteredAt: 'export',
      exitedAt: 'export',
      exitReason: 'export',
      variant: 'export',
    },
  }),
  inAppMessages: declare({
    table: leadMessages,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'createdAt',
    columns: {
      id: 'export',
      leadId: 'export',
      outboxId: 'export',
      campaignId: 'export',
      stepId: 'export',
      title: 'export',
      body: 'export',
      page: 'export',
      createdAt: 'export',
      readAt: 'export',
    },
  }),
  leadMerges: declare({
    table: leadMerges,
    rowsOf: 'person',
    leadColumn: 'survivorLeadId',
    orderBy: 'mergedAt',
    columns: {
      id: 'export',
      survivorLeadId: 'export',
      absorbedLeadId: 'export',
      cause: 'export',
      reason: 'export',
      moved: 'export',
      mergedAt: 'export',
      reversedAt: 'export',
      reversedByAdvisorId: 'export',
    },
  }),
  duplicateFlags: declare({
    table: leadDuplicates,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'detectedAt',
    columns: {
      id: 'export',
      leadId: 'export',
      duplicateOfLeadId: 'export',
      reason: 'export',
      detectedAt: 'export',
      resolvedAt: 'export',
    },
  }),
  assignments: declare({
    table: leadAssignments,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'assignedAt',
    columns: {
      id: 'export',
      leadId: 'export',
      advisorId: 'export',
      kind: 'export',
      reason: 'export',
      assignedAt: 'export',
      slaDueAt: 'export',
      acceptedAt: 'export',
      endedAt: 'export',
      endReason: 'export',
    },
  }),
  staffActions: declare({
    table: staffActions,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'at',
    columns: { id: 'export', staffId: 'export', leadId: 'export', kind: 'export', payload: 'export', at: 'export' },
  }),
  enrolments: declare({
    table: enrolments,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'createdAt',
    columns: {
      id: 'export',
      leadId: 'export',
      courseId: 'export',
      amountFen: 'export',
      enrolledOn: 'export',
      recordedByStaffId: 'export',
      createdAt: 'export',
    },
  }),
  phoneReveals: declare({
    table: staffAuditLog,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'at',
    columns: { id: 'export', staffId: 'export', action: 'export', leadId: 'export', detail: 'export', at: 'export' },
  }),
  staffNotifications: declare({
    table: staffNotifications,
    rowsOf: 'person',
    leadColumn: 'leadId',
    orderBy: 'createdAt',
    columns: {
      id: 'export',
      staffId: 'export',
      leadId: 'export',
      status: 'export',
      templateId: 'export',
      errcode: 'export',
      createdAt: 'export',
      sentAt: 'export',
    },
  }),
};
