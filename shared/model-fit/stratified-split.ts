/**
 * A seeded split that keeps the enrolment rate of both parts (issue 15 §4): an institution has a
 * few hundred outcomes, and a purely random 30% could hold too few enrolments to measure a model.
 */
import type { HistoricalLead } from '../calibration/historical-lead.js';
import { splitTrainTest } from '../calibration/seeded-random.js';

export function splitStratified(
  leads: readonly HistoricalLead[],
  trainRatio: number,
  seed: number,
): { train: HistoricalLead[]; test: HistoricalLead[] } {
  const positives = splitTrainTest(
    leads.filter((l) => l.isConverted),
    trainRatio,
    seed,
  );
  const negatives = splitTrainTest(
    leads.filter((l) => !l.isConverted),
    trainRatio,
    seed + 1,
  );
  return { train: [...positives.train, ...negatives.train], test: [...positives.test, ...negatives.test] };
}
