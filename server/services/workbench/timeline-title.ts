/**
 * The Chinese line a touchpoint shows on the lead page's timeline (issue 9 §3 "content titles
 * resolved"): its type's label, with the content's title, a call's medium and outcome, or an
 * enrolment's amount.
 */
import {
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  type TimelineItem,
  TOUCHPOINT_TYPE_LABELS,
} from '@scrm/shared';
import type { TouchpointRow } from '../../db/queries/touchpoints.js';

const MEDIUM_KINDS = { phone: 'call', wechat: 'wechat', visit: 'visit' } as const;

const isKey = <T extends object>(table: T, key: unknown): key is keyof T =>
  typeof key === 'string' && Object.hasOwn(table, key);

export function toTimelineTitle(row: TouchpointRow, contentTitle: string | null): string {
  const label = isKey(TOUCHPOINT_TYPE_LABELS, row.type) ? TOUCHPOINT_TYPE_LABELS[row.type] : row.type;
  const props = row.props;
  if (contentTitle) return `${label}《${contentTitle}》`;
  if (row.type === 'advisor_call') {
    const medium = isKey(MEDIUM_KINDS, props.medium) ? MEDIUM_KINDS[props.medium] : 'call';
    const outcome = isKey(FOLLOW_UP_OUTCOME_LABELS, props.outcome)
      ? `（${FOLLOW_UP_OUTCOME_LABELS[props.outcome]}）`
      : '';
    return `${FOLLOW_UP_KIND_LABELS[medium]}${outcome}`;
  }
  if (row.type === 'enrolled' && typeof props.amountFen === 'number') {
    return `${label} ¥${(props.amountFen / 100).toFixed(2)}`;
  }
  if (row.type === 'message_sent' && props.status === 'bounced') return '消息发送失败';
  return label;
}

export function toTimelineItem(row: TouchpointRow, contentTitle: string | null): TimelineItem {
  return {
    id: row.id,
    type: row.type,
    title: toTimelineTitle(row, contentTitle),
    occurredAt: row.occurredAt.toISOString(),
    contentId: row.contentId,
    contentTitle,
    channel: row.channel,
    props: row.props,
  };
}
