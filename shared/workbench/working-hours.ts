/**
 * Working hours as data and the accept-SLA clock (issue 9 §2 "accept within 4 working hours,
 * Asia/Shanghai"): when a lead handed to an advisor at some instant must be accepted by. Pure:
 * the calendar is an input, time is epoch milliseconds, no time-zone database is needed because
 * the institution's offset is part of the data (Asia/Shanghai is UTC+8 all year, no DST).
 */
import { z } from 'zod';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** More days than any calendar can be closed in a row; reaching it means no working time at all. */
const MAX_SEARCH_DAYS = 800;

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:MM' });

/**
 * When advisors work. `weekdays` are JavaScript's day numbers (0 Sunday … 6 Saturday) in the
 * institution's local time; `closedDates` are local calendar days off (public holidays).
 */
export const workingHoursSchema = z
  .strictObject({
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, { error: '至少选择一个工作日' }).max(7),
    opensAt: clockTimeSchema,
    closesAt: clockTimeSchema,
    closedDates: z.array(z.iso.date()).max(366),
  })
  .refine((h) => toMinutes(h.opensAt) < toMinutes(h.closesAt), {
    error: '下班时间须晚于上班时间',
    path: ['closesAt'],
  });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/**
 * The default (issue 9 §2): 09:00–21:00 every day, Asia/Shanghai. Training institutions sell when
 * parents and students are free, evenings and weekends included; advisors work shifts across them.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  utcOffsetMinutes: 8 * 60,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  opensAt: '09:00',
  closesAt: '21:00',
  closedDates: [],
};

function toMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The working interval of the local day starting at `dayStartMs` (local midnight as UTC ms), if any. */
function workingInterval(dayStartMs: number, hours: WorkingHours): { open: number; close: number } | null {
  const local = new Date(dayStartMs + hours.utcOffsetMinutes * MINUTE_MS);
  const isoDay = local.toISOString().slice(0, 10);
  if (!hours.weekdays.includes(local.getUTCDay()) || hours.closedDates.includes(isoDay)) return null;
  return {
    open: dayStartMs + toMinutes(hours.opensAt) * MINUTE_MS,
    close: dayStartMs + toMinutes(hours.closesAt) * MINUTE_MS,
  };
}

/** Local midnight (as UTC ms) of the local day holding `ms`. */
function localDayStart(ms: number, hours: WorkingHours): number {
  const offset = hours.utcOffsetMinutes * MINUTE_MS;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/**
 * The instant `minutes` of working time after `start` (issue 9 §2 SLA due time): time outside
 * working hours, on closed weekdays and closed dates does not count. A start outside working hours
 * counts from the next opening. Zero minutes gives the next working instant (or `start` itself).
 *
 * @example
 * // Handed over Friday 20:00 Shanghai with 09:00–21:00 hours: 1 hour that evening, 3 the next day.
 * addWorkingMinutes(new Date('2026-03-06T12:00:00Z'), 240, DEFAULT_WORKING_HOURS); // 2026-03-07T04:00Z
 */
export function addWorkingMinutes(start: Date, minutes: number, hours: WorkingHours): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  let cursor = start.getTime();
  let remainingMs = minutes * MINUTE_MS;
  let day = localDayStart(cursor, hours);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++, day += DAY_MS) {
    const interval = workingInterval(day, hours);
    if (!interval || cursor >= interval.close) continue;
    cursor = Math.max(cursor, interval.open);
    const available = interval.close - cursor;
    if (remainingMs <= available) return new Date(cursor + remainingMs);
    remainingMs -= available;
    cursor = interval.close;
  }
  throw new RangeError(`no working time within ${MAX_SEARCH_DAYS} days of ${start.toISOString()}`);
}

/** Working minutes between `from` and `to` (0 when `to` is not after `from`): the inverse of the above. */
export function countWorkingMinutes(from: Date, to: Date, hours: WorkingHours): number {
  let total = 0;
  const end = to.getTime();
  for (let day = localDayStart(from.getTime(), hours); day < end; day += DAY_MS) {
    const interval = workingInterval(day, hours);
    if (!interval) continue;
    const lo = Math.max(interval.open, from.getTime());
    const hi = Math.min(interval.close, end);
    if (hi > lo) total += hi - lo;
  }
  return total / MINUTE_MS;
}

/** Whether `at` falls inside working hours. */
export function isWithinWorkingHours(at: Date, hours: WorkingHours): boolean {
  const interval = workingInterval(localDayStart(at.getTime(), hours), hours);
  return interval !== null && at.getTime() >= interval.open && at.getTime() < interval.close;
}
