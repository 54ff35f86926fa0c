/**
 * Why routing decided what it did (SPEC §2.4), as a closed set of codes so the workbench can
 * switch on them, with the Chinese labels advisors and managers see, in one place.
 */
export const ROUTING_REASONS = [
  'high_intent',
  'qualified_mql',
  'low_intent',
  'no_campus',
  'no_matching_advisor',
  'advisors_at_capacity',
  'advisor_returned',
  'advisor_left',
  'advisor_card',
] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];

export const ROUTING_REASON_LABELS: Record<RoutingReason, string> = {
  high_intent: '高意向来源，直接分配顾问',
  qualified_mql: '达到 MQL，自动移交顾问',
  low_intent: '低意向来源，进入培育池',
  no_campus: '未确定校区，进入培育池',
  no_matching_advisor: '没有负责该校区/课程的顾问',
  advisors_at_capacity: '顾问名额已满，进入培育池',
  advisor_returned: '顾问退回，回到培育池',
  advisor_left: '顾问离职，重新分配',
  advisor_card: '来自顾问本人的渠道码，分配给该顾问',
};

/** Why an advisor cannot take a lead (SPEC §2.4 "respects campus, course and advisor capacity"). */
export const ASSIGNMENT_BLOCKERS = ['inactive', 'other_campus', 'other_course', 'at_capacity'] as const;
export type AssignmentBlocker = (typeof ASSIGNMENT_BLOCKERS)[number];

export const ASSIGNMENT_BLOCKER_LABELS: Record<AssignmentBlocker, string> = {
  inactive: '顾问已停用',
  other_campus: '不属于该校区',
  other_course: '不负责该课程',
  at_capacity: '名额已满',
};

/** Why an advisor gives a lead back (SPEC §2.4); stored as the return signal's `reason`. */
export const ADVISOR_RETURN_REASONS = ['unreachable', 'not_interested', 'not_fit', 'duplicate', 'other'] as const;
export type AdvisorReturnReason = (typeof ADVISOR_RETURN_REASONS)[number];

export const ADVISOR_RETURN_REASON_LABELS: Record<AdvisorReturnReason, string> = {
  unreachable: '联系不上',
  not_interested: '暂无意向',
  not_fit: '不符合条件',
  duplicate: '重复线索',
  other: '其他',
};
