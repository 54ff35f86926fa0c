/**
 * The per-lead frequency cap across all campaigns (SPEC §2.5 "per-lead frequency caps", issue 13:
 * by default at most 1 message a day and 3 a week). Days are Shanghai calendar days; a week is the
 * rolling window of today and the six days before it, so no seven consecutive days ever hold more
 * than `maxPerWeek` (a calendar week would allow six in a row across a weekend). The counters live
 * in the shared store, one per (lead, Shanghai day); this is the decision given their values.
 */
import { z } from 'zod';
import { getShanghaiDay } from '../scoring/score-state.js';
import { fromShanghaiClock } from './shanghai-clock.js';

/** Days in the rolling week. */
export const CAP_WINDOW_DAYS = 7;

export const frequencyCapsSchema = z
  .strictObject({
    maxPerDay: z.number().int().min(1).max(10),
    maxPerWeek: z.number().int().min(1).max(50),
  })
  .refine((c) => c.maxPerDay <= c.maxPerWeek, { error: '每日上限不能大于每周上限' });
export type FrequencyCaps = z.infer<typeof frequencyCapsSchema>;

/** The installation default (issue 13): at most one message a day and three a week per lead. */
export const DEFAULT_FREQUENCY_CAPS: FrequencyCaps = { maxPerDay: 1, maxPerWeek: 3 };

/** Messages already counted against a lead, per Shanghai day number (see `getShanghaiDay`). */
export type SendCountsByDay = Readonly<Record<number, number>>;

export type CapDecision =
  | { isAllowed: true; day: number }
  | { isAllowed: false; reason: 'daily_cap' | 'weekly_cap'; retryAt: Date };

/**
 * The Shanghai day numbers whose counters decide a send at `at`: today and the six days before,
 * oldest first. The runner reads exactly these keys.
 */
export function listCapWindowDays(at: Date): number[] {
  const today = getShanghaiDay(at.getTime());
  return Array.from({ length: CAP_WINDOW_DAYS }, (_, i) => today - (CAP_WINDOW_DAYS - 1) + i);
}

function findCapBlocker(day: number, counts: SendCountsByDay, caps: FrequencyCaps): 'daily_cap' | 'weekly_cap' | null {
  if ((counts[day] ?? 0) >= caps.maxPerDay) return 'daily_cap';
  let week = 0;
  for (let d = day - (CAP_WINDOW_DAYS - 1); d <= day; d++) week += counts[d] ?? 0;
  return week >= caps.maxPerWeek ? 'weekly_cap' : null;
}

/**
 * Whether one more message may go to the lead at `at` (SPEC §2.5), given what was sent on each
 * day. When not, `retryAt` is the Shanghai midnight of the first later day on which it may (if
 * nothing else is sent meanwhile); the runner then applies the send window to it.
 *
 * @example checkFrequencyCap({ at, counts: { [today]: 1 }, caps: DEFAULT_FREQUENCY_CAPS }) // { isAllowed: false, reason: 'daily_cap', retryAt: tomorrow 00:00 }
 */
export function checkFrequencyCap(input: { at: Date; counts: SendCountsByDay; caps: FrequencyCaps }): CapDecision {
  const { counts, caps } = input;
  const today = getShanghaiDay(input.at.getTime());
  const reason = findCapBlocker(today, counts, caps);
  if (reason === null) return { isAllowed: true, day: today };
  // Counts only age out of the window, so the wait is at most one window long.
  let day = today + 1;
  while (findCapBlocker(day, counts, caps) !== null && day <= today + CAP_WINDOW_DAYS) day++;
  return { isAllowed: false, reason, retryAt: fromShanghaiClock(day, 0) };
}
