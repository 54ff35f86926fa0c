/**
 * Predictive calibration (SPEC §2.3): fits the points of a model's rules from leads with known
 * outcomes with an L2 logistic regression, and returns a new model document of the same shape,
 * version bumped, with its calibration metadata. The scorer consumes it like any model.
 */
import type { EngagementRule, FitRule, ScoringModel } from '../scoring/scoring-model.js';
import { scoringModelSchema } from '../scoring/scoring-model.js';
import { evaluateScoringModel } from './evaluate-model.js';
import type { HistoricalLead } from './historical-lead.js';
import { fitLogisticRegression } from './logistic-regression.js';
import { extractRuleFeatures } from './rule-features.js';

/** 10 points per unit of log-odds: points stay on the 0–100 scale advisors know. */
export const DEFAULT_POINTS_PER_LOGIT = 10;

export type CalibrationInput = {
  leads: readonly HistoricalLead[];
  baseModel: ScoringModel;
  /** Extra rules to fit alongside the base model's (e.g. a mapping's `calibrationRules`). */
  extraRules?: { fit: FitRule[]; engagement: EngagementRule[] };
  dataset: string;
  asOf: Date;
  l2?: number;
  /** The MQL threshold is set where the predicted conversion probability reaches this. */
  mqlProbability?: number;
  pointsPerLogit?: number;
  /** Rules seen on fewer leads than this keep 0 points: too little evidence to weigh them. */
  minSupport?: number;
};

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;

/** Fits and returns the calibrated model (SPEC §2.3 "fit the weights (a logistic model)"). */
export function calibrateScoringModel(input: CalibrationInput): ScoringModel {
  const { leads, baseModel, asOf, l2 = 1, mqlProbability = 0.5, pointsPerLogit = DEFAULT_POINTS_PER_LOGIT } = input;
  const positives = leads.filter((l) => l.isConverted).length;
  if (positives === 0 || positives === leads.length) {
    throw new Error('calibration needs converted and non-converted leads');
  }
  const template: ScoringModel = {
    ...baseModel,
    fit: { rules: [...baseModel.fit.rules, ...(input.extraRules?.fit ?? [])] },
    engagement: { rules: [...baseModel.engagement.rules, ...(input.extraRules?.engagement ?? [])] },
  };
  const { features, rows } = extractRuleFeatures(leads, template, asOf);
  // A rule that fires on a handful of leads would get a huge weight from a few outcomes (one
  // "resubscribed" lead is not evidence); zeroing its column makes it constant, so weight 0.
  const minSupport = input.minSupport ?? 20;
  const support = features.map((_, j) => rows.filter((row) => (row[j] ?? 0) !== 0).length);
  const supported = rows.map((row) => row.map((x, j) => ((support[j] ?? 0) >= minSupport ? x : 0)));
  const fit = fitLogisticRegression(
    supported,
    leads.map((l) => (l.isConverted ? 1 : 0)),
    { l2 },
  );
  const points = new Map(
    features.map((f, i) => [`${f.ruleId}/${f.part}`, round2((fit.weights[i] ?? 0) * pointsPerLogit)]),
  );
  const logitAtMql = Math.log(mqlProbability / (1 - mqlProbability));
  const calibrated: ScoringModel = {
    ...template,
    version: baseModel.version + 1,
    label: `${baseModel.label.slice(0, 60)}（已校准）`,
    fit: { rules: template.fit.rules.map((r) => ({ ...r, points: points.get(`${r.id}/fit`) ?? 0 })) },
    engagement: {
      rules: template.engagement.rules.map((r) => ({
        ...r,
        points: points.get(`${r.id}/signal`) ?? 0,
        ...(r.perUnit ? { perUnit: { ...r.perUnit, points: points.get(`${r.id}/units`) ?? 0 } } : {}),
      })),
    },
    // Fit has no fixed zero after fitting, so the score's MQL rule is the probability threshold
    // alone; the journey stages the playbook asks for are not a weight and are kept.
    mql: {
      minTotal: round2((logitAtMql - fit.intercept) * pointsPerLogit),
      ...(baseModel.mql.journeyStages ? { journeyStages: baseModel.mql.journeyStages } : {}),
    },
    calibration: {
      method: 'l2-logistic-newton',
      baseModel: { id: baseModel.id, version: baseModel.version },
      dataset: input.dataset.slice(0, 200),
      asOf: asOf.toISOString(),
      trainRows: leads.length,
      trainPositives: positives,
      l2,
      intercept: fit.intercept,
      pointsPerLogit,
      trainAuc: 0,
      iterations: fit.iterations,
    },
  };
  const trainAuc = evaluateScoringModel({ leads, model: calibrated, asOf }).auc;
  return scoringModelSchema.parse({ ...calibrated, calibration: { ...calibrated.calibration, trainAuc } });
}
