/**
 * The nine-stage lead lifecycle plus `advocate` and `dormant` (SPEC §2.2): where the institution
 * is with the lead. Labels are what advisors see.
 */
export const LIFECYCLE_STAGES = [
  'awareness',
  'friend',
  'name',
  'engaged',
  'target',
  'mql',
  'sql',
  'opportunity',
  'customer',
  'advocate',
  'dormant',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Chinese labels for the advisor workbench and the funnel. */
export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  awareness: '知晓',
  friend: '关注',
  name: '留资',
  engaged: '互动',
  target: '目标客户',
  mql: '营销认可线索',
  sql: '销售认可线索',
  opportunity: '商机',
  customer: '已报名',
  advocate: '推荐者',
  dormant: '沉睡',
};

/** Short codes used in ordinal labels: the second arrival at MQL reads `MQL-02` (SPEC §2.2). */
export const LIFECYCLE_STAGE_CODES: Record<LifecycleStage, string> = {
  awareness: 'AWR',
  friend: 'FRD',
  name: 'NAM',
  engaged: 'ENG',
  target: 'TGT',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'OPP',
  customer: 'CUS',
  advocate: 'ADV',
  dormant: 'DOR',
};

/**
 * The label of the `ordinal`th arrival at a stage (SPEC §2.2).
 *
 * @example formatStageOrdinal('mql', 2) // 'MQL-02'
 */
export function formatStageOrdinal(stage: LifecycleStage, ordinal: number): string {
  return `${LIFECYCLE_STAGE_CODES[stage]}-${String(ordinal).padStart(2, '0')}`;
}
