import {
  type AnalyticsEffectivenessResponse,
  type AnalyticsVelocityResponse,
  type AnalyticsVolumeResponse,
  ATTRIBUTION_MODELS,
  type AttributionModel,
  FUNNEL_STAGES,
  LIFECYCLE_STAGE_LABELS,
  listCampusesResponseSchema,
} from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { useApiData } from '../../../hooks/use-api-data';
import { BarList } from '../../components/bar-list';
import { ChoiceChips } from '../../components/choice-chips';
import { CostEntries } from '../../components/cost-entries';
import { StaffGate } from '../../components/staff-gate';
import { type ChartLine, VelocityChart } from '../../components/velocity-chart';
import { formatDateTime, formatSource, formatYuan } from '../../format';
import { type AnalyticsFilters, type AnalyticsTable, useAnalytics } from '../../hooks/use-analytics';
import { fetchStaffFile, handOverFile, toQueryString } from '../../staff-file';
import { ANALYTICS_TEXT as T } from './text';
import '../../workbench.css';
import './index.css';

const PERIODS = ['30', '90', '180'] as const;
const ALL = '';
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
/** Whole yuan for tables: cents add nothing to a manager's reading of spend and revenue. */
const yuan = (fen: number) => formatYuan(fen).replace(/\.\d\d$/, '');

function Section({
  title,
  hint,
  onExport,
  children,
}: {
  title: string;
  hint?: string;
  /** The table's 导出 CSV action, when it has one. */
  onExport?: () => void;
  children: React.ReactNode;
}) {
  return (
    <View className="analytics__section">
      <View className="analytics__head">
        <Text className="analytics__title">{title}</Text>
        {onExport && (
          <Text className="link analytics__export" onClick={onExport}>
            {T.exportCsv}
          </Text>
        )}
      </View>
      {hint && <Text className="analytics__hint">{hint}</Text>}
      {children}
    </View>
  );
}

/** First arrivals per funnel stage as bars, the cohort's conversion to the next stage between them. */
function Funnel({
  volume,
  effectiveness,
}: {
  volume: AnalyticsVolumeResponse;
  effectiveness: AnalyticsEffectivenessResponse;
}) {
  const stages = (volume.groups[0]?.stages ?? []).filter(
    (s) => FUNNEL_STAGES.includes(s.stage) && s.stage !== 'advocate',
  );
  const rates = new Map((effectiveness.groups[0]?.total.stages ?? []).map((s) => [s.stage, s.rate]));
  const max = Math.max(1, ...stages.map((s) => s.firstArrivals));
  if (stages.every((s) => s.firstArrivals === 0)) return <PageStatus kind="empty" message={T.empty} />;
  return (
    <View className="funnel">
      {stages.map((s, i) => (
        <View key={s.stage} className="funnel__step">
          <View className="funnel__row">
            <Text className="funnel__label">{LIFECYCLE_STAGE_LABELS[s.stage]}</Text>
            <View className="funnel__track">
              <View className="funnel__bar" style={{ width: `${Math.max(2, (s.firstArrivals / max) * 100)}%` }} />
            </View>
            <Text className="funnel__count">{s.firstArrivals}</Text>
          </View>
          {i < stages.length - 1 && (
            <Text className="funnel__conversion">↓ {T.conversion(percent(rates.get(s.stage) ?? null))}</Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** The busiest first-stay stage pairs, at most five lines, so the chart stays readable on a phone. */
function toChartLines(velocity: AnalyticsVelocityResponse): { months: string[]; lines: ChartLine[] } {
  const first = velocity.series.filter((s) => s.visit === 'first');
  const total = (s: (typeof first)[number]) => s.points.reduce((n, p) => n + p.count, 0);
  const top = [...first].sort((a, b) => total(b) - total(a)).slice(0, 5);
  return {
    months: velocity.series[0]?.points.map((p) => p.month) ?? [],
    lines: top.map((s) => ({
      key: `${s.fromStage}>${s.toStage}`,
      label: `${LIFECYCLE_STAGE_LABELS[s.fromStage]}→${LIFECYCLE_STAGE_LABELS[s.toStage]}`,
      values: s.points.map((p) => (p.averageDays === null ? null : Math.round(p.averageDays * 10) / 10)),
    })),
  };
}

/** Fetches a table's `.csv` twin with the staff token and hands it over (download or share sheet). */
async function exportCsv(
  table: AnalyticsTable,
  query: Record<string, string | number>,
  fromDay: string,
  toDay: string,
) {
  try {
    const file = await fetchStaffFile(`/api/staff/analytics/${table}.csv${toQueryString(query)}`);
    await handOverFile(file, `${T.fileNames[table]}-${fromDay}-${toDay}.csv`);
  } catch {
    void Taro.showToast({ title: T.exportFailed, icon: 'none' });
  }
}

function AnalyticsView({ canEnterCosts }: { canEnterCosts: boolean }) {
  const [filters, setFilters] = useState<AnalyticsFilters>({ days: 90, campusId: undefined, source: undefined });
  const [model, setModel] = useState<AttributionModel>('u_shaped');
  const campuses = useApiData(() =>
    api.request('/api/campuses', { schema: listCampusesResponseSchema, isAuthenticated: false }),
  );
  const { dashboard, attribution, queries } = useAnalytics(filters, model);
  const { fromDay, toDay } = queries.costs;
  const exportOf = (table: AnalyticsTable) => () => void exportCsv(table, queries[table], fromDay, toDay);
  usePullDownRefresh(() => {
    dashboard.reload();
    attribution.reload();
    setTimeout(() => Taro.stopPullDownRefresh(), 300);
  });

  const campusOptions = [ALL, ...(campuses.data?.campuses.map((c) => c.id) ?? [])];
  const campusLabels = Object.fromEntries([
    [ALL, T.allCampuses],
    ...(campuses.data?.campuses.map((c) => [c.id, c.name]) ?? []),
  ]) as Record<string, string>;
  const data = dashboard.data;
  const sources = data?.value.groups.map((g) => g.group ?? ALL).filter((s) => s !== ALL) ?? [];
  const sourceOptions = [ALL, ...sources];
  const sourceLabels = Object.fromEntries([[ALL, T.allSources], ...sources.map((s) => [s, formatSource(s)])]);

  return (
    <View className="workbench-page analytics">
      <View className="analytics__filters">
        <ChoiceChips
          options={PERIODS}
          labels={T.periods as unknown as Record<(typeof PERIODS)[number], string>}
          value={String(filters.days) as (typeof PERIODS)[number]}
          onChange={(days) => setFilters({ ...filters, days: Number(days) as AnalyticsFilters['days'] })}
        />
        <ChoiceChips
          options={campusOptions}
          labels={campusLabels}
          value={filters.campusId ?? ALL}
          onChange={(id) => setFilters({ ...filters, campusId: id || undefined })}
        />
        {sources.length > 0 && (
          <ChoiceChips
            options={sourceOptions}
            labels={sourceLabels}
            value={filters.source ?? ALL}
            onChange={(source) => setFilters({ ...filters, source: source || undefined })}
          />
        )}
      </View>
      {dashboard.status === 'error' && !data && (
        <PageStatus kind="error" message={dashboard.userMessage} onRetry={dashboard.reload} />
      )}
      {!data && dashboard.status === 'loading' && <PageStatus kind="loading" />}
      {data && (
        <View className={dashboard.status === 'loading' ? 'analytics__body analytics__body--stale' : 'analytics__body'}>
          <Text className="analytics__updated">
            {data.volume.updatedAt ? T.updatedAt(formatDateTime(data.volume.updatedAt)) : T.notFolded}
          </Text>
          <Section title={T.funnel} hint={T.funnelHint} onExport={exportOf('volume')}>
            <Funnel volume={data.volume} effectiveness={data.effectiveness} />
          </Section>
          <Section title={T.velocity} hint={T.velocityHint} onExport={exportOf('velocity')}>
            {data.velocity.series.length === 0 ? (
              <PageStatus kind="empty" message={T.empty} />
            ) : (
              <VelocityChart id="velocity-chart" {...toChartLines(data.velocity)} />
            )}
          </Section>
          <Section title={T.bySource} onExport={exportOf('value')}>
            {data.value.groups.length === 0 ? (
              <PageStatus kind="empty" message={T.empty} />
            ) : (
              <>
                <BarList
                  bars={data.value.groups.map((g) => ({
                    key: g.group ?? 'unknown',
                    label: formatSource(g.group),
                    value: g.newLeads,
                    caption: T.newLeads(g.newLeads),
                  }))}
                />
                <View className="analytics__gap" />
                <BarList
                  tone="green"
                  bars={data.value.groups.map((g) => ({
                    key: g.group ?? 'unknown',
                    label: formatSource(g.group),
                    value: g.revenueFen,
                    caption: yuan(g.revenueFen),
                  }))}
                />
              </>
            )}
          </Section>
          <Section title={T.roi} onExport={exportOf('efficiency')}>
            {data.efficiency.targets.filter((t) => t.target !== null).length === 0 ? (
              <PageStatus kind="empty" message={T.noCampaigns} />
            ) : (
              <View className="roi-table">
                <View className="roi-table__row roi-table__row--head">
                  {T.roiColumns.map((c) => (
                    <Text key={c} className="roi-table__cell">
                      {c}
                    </Text>
                  ))}
                </View>
                {data.efficiency.targets
                  .filter((t) => t.target !== null)
                  .map((t) => (
                    <View key={t.target ?? ''} className="roi-table__row">
                      <Text className="roi-table__cell roi-table__cell--name">{t.target}</Text>
                      <Text className="roi-table__cell">{yuan(t.costFen)}</Text>
                      <Text className="roi-table__cell">{t.newLeads}</Text>
                      <Text className="roi-table__cell">{t.customers}</Text>
                      <Text className="roi-table__cell">{yuan(t.revenueFen)}</Text>
                      <Text className={`roi-table__cell ${(t.roi ?? 0) < 0 ? 'roi-table__cell--loss' : ''}`}>
                        {percent(t.roi)}
                      </Text>
                    </View>
                  ))}
              </View>
            )}
          </Section>
        </View>
      )}
      <Section title={T.costs} hint={T.costsHint} onExport={exportOf('costs')}>
        <CostEntries
          fromDay={fromDay}
          toDay={toDay}
          canEdit={canEnterCosts}
          knownCampaigns={data?.efficiency.targets.flatMap((t) => (t.target === null ? [] : [t.target])) ?? []}
          onChanged={dashboard.reload}
        />
      </Section>
      <Section
        title={T.attribution}
        hint={attribution.data ? T.lookback(attribution.data.lookbackDays) : undefined}
        onExport={exportOf('attribution')}
      >
        <ChoiceChips options={ATTRIBUTION_MODELS} labels={T.models} value={model} onChange={setModel} />
        {attribution.status === 'error' && (
          <PageStatus kind="error" message={attribution.userMessage} onRetry={attribution.reload} />
        )}
        {attribution.status === 'loading' && !attribution.data && <PageStatus kind="loading" />}
        {attribution.data &&
          (attribution.data.groups.length === 0 ? (
            <PageStatus kind="empty" message={T.empty} />
          ) : (
            <>
              <BarList
                tone="orange"
                bars={attribution.data.groups.map((g) => ({
                  key: g.group ?? 'unknown',
                  label: g.group === null ? T.unknown : formatSource(g.group),
                  value: g.creditFen,
                  caption: `${yuan(g.creditFen)} · ${percent(g.share)}`,
                }))}
              />
              <Text className="analytics__hint">{T.unattributed(yuan(attribution.data.unattributedFen))}</Text>
            </>
          ))}
      </Section>
    </View>
  );
}

/** 数据 (issue 15 §2, managers): the funnel, stage velocity, sources, campaign ROI and attribution. */
export default function AnalyticsPage() {
  return (
    <StaffGate>
      {(staff) => <AnalyticsView canEnterCosts={staff.role === 'manager' && staff.isAllCampuses} />}
    </StaffGate>
  );
}
