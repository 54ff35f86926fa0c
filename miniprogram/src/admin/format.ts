import { TOUCHPOINT_TYPE_LABELS } from '@scrm/shared';

/**
 * How the workbench writes times, money and sources. Times are the institution's (Asia/Shanghai,
 * UTC+8 all year, no DST), computed by offset: older WeChat base libraries lack time-zone data.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function toShanghai(iso: string): Date {
  return new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `11-24 14:05` (this year) or `2025-11-24` (another year). */
export function formatDateTime(iso: string, nowMs = Date.now()): string {
  const d = toShanghai(iso);
  const now = new Date(nowMs + SHANGHAI_OFFSET_MS);
  if (d.getUTCFullYear() !== now.getUTCFullYear()) {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `刚刚`, `12 分钟前`, `3 小时前`, `2 天前`, else the date. */
export function formatAgo(iso: string, nowMs = Date.now()): string {
  const minutes = Math.floor((nowMs - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  if (minutes < 7 * 24 * 60) return `${Math.floor(minutes / 1440)} 天前`;
  return formatDateTime(iso, nowMs);
}

/** The accept deadline: `剩 2 小时 10 分` or `超时 35 分`. */
export function formatSlaDue(iso: string, nowMs = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - nowMs) / 60_000);
  const span = (m: number) => (m >= 60 ? `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}` : `${m} 分`);
  return minutes >= 0 ? `剩 ${span(minutes)}` : `超时 ${span(-minutes)}`;
}

/** Today in Shanghai as `YYYY-MM-DD` (an enrolment's default date). */
export function todayInShanghai(nowMs = Date.now()): string {
  return new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant `days` from now at 10:00 Shanghai, for the next follow-up's quick choices. */
export function daysFromNowAtTen(days: number, nowMs = Date.now()): string {
  const localMidnight = Math.floor((nowMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  return new Date(localMidnight + days * DAY_MS + 10 * 3_600_000).toISOString();
}

/** `¥12,800.00` from fen. */
export function formatYuan(fen: number): string {
  const yuan = (fen / 100).toFixed(2);
  const [whole = '0', cents = '00'] = yuan.split('.');
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * Yuan as typed (`12800`, `12800.5`, `12,800.50`) → whole fen, or `null` when it is not an amount.
 * Parsed as text, not as a float, so that 0.1 + 0.2 never becomes 30.000000000000004 fen.
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as a manager would type it back into an amount field (`12800`, `12800.5`): `parseYuanToFen`'s inverse. */
export function formatFenForInput(fen: number): string {
  const cents = String(fen % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const whole = String(Math.floor(fen / 100));
  return cents ? `${whole}.${cents}` : whole;
}

const SOURCE_LABELS: Record<string, string> = {
  mini_program: '小程序',
  import: '名单导入',
  share: '好友分享',
  referral: '好友推荐',
  fair: '展会',
  event_qr: '活动二维码',
  poster: '海报',
  seminar: '讲座',
  advisor_card: '顾问名片',
  flyer: '传单',
  partner: '合作机构',
  wechat_article: '公众号文章',
  moments: '朋友圈',
  search: '搜索',
  offline: '线下活动',
};

export function formatSource(source: string | null): string {
  if (!source) return '未知来源';
  return SOURCE_LABELS[source] ?? source;
}

/**
 * The journey model's reason is written for logs (`preferring evidence 3.00 ≥ 0.5 (latest:
 * trial_booked <id> at <time>)`); advisors see the kind of signal behind the move, or nothing.
 */
export function describeJourneyReason(reason: string): string | null {
  const type = /latest: ([a-z_]+)/.exec(reason)?.[1];
  if (!type || !(type in TOUCHPOINT_TYPE_LABELS)) return null;
  return `依据：${TOUCHPOINT_TYPE_LABELS[type as keyof typeof TOUCHPOINT_TYPE_LABELS]}`;
}
