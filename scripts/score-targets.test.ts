/**
 * The issue's targets on the real X Education data (SPEC §2.3, issue 15 §4): the default model
 * ranks converters with AUC ≥ 0.80 over all rows; a model calibrated on a seeded random 70%
 * reaches AUC ≥ 0.885 on the other 30%, and so does the managers' fitting (stratified 70/30) on
 * its holdout. Several seeds, so that the figure is not one lucky split. The aim of 0.90 is met
 * on two of the three seeds only: see the README's "Scoring quality" for the ceiling.
 *
 * The data set lives outside the repository (../shared/data). Where it is absent (a fresh clone
 * elsewhere) these tests are skipped with the reason in their names; CI sets
 * `REQUIRE_SHARED_DATA=1` (.ci/run), which turns its absence into a failure (issue 8 item 12).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  calibrateScoringModel,
  DEFAULT_SCORING_MODEL,
  evaluateScoringModel,
  fitCandidateModel,
  type HistoricalLead,
  splitTrainTest,
  X_EDUCATION_MAPPING,
} from '@scrm/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLeadsCsv } from './lib/leads-csv.js';

/** The data sits beside the repository: ../shared/data relative to the repo root. */
const CSV = fileURLToPath(new URL('../../shared/data/x-education-leads.csv', import.meta.url));
const AS_OF = new Date(X_EDUCATION_MAPPING.defaultAsOf);
const hasData = existsSync(CSV);
const isDataRequired = process.env.REQUIRE_SHARED_DATA === '1';
const absent = hasData ? '' : ' [skipped: ../shared/data/x-education-leads.csv is not beside the repository]';
let leads: HistoricalLead[] = [];
/** A fit over 9,240 leads takes a few seconds alone; ten times that on a busy 2-core machine. */
const FIT_TIMEOUT_MS = 120_000;
if (!hasData)
  process.stdout.write(`score-targets:${absent}${isDataRequired ? ' (REQUIRE_SHARED_DATA=1: failing)' : ''}\n`);

beforeAll(() => {
  if (hasData) leads = readLeadsCsv(CSV, X_EDUCATION_MAPPING, AS_OF);
});

describe('scoring on X Education (SPEC §2.3)', () => {
  it('has the data set when CI requires it (REQUIRE_SHARED_DATA=1)', () => {
    expect({ hasData, isDataRequired }).not.toEqual({ hasData: false, isDataRequired: true });
  });

  it.skipIf(!hasData)(`reads all 9,240 leads, 3,561 converted${absent}`, () => {
    expect(leads).toHaveLength(9240);
    expect(leads.filter((l) => l.isConverted)).toHaveLength(3561);
  });

  it.skipIf(!hasData)(`the default model, uncalibrated, reaches AUC ≥ 0.80 over all rows${absent}`, () => {
    const { auc } = evaluateScoringModel({ leads, model: DEFAULT_SCORING_MODEL, asOf: AS_OF });
    expect(auc).toBeGreaterThanOrEqual(0.8);
  });

  it.skipIf(!hasData).each([2026, 1, 42])(
    `seed %i: calibrated on a random 70 per cent, AUC ≥ 0.885 on the other 30 per cent${absent}`,
    (seed) => {
      const { train, test } = splitTrainTest(leads, 0.7, seed);
      const model = calibrateScoringModel({
        leads: train,
        baseModel: DEFAULT_SCORING_MODEL,
        extraRules: X_EDUCATION_MAPPING.calibrationRules,
        dataset: X_EDUCATION_MAPPING.id,
        asOf: AS_OF,
      });
      expect(model.version).toBe(DEFAULT_SCORING_MODEL.version + 1);
      expect(evaluateScoringModel({ leads: test, model, asOf: AS_OF }).auc).toBeGreaterThanOrEqual(0.885);
    },
    FIT_TIMEOUT_MS,
  );

  // As `score:calibrate --holdout` runs it (scripts/lib/holdout-fit.ts).
  it.skipIf(!hasData).each([2026, 1, 42])(
    `seed %i: the managers' fitting (stratified 70/30), holdout AUC ≥ 0.885${absent}`,
    (seed) => {
      const { comparison } = fitCandidateModel({
        leads,
        active: DEFAULT_SCORING_MODEL,
        version: DEFAULT_SCORING_MODEL.version + 1,
        seed,
        asOf: AS_OF,
        extraRules: X_EDUCATION_MAPPING.calibrationRules,
        dataset: X_EDUCATION_MAPPING.id,
        minSupport: 20,
      });
      expect(comparison.candidate.auc).toBeGreaterThanOrEqual(0.885);
    },
    FIT_TIMEOUT_MS,
  );
});
