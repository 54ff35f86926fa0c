/** Human summary of a model evaluation (SPEC §2.3: AUC, lift by decile, calibration table). */
import type { ModelEvaluation } from '@scrm/shared';
import { pct } from './cli.js';

export function formatEvaluation(title: string, e: ModelEvaluation): string {
  const lines = [
    `${title}: model ${e.model.id} v${e.model.version}, ${e.rows} leads, ${e.positives} converted (${pct(e.positives / e.rows)})`,
    `  AUC ${e.auc.toFixed(4)}`,
    '  decile  leads  converted  rate    lift  captured  min score',
    ...e.liftByDecile.map(
      (d) =>
        `  ${String(d.decile).padStart(6)}  ${String(d.count).padStart(5)}  ${String(d.positives).padStart(9)}  ${pct(d.rate).padStart(6)}  ${d.lift.toFixed(2).padStart(5)}  ${pct(d.cumulativeCapture).padStart(8)}  ${d.minScore.toFixed(1).padStart(9)}`,
    ),
  ];
  if (e.calibration) {
    lines.push('  calibration: predicted   observed   leads');
    for (const bin of e.calibration) {
      lines.push(
        `  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}      ${pct(bin.meanPredicted).padStart(6)}    ${pct(bin.observedRate).padStart(6)}  ${String(bin.count).padStart(6)}`,
      );
    }
  } else {
    lines.push('  calibration table: n/a (model has no calibration metadata)');
  }
  return lines.join('\n');
}
