import { STAFF_LEAD_VIEW_LABELS, type StaffLeadView } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { StaffSession } from '../../../api';
import { BulkReassignBar } from '../../components/bulk-reassign-bar';
import { LeadFiltersBar } from '../../components/lead-filters';
import { LeadList } from '../../components/lead-list';
import { StaffCounters } from '../../components/staff-counters';
import { DemoStaffPicker, StaffGate } from '../../components/staff-gate';
import { type LeadFilters, useLeadList } from '../../hooks/use-lead-list';
import { useSelection } from '../../hooks/use-selection';
import { useStaffMe } from '../../hooks/use-staff-me';
import { canUseDemoStaff } from '../../hooks/use-staff-session';
import { WORKBENCH_TEXT as T } from '../../text';
import { TEXT } from './text';
import '../../workbench.css';
import './index.css';

const open = (url: string) => Taro.navigateTo({ url });

function LeadsView({ staff, signInAsDemo }: { staff: StaffSession; signInAsDemo: (user: string) => void }) {
  const isManager = staff.role === 'manager';
  const views: StaffLeadView[] = isManager ? ['team', 'mine', 'pool', 'overdue'] : ['mine', 'pool', 'overdue'];
  const [filters, setFilters] = useState<LeadFilters>({ view: views[0] ?? 'mine' });
  const [isSwitching, setSwitching] = useState(false);
  const list = useLeadList(filters);
  const me = useStaffMe();
  const selection = useSelection();
  const isFirstShow = useRef(true);

  // Back from a lead page: its state may have changed (accepted, returned, claimed).
  useDidShow(() => {
    if (isFirstShow.current) isFirstShow.current = false;
    else {
      void list.refresh();
      me.reload();
    }
  });
  usePullDownRefresh(() => {
    me.reload();
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (list.status === 'ready' && list.hasMore) void list.loadMore();
  });

  const { view, ...rest } = filters;
  const isFiltered = Boolean(rest.stage ?? rest.journey ?? rest.source ?? rest.q);
  return (
    <View className="workbench-page leads">
      <View className="leads__header">
        <Text className="leads__who">{T.signedInAs(staff.name, TEXT.roles[staff.role])}</Text>
        {isManager && (
          <View className="leads__links">
            <Text className="leads__link" onClick={() => open('/admin/pages/analytics/index')}>
              {TEXT.analytics}
            </Text>
            <Text className="leads__link" onClick={() => open('/admin/pages/team/index')}>
              {TEXT.team}
            </Text>
            <Text className="leads__link" onClick={() => open('/admin/pages/import/index')}>
              {TEXT.import}
            </Text>
            <Text className="leads__link" onClick={() => open('/admin/pages/channels/index')}>
              {TEXT.channels}
            </Text>
            {/* The model rescores every campus's leads, and campaigns reach every campus's leads:
                institution-wide managers only (access table). */}
            {staff.isAllCampuses && (
              <Text className="leads__link" onClick={() => open('/admin/pages/scoring/index')}>
                {TEXT.scoring}
              </Text>
            )}
            {staff.isAllCampuses && (
              <Text className="leads__link" onClick={() => open('/admin/pages/campaigns/index')}>
                {TEXT.campaigns}
              </Text>
            )}
            <Text className="leads__link" onClick={selection.selected ? selection.stop : selection.start}>
              {TEXT.bulkReassign}
            </Text>
          </View>
        )}
        {!isManager && (
          <View className="leads__links">
            <Text className="leads__link" onClick={() => open('/admin/pages/channels/index')}>
              {TEXT.myChannels}
            </Text>
          </View>
        )}
      </View>
      {!isManager && me.data && <StaffCounters me={me.data} />}
      <View className="leads__tabs">
        {views.map((v) => (
          <Text
            key={v}
            className={`leads__tab ${v === view ? 'leads__tab--active' : ''}`}
            onClick={() => {
              selection.stop();
              setFilters({ ...filters, view: v });
            }}
          >
            {STAFF_LEAD_VIEW_LABELS[v]}
          </Text>
        ))}
      </View>
      <LeadFiltersBar value={rest} onChange={(next) => setFilters({ view, ...next })} />
      <LeadList
        list={list}
        view={view}
        isFiltered={isFiltered}
        onOpen={(id) => open(`/admin/pages/lead/index?id=${id}`)}
        selected={selection.selected}
        onToggle={selection.toggle}
      />
      {selection.selected && (
        <BulkReassignBar
          leadIds={[...selection.selected]}
          onCancel={selection.stop}
          onDone={() => {
            selection.stop();
            void list.refresh();
          }}
        />
      )}
      {canUseDemoStaff && (
        <View className="leads__switch">
          <Text className="muted" onClick={() => setSwitching(!isSwitching)}>
            {T.switchAccount}
          </Text>
          {isSwitching && <DemoStaffPicker onPick={signInAsDemo} />}
        </View>
      )}
    </View>
  );
}

/**
 * 线索 (issue 9 §3): the ranked list, tabs 我的 / 公海 / 超时 (and a manager's 团队), filters,
 * search, pull to refresh and infinite scroll. E2E texts: the tab labels, a lead's masked phone.
 */
export default function LeadsPage() {
  return <StaffGate>{(staff, signInAsDemo) => <LeadsView staff={staff} signInAsDemo={signInAsDemo} />}</StaffGate>;
}
