/** A stored model version as the manager's page shows it (shared/contracts/scoring-models.ts). */
import {
  DEFAULT_SCORING_MODEL,
  type ModelComparison,
  modelComparisonSchema,
  parseScoringModel,
  type ScoringModel,
  type ScoringModelVersion,
} from '@scrm/shared';
import type { ScoringModelRow } from '../../db/queries/scoring-models.js';

type Status = ScoringModelVersion['status'];

/** The rules with their points, strongest first; a per-unit weight shows as its own line. */
function listRulePoints(model: ScoringModel): ScoringModelVersion['rules'] {
  return [
    ...model.fit.rules.map((r) => ({ ruleId: r.id, label: r.label, dimension: 'fit' as const, points: r.points })),
    ...model.engagement.rules.flatMap((r) => [
      { ruleId: r.id, label: r.label, dimension: 'engagement' as const, points: r.points },
      ...(r.perUnit
        ? [{ ruleId: r.id, label: `${r.label}（每单位）`, dimension: 'engagement' as const, points: r.perUnit.points }]
        : []),
    ]),
  ]
    .filter((r) => r.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.ruleId.localeCompare(b.ruleId));
}

function readComparison(value: unknown): ModelComparison | null {
  const parsed = modelComparisonSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toModelVersionView(row: ScoringModelRow, status: Status): ScoringModelVersion {
  const model = parseScoringModel(row.document);
  return {
    version: row.version,
    label: model.label,
    status,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    comparison: readComparison(row.comparison),
    rules: listRulePoints(model),
  };
}

/** The built-in default, active while no version was ever activated (it has no row yet). */
export function toDefaultModelView(): ScoringModelVersion {
  return {
    version: DEFAULT_SCORING_MODEL.version,
    label: DEFAULT_SCORING_MODEL.label,
    status: 'active',
    createdAt: null,
    activatedAt: null,
    comparison: null,
    rules: listRulePoints(DEFAULT_SCORING_MODEL),
  };
}
