/**
 * The app's one date formatter (issue 14): Chinese conventions, Beijing time whatever the phone's
 * zone, never seconds. Hand-built rather than `toLocaleString`: WeChat's JS engines on older
 * phones ship without full ICU, and `zh-CN` output differs between them (`2026/12/6 10:00:00`).
 */

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
/** China has kept UTC+8 all year since 1991: no daylight saving to look up. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

function beijing(iso: string): Date {
  return new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `12月6日 周六` */
export function formatDay(iso: string): string {
  const d = beijing(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
}

/** `10:00` */
export function formatTime(iso: string): string {
  const d = beijing(iso);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `12月6日 周六 10:00`, or `12月6日 周六 10:00–11:00` with an end. */
export function formatDateTime(iso: string, endIso?: string): string {
  return `${formatDay(iso)} ${formatTime(iso)}${endIso ? `–${formatTime(endIso)}` : ''}`;
}

/** `2026年12月6日` */
export function formatDate(iso: string): string {
  const d = beijing(iso);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `¥12,800` from fen; whole yuan without decimals, as price lists in China show them. */
export function formatPrice(fen: number): string {
  const yuan = fen / 100;
  const [whole = '0', cents] = yuan.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `¥${grouped}${cents === '00' ? '' : `.${cents}`}`;
}
