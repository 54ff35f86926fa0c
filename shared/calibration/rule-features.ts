/**
 * The calibration features of a lead: one per fit rule (0/1) and one or two per engagement rule
 * (the decayed count of its counted signals, and the decayed capped units when it has `perUnit`;
 * for a threshold rule its one counted signal, the one that passed the total, decayed, or 0).
 * A model's total is then exactly Σ points·feature, so logistic weights become points (SPEC §2.3).
 */
import { measureEngagementUnits } from '../scoring/engagement-rule.js';
import { isFitRuleMatch } from '../scoring/score-lead.js';
import { buildScoreState, listCountedSignals } from '../scoring/score-state.js';
import type { ScoringModel } from '../scoring/scoring-model.js';
import type { HistoricalLead } from './historical-lead.js';

const DAY_MS = 86_400_000;

/** Which rule and which part of it a feature column stands for. */
export type RuleFeature = { ruleId: string; part: 'fit' | 'signal' | 'units' };

/** The feature columns of a model, in a fixed order. */
export function listRuleFeatures(model: ScoringModel): RuleFeature[] {
  return [
    ...model.fit.rules.map((r): RuleFeature => ({ ruleId: r.id, part: 'fit' })),
    ...model.engagement.rules.flatMap((r): RuleFeature[] =>
      r.perUnit
        ? [
            { ruleId: r.id, part: 'signal' },
            { ruleId: r.id, part: 'units' },
          ]
        : [{ ruleId: r.id, part: 'signal' }],
    ),
  ];
}

/**
 * A model whose every engagement rule counts (1 point plus 1 per unit), so that rules the template
 * leaves at 0 still yield features. Caps then keep the signals with the most units.
 */
function toProbeModel(model: ScoringModel): ScoringModel {
  return {
    ...model,
    engagement: {
      rules: model.engagement.rules.map((r) => ({
        ...r,
        points: 1,
        ...(r.perUnit ? { perUnit: { ...r.perUnit, points: 1 } } : {}),
      })),
    },
  };
}

/** Computes the feature rows of `leads` under `model` at `asOf` (SPEC §2.3). */
export function extractRuleFeatures(
  leads: readonly HistoricalLead[],
  model: ScoringModel,
  asOf: Date,
): { features: RuleFeature[]; rows: number[][] } {
  const features = listRuleFeatures(model);
  const probe = toProbeModel(model);
  const column = new Map(features.map((f, i) => [`${f.ruleId}/${f.part}`, i]));
  const rules = new Map(model.engagement.rules.map((r) => [r.id, r]));
  const halfLife = model.decay.halfLifeDays * DAY_MS;
  const rows = leads.map((lead) => {
    const row = new Array<number>(features.length).fill(0);
    model.fit.rules.forEach((rule, i) => {
      row[i] = isFitRuleMatch(rule, lead.profile) ? 1 : 0;
    });
    const state = buildScoreState(lead.signals, probe);
    const nowMs = Math.max(asOf.getTime(), state.newestMs ?? Number.NEGATIVE_INFINITY);
    const byId = new Map(lead.signals.map((s) => [s.id, s]));
    for (const [ruleId, counted] of listCountedSignals(state, probe)) {
      const rule = rules.get(ruleId);
      if (!rule) continue;
      for (const c of counted) {
        const weight = 2 ** ((c.atMs - nowMs) / halfLife);
        const signalColumn = column.get(`${ruleId}/signal`) ?? -1;
        row[signalColumn] = (row[signalColumn] ?? 0) + weight;
        const signal = byId.get(c.id);
        const unitsColumn = column.get(`${ruleId}/units`);
        if (unitsColumn !== undefined && signal) {
          row[unitsColumn] = (row[unitsColumn] ?? 0) + weight * measureEngagementUnits(rule, signal);
        }
      }
    }
    return row;
  });
  return { features, rows };
}
