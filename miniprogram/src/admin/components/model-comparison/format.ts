import type { ModelComparison } from '@scrm/shared';

/** `0.8902` → `0.890`; AUC reads in three decimals, enough to tell two models apart. */
export const formatAuc = (auc: number) => auc.toFixed(3);

/** `0.355` → `35.5%`. */
export const formatRate = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Points with their sign: `+12.5`, `-3`, `0`. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return rounded > 0 ? `+${rounded}` : String(rounded + 0);
}

/** The AUC difference in words, so a manager need not read decimals to decide. */
export function describeAucChange(comparison: Pick<ModelComparison, 'active' | 'candidate'>): string {
  const delta = comparison.candidate.auc - comparison.active.auc;
  if (Math.abs(delta) < 0.005) return '候选模型与当前模型排序能力相当';
  return delta > 0
    ? `候选模型的 AUC 高出 ${delta.toFixed(3)}，更能把会报名的线索排在前面`
    : `候选模型的 AUC 低了 ${(-delta).toFixed(3)}，不建议启用`;
}

/** Deciles of both models side by side, best tenth first. */
export function pairDeciles(comparison: Pick<ModelComparison, 'active' | 'candidate'>) {
  return comparison.candidate.liftByDecile.map((c, i) => {
    const a = comparison.active.liftByDecile[i];
    return { decile: c.decile, activeLift: a?.lift ?? 0, candidateLift: c.lift, candidateCapture: c.cumulativeCapture };
  });
}
