/**
 * Wall-clock time in Asia/Shanghai for campaigns (SPEC §2.5: send hours, quiet hours and caps are
 * Shanghai time). China has used UTC+8 all year without daylight saving since 1991, so wall time is
 * a fixed offset and needs no time-zone database (shared/ has no Intl data guarantees either).
 */
import { getShanghaiDay } from '../scoring/score-state.js';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Shanghai day number, minute of the day and ISO weekday (1 Monday … 7 Sunday) of an instant. */
export function toShanghaiClock(ms: number): { day: number; minute: number; weekday: number } {
  const day = getShanghaiDay(ms);
  const minute = Math.floor((ms + SHANGHAI_OFFSET_MS - day * DAY_MINUTES * MINUTE_MS) / MINUTE_MS);
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return { day, minute, weekday };
}

/** The instant of minute `minute` of Shanghai day `day` (minute 0: that day's midnight). */
export function fromShanghaiClock(day: number, minute: number): Date {
  return new Date((day * DAY_MINUTES + minute) * MINUTE_MS - SHANGHAI_OFFSET_MS);
}

/** Shanghai wall time as a message shows it: `2026年11月24日 09:30`, or `11月24日 09:30` without the year. */
export function formatShanghaiTime(at: Date, withYear: boolean): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return withYear ? `${local.getUTCFullYear()}年${day}` : day;
}
