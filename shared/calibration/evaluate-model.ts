/**
 * Evaluates a scoring model on leads with known outcomes (SPEC §2.3 "report how well the score
 * ranks converting leads (AUC, lift by decile)").
 */
import { scoreLeadFromSignals } from '../scoring/score-lead.js';
import type { ScoringModel } from '../scoring/scoring-model.js';
import type { HistoricalLead } from './historical-lead.js';
import { sigmoid } from './logistic-regression.js';
import {
  type CalibrationBin,
  computeAuc,
  computeCalibrationTable,
  computeLiftByDecile,
  type DecileLift,
} from './metrics.js';

/** The result of an evaluation; `calibration` is null for a model without calibration metadata. */
export type ModelEvaluation = {
  model: { id: string; version: number };
  rows: number;
  positives: number;
  auc: number;
  liftByDecile: DecileLift[];
  calibration: CalibrationBin[] | null;
};

/** The probability of conversion a calibrated model assigns to a total, or null when uncalibrated. */
export function findConversionProbability(model: ScoringModel, total: number): number | null {
  const c = model.calibration;
  return c ? sigmoid(c.intercept + total / c.pointsPerLogit) : null;
}

/** Scores every lead at `asOf` and measures the ranking (SPEC §2.3). */
export function evaluateScoringModel(input: {
  leads: readonly HistoricalLead[];
  model: ScoringModel;
  asOf: Date;
}): ModelEvaluation {
  const { leads, model, asOf } = input;
  const totals = leads.map(
    (lead) => scoreLeadFromSignals({ profile: lead.profile, signals: lead.signals, model, now: asOf }).total,
  );
  const labels = leads.map((lead) => lead.isConverted);
  const probabilities = totals.map((t) => findConversionProbability(model, t));
  return {
    model: { id: model.id, version: model.version },
    rows: leads.length,
    positives: labels.filter(Boolean).length,
    auc: computeAuc(totals, labels),
    liftByDecile: computeLiftByDecile(totals, labels),
    calibration: model.calibration
      ? computeCalibrationTable(
          probabilities.map((p) => p ?? 0),
          labels,
        )
      : null,
  };
}
