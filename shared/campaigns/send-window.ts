/**
 * Send hours and quiet hours (SPEC §2.5 "fixed send hours and quiet hours", issue 13: Asia/Shanghai,
 * by default no sends 21:00–08:30). A campaign sends only inside its send hours, outside its extra
 * quiet hours, on its weekdays; a message due at another time waits for the next allowed minute.
 */
import { z } from 'zod';
import { fromShanghaiClock, toShanghaiClock } from './shanghai-clock.js';

const DAY_MINUTES = 1440;

/** `HH:MM` on a 24-hour clock; `24:00` ends a window at midnight. */
const clockSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: '时间格式应为 HH:MM（24 小时制）' });

export const clockIntervalSchema = z.strictObject({ from: clockSchema, to: clockSchema });
export type ClockInterval = z.infer<typeof clockIntervalSchema>;

/** ISO weekdays: 1 Monday … 7 Sunday. */
const weekdaySchema = z.number().int().min(1).max(7);

export const sendWindowSchema = z
  .strictObject({
    /** Sends happen from `from` (inclusive) to `to` (exclusive), Shanghai time; `from` < `to`. */
    sendHours: clockIntervalSchema.default({ from: '08:30', to: '21:00' }),
    /** Further quiet intervals inside the send hours (e.g. 12:00–13:30); may wrap midnight. */
    quietHours: z.array(clockIntervalSchema).max(6).default([]),
    weekdays: z.array(weekdaySchema).min(1).max(7).default([1, 2, 3, 4, 5, 6, 7]),
  })
  .refine((w) => toMinute(w.sendHours.from) < toMinute(w.sendHours.to), {
    error: '发送时段的开始时间必须早于结束时间',
    path: ['sendHours'],
  })
  .refine((w) => getAllowedIntervals(w).length > 0, { error: '静默时段覆盖了全部发送时段', path: ['quietHours'] });
export type SendWindow = z.infer<typeof sendWindowSchema>;

/** The default: every day, 08:30 to 21:00 Shanghai time (no sends 21:00–08:30). */
export const DEFAULT_SEND_WINDOW: SendWindow = sendWindowSchema.parse({});

function toMinute(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Allowed `[from, to)` minute-of-day intervals: send hours minus quiet hours, sorted. */
function getAllowedIntervals(window: {
  sendHours: ClockInterval;
  quietHours: readonly ClockInterval[];
}): [number, number][] {
  const quiet: [number, number][] = [];
  for (const q of window.quietHours) {
    const from = toMinute(q.from);
    const to = toMinute(q.to);
    if (from < to) quiet.push([from, to]);
    else if (from > to) quiet.push([from, DAY_MINUTES], [0, to]);
  }
  let allowed: [number, number][] = [[toMinute(window.sendHours.from), toMinute(window.sendHours.to)]];
  for (const [qFrom, qTo] of quiet) {
    allowed = allowed.flatMap(([from, to]) => {
      const parts: [number, number][] = [
        [from, Math.min(to, qFrom)],
        [Math.max(from, qTo), to],
      ];
      return parts.filter(([a, b]) => a < b);
    });
  }
  return allowed.sort((a, b) => a[0] - b[0]);
}

/**
 * Whether a message may go out at `at` (SPEC §2.5): inside the send hours, outside the quiet hours,
 * on an allowed weekday, all in Shanghai time.
 */
export function isWithinSendWindow(at: Date, window: SendWindow): boolean {
  const { minute, weekday } = toShanghaiClock(at.getTime());
  if (!window.weekdays.includes(weekday)) return false;
  return getAllowedIntervals(window).some(([from, to]) => minute >= from && minute < to);
}

/**
 * The earliest instant at or after `due` when a message may go out (SPEC §2.5): `due` itself when
 * it is inside the window, else the start of the next allowed interval.
 *
 * @example nextSendTime(new Date('2026-11-23T20:59:00+08:00'), DEFAULT_SEND_WINDOW) // 2026-11-23T20:59+08:00
 * @example nextSendTime(new Date('2026-11-23T21:00:00+08:00'), DEFAULT_SEND_WINDOW) // 2026-11-24T08:30+08:00
 */
export function nextSendTime(due: Date, window: SendWindow): Date {
  if (isWithinSendWindow(due, window)) return due;
  const { day, minute } = toShanghaiClock(due.getTime());
  const intervals = getAllowedIntervals(window);
  // Seven days ahead always reach an allowed weekday (the schema requires at least one).
  for (let offset = 0; offset <= 7; offset++) {
    const { weekday } = toShanghaiClock(fromShanghaiClock(day + offset, 0).getTime());
    if (!window.weekdays.includes(weekday)) continue;
    const start = intervals.find(([from]) => offset > 0 || from > minute);
    if (start) return fromShanghaiClock(day + offset, start[0]);
  }
  throw new Error('send window has no allowed minute'); // unreachable for a parsed window
}
