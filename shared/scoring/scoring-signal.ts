/**
 * What the engagement score consumes (SPEC §2.3): every touchpoint, plus the one signal that is not
 * a touchpoint: an advisor returning the lead to the pool (SPEC §2.4 "a lead the advisor returns
 * loses points").
 */
import { z } from 'zod';
import { TOUCHPOINT_TYPES, type TouchpointEvent, touchpointEventSchema } from '../events/touchpoint.js';
import { entityIdSchema, isoDateTimeSchema } from '../fields.js';

/** An advisor gave the lead back (SPEC §2.4). `id` is the idempotency key, as for touchpoints. */
export const advisorReturnSignalSchema = z.strictObject({
  id: z.string().trim().min(1).max(64),
  type: z.literal('advisor_return'),
  occurredAt: isoDateTimeSchema,
  advisorId: entityIdSchema,
  reason: z.string().trim().max(200).optional(),
});
export type AdvisorReturnSignal = z.infer<typeof advisorReturnSignalSchema>;

/** A touchpoint or an advisor return, discriminated by `type` (SPEC §2.3). */
export const scoringSignalSchema = z.union([touchpointEventSchema, advisorReturnSignalSchema]);
export type ScoringSignal = TouchpointEvent | AdvisorReturnSignal;

/** Every `type` a scoring signal can have: the touchpoint types plus `advisor_return`. */
export const SCORING_SIGNAL_TYPES = [...TOUCHPOINT_TYPES, 'advisor_return'] as const;
export type ScoringSignalType = (typeof SCORING_SIGNAL_TYPES)[number];

/** Numeric properties an engagement rule may award points for, per unit (SPEC §2.3). */
export const NUMERIC_SIGNAL_PROPS = ['durationMs', 'durationSec'] as const;
export type NumericSignalProp = (typeof NUMERIC_SIGNAL_PROPS)[number];

/** The signal's time as epoch milliseconds (`occurredAt` is validated ISO 8601 with offset). */
export function getSignalTimeMs(signal: ScoringSignal): number {
  const ms = Date.parse(signal.occurredAt);
  if (Number.isNaN(ms)) throw new Error(`signal ${signal.id}: invalid occurredAt ${signal.occurredAt}`);
  return ms;
}

/** The value of a numeric prop of the signal, or 0 when it has none. */
export function readNumericProp(signal: ScoringSignal, prop: NumericSignalProp): number {
  if (signal.type === 'advisor_return') return 0;
  const props: Record<string, unknown> = signal.props;
  const value = props[prop];
  // Equivalent mutants: Number.isFinite is false for anything but a number; the typeof narrows the
  // type.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A string prop used by rule filters (`status` of message_sent, `outcome` of advisor_call). */
export function readTextProp(signal: ScoringSignal, prop: 'status' | 'outcome'): string | undefined {
  if (signal.type === 'advisor_return') return undefined;
  const props: Record<string, unknown> = signal.props;
  const value = props[prop];
  return typeof value === 'string' ? value : undefined;
}

/** The attribution channel of the signal, if any. */
export function readChannel(signal: ScoringSignal): string | undefined {
  // Equivalent mutants: an advisor return has no `channel` either; the check narrows the type.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, see above
  return signal.type === 'advisor_return' ? undefined : signal.channel;
}
