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
