/**
 * How one engagement rule values one signal (SPEC §2.3 "weighted touchpoints"): whether it
 * matches, and its points before decay and caps.
 */
import type { EngagementRule } from './scoring-model.js';
import { readChannel, readNumericProp, readTextProp, type ScoringSignal } from './scoring-signal.js';

/** Whether `rule` applies to `signal`: same type and every `when` filter satisfied. */
export function isEngagementRuleMatch(rule: EngagementRule, signal: ScoringSignal): boolean {
  if (rule.signal !== signal.type) return false;
  const when = rule.when;
  if (!when) return true;
  if (when.status && !when.status.some((s) => s === readTextProp(signal, 'status'))) return false;
  if (when.outcome && !when.outcome.some((o) => o === readTextProp(signal, 'outcome'))) return false;
  const channel = readChannel(signal);
  // Equivalent mutants: a list of channels never includes undefined; the check narrows the type.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (when.channels && (channel === undefined || !when.channels.includes(channel))) return false;
  return true;
}

/**
 * The two measures a rule multiplies by its points: the signal itself (1) and the capped number
 * of units of its numeric prop. Calibration fits one weight for each (shared/calibration).
 */
export function measureEngagementUnits(rule: EngagementRule, signal: ScoringSignal): number {
  if (!rule.perUnit) return 0;
  const raw = readNumericProp(signal, rule.perUnit.prop) / rule.perUnit.unit;
  return Math.min(Math.max(raw, 0), rule.perUnit.maxUnits);
}

/**
 * Points of `signal` under `rule` before decay and caps, or 0 when the rule does not match. A
 * threshold rule has no points per signal: see `measureRuleEntry`.
 */
export function getEngagementPoints(rule: EngagementRule, signal: ScoringSignal): number {
  if (!isEngagementRuleMatch(rule, signal)) return 0;
  const unitPoints = rule.perUnit ? rule.perUnit.points * measureEngagementUnits(rule, signal) : 0;
  return rule.points + unitPoints;
}

/**
 * What `signal` adds to `rule`'s part of the score state, or 0 when nothing: its points, or for
 * a threshold rule its amount of the prop towards the total (none from a rule worth 0 points,
 * which can never score, nor below zero, which would only delay the total).
 */
export function measureRuleEntry(rule: EngagementRule, signal: ScoringSignal): number {
  if (!rule.threshold) return getEngagementPoints(rule, signal);
  if (rule.points === 0 || !isEngagementRuleMatch(rule, signal)) return 0;
  return Math.max(readNumericProp(signal, rule.threshold.prop), 0);
}
