/**
 * Days and months as a manager in China reads them (SPEC §2.6 "per … period"; issue 15 "monthly
 * time series"). Every analytics bucket is a calendar day in Asia/Shanghai, written `YYYY-MM-DD`;
 * months are `YYYY-MM`. Rollup rows are keyed by these days, so a period is a range of whole days.
 */
import { z } from 'zod';

const DAY_MS = 86_400_000;
/**
 * Asia/Shanghai is UTC+8 all year: China has observed no daylight saving time since 1991 (IANA
 * tz database, `asia` file), so a fixed offset is exact for every date this product stores and
 * needs no `Intl` time-zone data (which some mini-program runtimes lack).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_PATTERN = /^\d{4}-\d{2}$/;

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export type ShanghaiDay = string;
/** A calendar month in Asia/Shanghai, `YYYY-MM`. */
export type ShanghaiMonth = string;

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (so `2026-02-30` is not). */
export function isShanghaiDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export const shanghaiDaySchema = z
  .string()
  .refine(isShanghaiDay, { error: '日期格式无效（需要 YYYY-MM-DD）' })
  // Documented as a date, which the refinement hides from the generated schema.
  .meta({ format: 'date' });

/**
 * A reporting period: the Shanghai calendar days `fromDay` … `toDay`, both included. Periods are
 * whole days because the rollups are kept per day (ADR 016).
 */
export const analyticsPeriodSchema = z
  .object({ fromDay: shanghaiDaySchema, toDay: shanghaiDaySchema })
  .refine((period) => period.fromDay <= period.toDay, { error: '开始日期不能晚于结束日期', path: ['toDay'] });
export type AnalyticsPeriod = z.infer<typeof analyticsPeriodSchema>;

/**
 * The Shanghai calendar day of an instant.
 *
 * @example toShanghaiDay('2026-01-31T23:30:00Z') // '2026-02-01' (07:30 in Shanghai)
 */
export function toShanghaiDay(instant: string): ShanghaiDay {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) throw new Error(`not an ISO instant: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month of a Shanghai day: `2026-02-01` → `2026-02`. */
export function toShanghaiMonth(day: ShanghaiDay): ShanghaiMonth {
  return day.slice(0, 7);
}

/**
 * Whole calendar days from `fromDay` to `toDay` (negative when `toDay` is earlier). Velocity and
 * conversion horizons count calendar days in Shanghai, so they are small integers (ADR 016).
 *
 * @example countDaysBetween('2026-01-30', '2026-02-02') // 3
 */
export function countDaysBetween(fromDay: ShanghaiDay, toDay: ShanghaiDay): number {
  return Math.round((dayToUtcMs(toDay) - dayToUtcMs(fromDay)) / DAY_MS);
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: ShanghaiDay, days: number): ShanghaiDay {
  return new Date(dayToUtcMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every month the period touches, in order. */
export function listPeriodMonths(period: AnalyticsPeriod): ShanghaiMonth[] {
  const months: ShanghaiMonth[] = [];
  for (let month = toShanghaiMonth(period.fromDay); month <= toShanghaiMonth(period.toDay); ) {
    months.push(month);
    month = toShanghaiMonth(addDays(`${month}-28`, 4));
  }
  return months;
}

export function isDayInPeriod(day: ShanghaiDay, period: AnalyticsPeriod): boolean {
  return day >= period.fromDay && day <= period.toDay;
}

/** The last day of a month: `2026-02` → `2026-02-28`. */
export function getLastDayOfMonth(month: ShanghaiMonth): ShanghaiDay {
  if (!MONTH_PATTERN.test(month)) throw new Error(`not a month: ${month}`);
  return addDays(`${toShanghaiMonth(addDays(`${month}-28`, 4))}-01`, -1);
}

function dayToUtcMs(day: ShanghaiDay): number {
  if (!isShanghaiDay(day)) throw new Error(`not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00.000Z`);
}
