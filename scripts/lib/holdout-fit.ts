/**
 * `score:calibrate --holdout`: the fitting managers use (shared/model-fit `fitCandidateModel`) on
 * one CSV, split stratified 70/30 by a seed, with the base and the fitted model measured on the
 * same held-out 30% (issue 15 §4).
 */
import {
  fitCandidateModel,
  type HistoricalLead,
  type ModelComparison,
  type ScoringModel,
  X_EDUCATION_MAPPING,
} from '@scrm/shared';
import { pct } from './cli.js';

export function fitWithHoldout(input: {
  leads: readonly HistoricalLead[];
  baseModel: ScoringModel;
  asOf: Date;
  seed: number;
  l2: number;
  progress: (message: string) => void;
}): { model: ScoringModel; comparison: ModelComparison } {
  const { leads, baseModel, asOf, seed, l2, progress } = input;
  progress(`fitting on a stratified 70% of ${leads.length} leads (seed ${seed}, L2 ${l2})`);
  const { candidate, comparison } = fitCandidateModel({
    leads,
    active: baseModel,
    version: baseModel.version + 1,
    seed,
    l2,
    asOf,
    extraRules: X_EDUCATION_MAPPING.calibrationRules,
    dataset: X_EDUCATION_MAPPING.id,
    minSupport: 20,
  });
  const { holdout } = comparison;
  progress(
    `holdout AUC ${comparison.candidate.auc.toFixed(4)} (base ${comparison.active.auc.toFixed(4)}) on ${holdout.rows} leads, ${holdout.positives} converted, seed ${seed}`,
  );
  return { model: candidate, comparison };
}

/** The comparison as text: both AUCs, both lift tables side by side, the largest weight changes. */
export function formatComparison(c: ModelComparison): string {
  const lines = [
    `Holdout (stratified, seed ${c.holdout.seed}): ${c.holdout.rows} leads, ${c.holdout.positives} converted (${pct(c.holdout.positives / c.holdout.rows)})`,
    `  AUC  base v${c.active.version} ${c.active.auc.toFixed(4)}   fitted v${c.candidate.version} ${c.candidate.auc.toFixed(4)}`,
    '  decile  base lift  fitted lift  fitted captured',
    ...c.candidate.liftByDecile.map(
      (d, i) =>
        `  ${String(d.decile).padStart(6)}  ${(c.active.liftByDecile[i]?.lift ?? 0).toFixed(2).padStart(9)}  ${d.lift.toFixed(2).padStart(11)}  ${pct(d.cumulativeCapture).padStart(15)}`,
    ),
    '  calibration (fitted): predicted   observed   leads',
    ...c.candidate.calibration.map(
      (b) =>
        `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}      ${pct(b.meanPredicted).padStart(6)}    ${pct(b.observedRate).padStart(6)}  ${String(b.count).padStart(6)}`,
    ),
    '  largest weight changes:',
    ...c.weightChanges
      .slice(0, 10)
      .map(
        (w) =>
          `    ${w.before.toFixed(2).padStart(7)} → ${w.after.toFixed(2).padStart(7)}  ${w.ruleId}${w.part === 'perUnit' ? ' (per unit)' : ''}: ${w.reason}`,
      ),
  ];
  return lines.join('\n');
}
