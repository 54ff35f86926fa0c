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
  const ms = parseInstantMs(signal.occurredAt);
  if (Number.isNaN(ms)) throw new Error(`signal ${signal.id}: invalid occurredAt ${signal.occurredAt}`);
  return ms;
}

/** An ISO 8601 instant as epoch milliseconds, `NaN` when it is not one (as `Date.parse`). */
export function parseInstantMs(text: string): number {
  return parseCanonicalUtc(text) ?? Date.parse(text);
}

/**
 * The instant as `toISOString` writes it: the text itself when it is already in that form (what
 * phones send), without building a `Date` to format it again.
 */
export function toCanonicalInstant(text: string): string {
  // Equivalent mutant: formatting the canonical text anew gives the same text, only slower.
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  return parseCanonicalUtc(text) === null ? new Date(Date.parse(text)).toISOString() : text;
}

// Equivalent mutants, all in the fast path's guards: a guard made stricter, or a digit read made
// unreadable, only sends more strings to Date.parse, which answers the same; no test can tell but
// a stopwatch. A guard made looser is a real bug, and the property tests that compare the two
// parsers catch it (any character replaced, any field out of range), but Stryker disables per
// mutator, not per direction, so those are not counted either.
// Stryker disable ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral,BlockStatement: see above
/** Two ASCII digits at `i` as a number, or −1. */
function readTwoDigits(text: string, i: number): number {
  // Stryker disable next-line ArithmeticOperator: see above
  const a = text.charCodeAt(i) - 48;
  // Stryker disable next-line ArithmeticOperator: see above
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date.prototype.toISOString` and the mini-program send) read
 * by hand, else `null` for `Date.parse` to handle: `Date.parse` was a quarter of the time of
 * applying a signal. Only unambiguous values take this path (days 1–28, hours 0–23), so the
 * result always equals `Date.parse`'s (a property test compares them).
 */
function parseCanonicalUtc(text: string): number | null {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 /* Z */) return null;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return null;
  if (text[19] !== '.') return null;
  const century = readTwoDigits(text, 0);
  const yearOfCentury = readTwoDigits(text, 2);
  const month = readTwoDigits(text, 5);
  const day = readTwoDigits(text, 8);
  const hour = readTwoDigits(text, 11);
  const minute = readTwoDigits(text, 14);
  const second = readTwoDigits(text, 17);
  const centiseconds = readTwoDigits(text, 20);
  // Stryker disable next-line ArithmeticOperator: see above readTwoDigits
  const lastDigit = text.charCodeAt(22) - 48;
  if (century < 0 || yearOfCentury < 0 || centiseconds < 0 || lastDigit < 0 || lastDigit > 9) return null;
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  // Stryker restore all
  const year = century * 100 + yearOfCentury;
  const clock = ((hour * 60 + minute) * 60 + second) * 1000 + centiseconds * 10 + lastDigit;
  return getEpochDay(year, month, day) * 86_400_000 + clock;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms", days_from_civil): plain arithmetic, where `Date.UTC` is a runtime call.
 */
function getEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
