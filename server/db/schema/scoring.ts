/**
 * Scoring (SPEC §2.3): the explainable ledger of points and the versioned scoring models.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
import { advisors } from './org.js';

export const SCORE_DIMENSIONS = ['fit', 'engagement'] as const;

/** One row per rule that gave (or took) points: the score breakdown advisors see. */
export const scoreLedger = pgTable(
  'score_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    /** What triggered it: a touchpoint id, a profile field (`profile:timeline`), an advisor action. */
    signalId: text('signal_id').notNull(),
    ruleId: text('rule_id').notNull(),
    dimension: text('dimension', { enum: SCORE_DIMENSIONS }).notNull(),
    points: doublePrecision('points').notNull(),
    /** How many signals of one batch this row sums (server/services/leads/summarize-ledger.ts). */
    signalCount: integer('signal_count').notNull().default(1),
    modelVersion: integer('model_version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('score_ledger_lead_at_idx').on(t.leadId, t.at), index('score_ledger_signal_idx').on(t.signalId)],
);

/** Versioned scoring models: the model is data (SPEC §2.3); every version is kept, one is active. */
export const scoringModels = pgTable(
  'scoring_models',
  {
    version: integer('version').primaryKey(),
    name: text('name').notNull(),
    /** The JSON document validated by shared/scoring's model schema. */
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    isActive: boolean('is_active').notNull().default(false),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    /**
     * The version that was active when this one was activated: where a roll back returns to
     * (issue 15 §4). Rolling back keeps the older version's own pointer, so roll backs walk back.
     */
    previousVersion: integer('previous_version'),
    /** A fitted candidate's comparison with the model active when it was fitted (shared/contracts). */
    comparison: jsonb('comparison').$type<Record<string, unknown>>(),
    fittedByStaffId: uuid('fitted_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
    /** When the last rescoring of every lead under this version finished. */
    rescoredAt: timestamp('rescored_at', { withTimezone: true }),
  },
  // At most one active version: a partial unique index on the constant `true`.
  (t) => [uniqueIndex('scoring_models_one_active_uq').on(t.isActive).where(sql`${t.isActive}`)],
);

export const RESCORE_KINDS = ['activate', 'rollback'] as const;

/**
 * One rescoring of every lead after an activation or a roll back (issue 15 §4, ADR 019): the
 * switch is recorded with this row at once, and `/api/cron/scoring` rescores keyset batches after
 * `cursor`, each batch committing its leads together with the advance of `cursor` and `done`, so a
 * killed run resumes where the last committed batch ended. At most one runs at a time.
 */
export const scoringRescores = pgTable(
  'scoring_rescores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Orders the rescorings when two start within one clock tick (the latest one is shown). */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    version: integer('version')
      .notNull()
      .references(() => scoringModels.version),
    kind: text('kind', { enum: RESCORE_KINDS }).notNull(),
    /** Live leads when the switch was made (leads created meanwhile are counted as they are met). */
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    /** The last lead id rescored: the next batch starts after it. */
    cursor: uuid('cursor'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Batches that failed and were rolled back (each is retried by the next run). */
    failedBatches: integer('failed_batches').notNull().default(0),
    lastError: text('last_error'),
    startedByStaffId: uuid('started_by_staff_id').references(() => advisors.id, { onDelete: 'set null' }),
  },
  (t) => [
    // At most one unfinished rescoring: a partial unique index on a constant.
    uniqueIndex('scoring_rescores_one_running_uq').on(sql`(true)`).where(sql`${t.finishedAt} is null`),
  ],
);
