/**
 * The engagement rules of a model looked up by signal type and by id (SPEC §2.3), built once per
 * rules list: scoring runs per event, and scanning every rule for each event and each lookup was
 * a large part of its time. Keyed by the rules array itself, so a model with other rules (a new
 * version, a test's variant) gets its own index; models are values, never modified once used.
 */
import type { EngagementRule, ScoringModel } from './scoring-model.js';

export interface EngagementRuleIndex {
  /** The rules whose `signal` is the key, in model order. */
  bySignal: ReadonlyMap<string, readonly EngagementRule[]>;
  /** The rule with that id (the first, in a model that skipped validation and repeats one). */
  byId: ReadonlyMap<string, EngagementRule>;
  /** The positions of the rules with that id in the model (the order of score breakdowns). */
  positionsOf: ReadonlyMap<string, readonly number[]>;
}

// A memo keyed by object identity: pure in effect, and collected with the model.
const indexes = new WeakMap<readonly EngagementRule[], EngagementRuleIndex>();

export function getEngagementRuleIndex(model: ScoringModel): EngagementRuleIndex {
  const rules = model.engagement.rules;
  let index = indexes.get(rules);
  if (!index) {
    const bySignal = new Map<string, EngagementRule[]>();
    const byId = new Map<string, EngagementRule>();
    const positionsOf = new Map<string, number[]>();
    rules.forEach((rule, position) => {
      bySignal.set(rule.signal, [...(bySignal.get(rule.signal) ?? []), rule]);
      if (!byId.has(rule.id)) byId.set(rule.id, rule);
      positionsOf.set(rule.id, [...(positionsOf.get(rule.id) ?? []), position]);
    });
    index = { bySignal, byId, positionsOf };
    indexes.set(rules, index);
  }
  return index;
}
