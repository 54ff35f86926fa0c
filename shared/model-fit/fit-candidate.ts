/**
 * Fits a candidate scoring model from the institution's own leads with outcomes and compares it
 * with the active model on held-out leads (issue 15 §4). The fit is the calibration's regularised
 * logistic regression over the active model's explainable rules, so every weight of the candidate
 * is still a rule an advisor can read, in points.
 */
import { calibrateScoringModel } from '../calibration/calibrate-model.js';
import { findConversionProbability } from '../calibration/evaluate-model.js';
import type { HistoricalLead } from '../calibration/historical-lead.js';
import { fitLogisticRegression, sigmoid } from '../calibration/logistic-regression.js';
import { computeAuc, computeCalibrationTable, computeLiftByDecile } from '../calibration/metrics.js';
import type { ModelComparison, ModelMeasures } from '../contracts/scoring-models.js';
import { scoreLeadFromSignals } from '../scoring/score-lead.js';
import { type EngagementRule, type FitRule, type ScoringModel, scoringModelSchema } from '../scoring/scoring-model.js';
import { splitStratified } from './stratified-split.js';
import { listWeightChanges } from './weight-changes.js';

/** Fewer outcomes of either kind than this, and the holdout cannot tell two models apart. */
export const MIN_OUTCOMES_PER_CLASS = 20;
/** Rules fired on fewer training leads keep 0 points (as in calibration). */
const MIN_SUPPORT = 10;
/**
 * The instant institution leads are scored at: before all of them, so each lead is read at its own
 * last signal before its outcome (decay runs from there), not at one date that suits no one.
 */
export const AT_EACH_LEADS_LAST_SIGNAL = new Date(0);

/** The fit cannot start: too few outcomes of one kind. `positives`/`negatives` say how many there are. */
export class InsufficientOutcomesError extends Error {
  constructor(
    readonly positives: number,
    readonly negatives: number,
  ) {
    super(
      `fitting needs ${MIN_OUTCOMES_PER_CLASS} enrolled and ${MIN_OUTCOMES_PER_CLASS} lost leads, got ${positives} and ${negatives}`,
    );
  }
}

function totalsOf(leads: readonly HistoricalLead[], model: ScoringModel, asOf: Date): number[] {
  return leads.map(
    (lead) => scoreLeadFromSignals({ profile: lead.profile, signals: lead.signals, model, now: asOf }).total,
  );
}

/**
 * The probabilities a model gives the held-out leads: its own calibration when it has one,
 * otherwise a one-variable logistic fit of its totals on the training leads (Platt scaling), so
 * that an uncalibrated playbook model gets a calibration table too.
 */
function toProbabilities(model: ScoringModel, trainTotals: number[], trainLabels: boolean[], testTotals: number[]) {
  if (model.calibration) return testTotals.map((t) => findConversionProbability(model, t) ?? 0);
  const platt = fitLogisticRegression(
    trainTotals.map((t) => [t]),
    trainLabels.map((y) => (y ? 1 : 0)),
    { l2: 0 },
  );
  return testTotals.map((t) => sigmoid(platt.intercept + (platt.weights[0] ?? 0) * t));
}

/** AUC, lift by decile and calibration of `model` on the held-out leads. */
export function measureModel(input: {
  model: ScoringModel;
  train: readonly HistoricalLead[];
  test: readonly HistoricalLead[];
  asOf: Date;
}): ModelMeasures {
  const { model, train, test, asOf } = input;
  const trainTotals = totalsOf(train, model, asOf);
  const testTotals = totalsOf(test, model, asOf);
  const labels = test.map((l) => l.isConverted);
  const probabilities = toProbabilities(
    model,
    trainTotals,
    train.map((l) => l.isConverted),
    testTotals,
  );
  return {
    version: model.version,
    auc: computeAuc(testTotals, labels),
    liftByDecile: computeLiftByDecile(testTotals, labels).map((d) => ({
      ...d,
      minScore: Number.isNaN(d.minScore) ? null : d.minScore,
    })),
    calibration: computeCalibrationTable(probabilities, labels),
  };
}

/**
 * Fits the candidate on a stratified 70% of `leads`, measures it and the active model on the
 * other 30%, and lists the weights that changed with their reasons.
 *
 * @example
 * const { candidate, comparison } = fitCandidateModel({ leads, active, version: 4, seed: 2026 });
 */
export function fitCandidateModel(input: {
  leads: readonly HistoricalLead[];
  active: ScoringModel;
  /** The version number the candidate gets (the next free one). */
  version: number;
  seed: number;
  l2?: number;
  asOf?: Date;
  /** Rules to fit beside the active model's (a data set's own channels, e.g. X Education's). */
  extraRules?: { fit: FitRule[]; engagement: EngagementRule[] };
  dataset?: string;
  minSupport?: number;
}): { candidate: ScoringModel; comparison: ModelComparison } {
  const { leads, active, version, seed, l2 = 1, asOf = AT_EACH_LEADS_LAST_SIGNAL, minSupport = MIN_SUPPORT } = input;
  const positives = leads.filter((l) => l.isConverted).length;
  const negatives = leads.length - positives;
  if (positives < MIN_OUTCOMES_PER_CLASS || negatives < MIN_OUTCOMES_PER_CLASS) {
    throw new InsufficientOutcomesError(positives, negatives);
  }
  const { train, test } = splitStratified(leads, 0.7, seed);
  const fitted = calibrateScoringModel({
    leads: train,
    baseModel: active,
    ...(input.extraRules ? { extraRules: input.extraRules } : {}),
    dataset: input.dataset ?? 'institution',
    asOf,
    l2,
    minSupport,
  });
  const candidate = scoringModelSchema.parse({
    ...fitted,
    version,
    label: `机构数据拟合 v${version}`,
  });
  const activeMeasures = measureModel({ model: active, train, test, asOf });
  const candidateMeasures = measureModel({ model: candidate, train, test, asOf });
  const count = (ls: readonly HistoricalLead[]) => ({
    rows: ls.length,
    positives: ls.filter((l) => l.isConverted).length,
  });
  return {
    candidate: scoringModelSchema.parse({
      ...candidate,
      calibration: candidate.calibration && { ...candidate.calibration, testAuc: candidateMeasures.auc },
    }),
    comparison: {
      outcomes: count(leads),
      train: count(train),
      holdout: { ...count(test), seed },
      active: activeMeasures,
      candidate: candidateMeasures,
      weightChanges: listWeightChanges({ active, candidate, train, asOf, minSupport }),
    },
  };
}
