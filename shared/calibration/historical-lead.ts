/**
 * Historical leads with known outcomes, and how a CSV's columns become them (SPEC §2.3
 * "predictive calibration ... from past leads with known outcomes").
 */
import type { LeadProfile } from '../scoring/lead-profile.js';
import type { EngagementRule, FitRule } from '../scoring/scoring-model.js';
import type { ScoringSignal } from '../scoring/scoring-signal.js';

/** One past lead: its profile, its signals (synthesised from the row) and whether it converted. */
export type HistoricalLead = { id: string; profile: LeadProfile; signals: ScoringSignal[]; isConverted: boolean };

/** A CSV row by header name; only the mapping's `columns` reach `mapRow`. */
export type CsvRow = Readonly<Record<string, string | undefined>>;

/**
 * How one CSV layout maps to profile + signals. `forbiddenColumns` are columns written after the
 * outcome was known (they leak it); a mapping that lists one in `columns` is rejected.
 */
export type HistoricalLeadMapping = {
  id: string;
  label: string;
  idColumn: string;
  outcomeColumn: string;
  /** The columns `mapRow` reads; the row it receives has no others. */
  columns: readonly string[];
  forbiddenColumns: readonly string[];
  /** Rules over this data set's own channels and values, offered to calibration in addition. */
  calibrationRules: { fit: FitRule[]; engagement: EngagementRule[] };
  /** The instant the rows are scored at; synthetic touchpoints are placed before it. */
  defaultAsOf: string;
  mapRow: (row: CsvRow, asOf: Date) => { profile: LeadProfile; signals: ScoringSignal[] };
};

/** Checks a mapping against a CSV header; returns the problems (empty when it fits). */
export function listMappingProblems(mapping: HistoricalLeadMapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  for (const column of mapping.columns) {
    if (mapping.forbiddenColumns.includes(column)) problems.push(`mapping reads forbidden column "${column}"`);
  }
  for (const column of [mapping.idColumn, mapping.outcomeColumn, ...mapping.columns]) {
    if (!header.includes(column)) problems.push(`missing column "${column}"`);
  }
  return problems;
}

/**
 * Maps one row to a historical lead. The mapping sees only its declared columns, so a forbidden
 * column cannot leak the outcome into the features. Throws on an outcome other than 0/1.
 */
export function mapHistoricalRow(mapping: HistoricalLeadMapping, row: CsvRow, asOf: Date): HistoricalLead {
  const outcome = row[mapping.outcomeColumn]?.trim();
  if (outcome !== '0' && outcome !== '1') {
    throw new Error(`${mapping.outcomeColumn} must be 0 or 1, got "${outcome ?? ''}"`);
  }
  const visible: Record<string, string | undefined> = {};
  for (const column of mapping.columns) visible[column] = row[column];
  const { profile, signals } = mapping.mapRow(Object.freeze(visible), asOf);
  return { id: row[mapping.idColumn] ?? '', profile, signals, isConverted: outcome === '1' };
}
