/**
 * Every analytics table as CSV (issue 15 §2 "every table exports as CSV"): the same answers the
 * JSON routes give, one row per figure, headers in Chinese, money in yuan with two decimals.
 */
import {
  type AnalyticsAttributionResponse,
  type AnalyticsEffectivenessResponse,
  type AnalyticsEfficiencyResponse,
  type AnalyticsValueResponse,
  type AnalyticsVelocityResponse,
  type AnalyticsVolumeResponse,
  type CsvCell,
  LIFECYCLE_STAGE_LABELS,
  type LifecycleStage,
  type MarketingCost,
  serialiseCsv,
} from '@scrm/shared';

const UNKNOWN = '未知';
const group = (value: string | null) => value ?? UNKNOWN;
const stage = (value: LifecycleStage) => LIFECYCLE_STAGE_LABELS[value];
/** Fen as yuan: integer fen / 100, exact to two decimals. */
const yuan = (fen: number | null): CsvCell => (fen === null ? null : Math.round(fen) / 100);
const round = (value: number | null, digits = 4): CsvCell =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function volumeCsv(answer: AnalyticsVolumeResponse): string {
  return serialiseCsv([
    ['分组', '阶段', '期末人数', '期间到达', '首次到达'],
    ...answer.groups.flatMap((g) =>
      g.stages.map((s) => [group(g.group), stage(s.stage), s.atEnd, s.arrivals, s.firstArrivals]),
    ),
  ]);
}

export function velocityCsv(answer: AnalyticsVelocityResponse): string {
  return serialiseCsv([
    ['从阶段', '到阶段', '次数', '月份', '样本数', '平均天数', '中位天数'],
    ...answer.series.flatMap((s) =>
      s.points.map((p) => [
        stage(s.fromStage),
        stage(s.toStage),
        s.visit === 'first' ? '首次' : '再次',
        p.month,
        p.count,
        round(p.averageDays, 2),
        p.medianDays,
      ]),
    ),
  ]);
}

export function valueCsv(answer: AnalyticsValueResponse): string {
  return serialiseCsv([
    [
      '分组',
      '收入（元）',
      '报名数',
      '客单价（元）',
      '新线索',
      '每线索收入（元）',
      '累计收入（元）',
      '累计线索',
      '每线索终身价值（元）',
    ],
    ...answer.groups.map((g) => [
      group(g.group),
      yuan(g.revenueFen),
      g.enrolments,
      yuan(g.averageOrderFen),
      g.newLeads,
      yuan(g.revenuePerLeadFen),
      yuan(g.lifetimeRevenueFen),
      g.lifetimeLeads,
      yuan(g.lifetimeValuePerLeadFen),
    ]),
  ]);
}

export function effectivenessCsv(answer: AnalyticsEffectivenessResponse): string {
  return serialiseCsv([
    ['分组', '进入月份', '已成熟', '阶段', '下一阶段', '进入人数', '转化人数', '转化率'],
    ...answer.groups.flatMap((g) =>
      [g.total, ...g.months].flatMap((cohort) =>
        cohort.stages.map((s) => [
          group(g.group),
          cohort.month === 'total' ? '合计' : cohort.month,
          cohort.isMature ? '是' : '否',
          stage(s.stage),
          stage(s.nextStage),
          s.entered,
          s.converted,
          round(s.rate),
        ]),
      ),
    ),
  ]);
}

export function efficiencyCsv(answer: AnalyticsEfficiencyResponse): string {
  return serialiseCsv([
    [
      '活动或渠道',
      '费用（元）',
      '新线索',
      'MQL',
      '报名客户',
      '收入（元）',
      '单线索成本（元）',
      '单MQL成本（元）',
      '单客户成本（元）',
      'ROI',
    ],
    ...answer.targets.map((t) => [
      group(t.target),
      yuan(t.costFen),
      t.newLeads,
      t.mqls,
      t.customers,
      yuan(t.revenueFen),
      yuan(t.costPerLeadFen),
      yuan(t.costPerMqlFen),
      yuan(t.costPerCustomerFen),
      round(t.roi),
    ]),
  ]);
}

export function attributionCsv(answer: AnalyticsAttributionResponse): string {
  return serialiseCsv([
    ['渠道或活动', '归因收入（元）', '占比'],
    ...answer.groups.map((g) => [group(g.group), yuan(g.creditFen), round(g.share)]),
    ['未归因', yuan(answer.unattributedFen), null],
    ['合计', yuan(answer.revenueFen), null],
  ]);
}

export function costsCsv(costs: readonly MarketingCost[]): string {
  return serialiseCsv([
    ['类型', '活动或渠道', '开始日期', '结束日期', '金额（元）', '备注'],
    ...costs.map((c) => [
      c.targetKind === 'campaign' ? '活动' : '渠道',
      c.target,
      c.fromDay,
      c.toDay,
      yuan(c.amountFen),
      c.note,
    ]),
  ]);
}
