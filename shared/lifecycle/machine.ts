/**
 * The lifecycle stage machine (SPEC §2.2): applies a trigger to a lead's lifecycle state using the
 * transition table, and records each move with its cause and its ordinal per stage.
 */
import { LIFECYCLE_STAGES, type LifecycleStage } from './stages.js';
import { LIFECYCLE_RULES, type LifecycleTrigger } from './transitions.js';

/** A lead's place in the lifecycle and how many times it arrived at each stage. */
export interface LifecycleState {
  stage: LifecycleStage;
  /** ISO time the current stage was entered. */
  enteredAt: string;
  arrivals: Partial<Record<LifecycleStage, number>>;
}

/** One stored move (SPEC §2.2 "every transition is stored with time, cause and its ordinal"). */
export interface LifecycleTransition {
  from: LifecycleStage | null;
  to: LifecycleStage;
  at: string;
  ordinal: number;
  ruleId: string;
  label: string;
  cause: LifecycleTrigger | { kind: 'created'; source: string };
}

export type LifecycleStepResult =
  | { state: LifecycleState; transition: LifecycleTransition }
  | { state: LifecycleState; transition: null; reason: string };

/** A new lead's state and its first transition (arrival #1 at the initial stage). */
export function createLifecycleState(input: { at: string; stage?: LifecycleStage; source?: string }): {
  state: LifecycleState;
  transition: LifecycleTransition;
} {
  const stage = input.stage ?? 'awareness';
  return {
    state: { stage, enteredAt: input.at, arrivals: { [stage]: 1 } },
    transition: {
      from: null,
      to: stage,
      at: input.at,
      ordinal: 1,
      ruleId: 'created',
      label: '新线索',
      cause: { kind: 'created', source: input.source ?? 'unknown' },
    },
  };
}

/**
 * Applies one trigger at time `at` (SPEC §2.2). A trigger the table does not allow from the
 * current stage is not an error: the state is returned unchanged with the reason.
 *
 * @example
 * const { transition } = applyLifecycleTrigger(state, { kind: 'score', isMql: true, total: 62 }, now);
 * transition && formatStageOrdinal(transition.to, transition.ordinal); // 'MQL-02'
 */
export function applyLifecycleTrigger(
  state: LifecycleState,
  trigger: LifecycleTrigger,
  at: string,
): LifecycleStepResult {
  const rule = LIFECYCLE_RULES.find((r) => r.from.includes(state.stage) && r.matches(trigger));
  if (!rule) return { state, transition: null, reason: `no rule moves ${state.stage} on ${describeTrigger(trigger)}` };
  const ordinal = (state.arrivals[rule.to] ?? 0) + 1;
  return {
    state: { stage: rule.to, enteredAt: at, arrivals: { ...state.arrivals, [rule.to]: ordinal } },
    transition: { from: state.stage, to: rule.to, at, ordinal, ruleId: rule.id, label: rule.label, cause: trigger },
  };
}

/** Applies triggers in order, collecting every move. */
export function applyLifecycleTriggers(
  state: LifecycleState,
  triggers: readonly { trigger: LifecycleTrigger; at: string }[],
): { state: LifecycleState; transitions: LifecycleTransition[] } {
  const transitions: LifecycleTransition[] = [];
  let current = state;
  for (const { trigger, at } of triggers) {
    const step = applyLifecycleTrigger(current, trigger, at);
    current = step.state;
    if (step.transition) transitions.push(step.transition);
  }
  return { state: current, transitions };
}

export function isLifecycleStage(value: string): value is LifecycleStage {
  return (LIFECYCLE_STAGES as readonly string[]).includes(value);
}

function describeTrigger(trigger: LifecycleTrigger): string {
  switch (trigger.kind) {
    case 'event':
      return `event ${trigger.eventType}`;
    case 'score':
      return `score ${trigger.isMql ? 'qualified' : 'below MQL'}${trigger.isNurtureHold ? ' (nurture hold)' : ''}`;
    case 'fit':
      return `fit ${trigger.isTarget ? 'matched' : 'lost'}`;
    case 'advisor':
      return `advisor ${trigger.action}`;
    case 'inactivity':
      return `${trigger.idleDays} idle days`;
    default: {
      const unreachable: never = trigger;
      return String(unreachable);
    }
  }
}
