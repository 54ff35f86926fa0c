import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { PageStatus } from '../../../components/page-status';
import { LeadActions } from '../../components/lead-actions';
import { LeadHeader } from '../../components/lead-header';
import { AssignmentHistory } from '../../components/lead-sections/assignment-history';
import { LeadBookings } from '../../components/lead-sections/lead-bookings';
import { LeadFacts } from '../../components/lead-sections/lead-facts';
import { LeadTimeline } from '../../components/lead-sections/lead-timeline';
import { ScoreBreakdown } from '../../components/lead-sections/score-breakdown';
import { StageHistory } from '../../components/lead-sections/stage-history';
import { StaffGate } from '../../components/staff-gate';
import { useLeadAction } from '../../hooks/use-lead-action';
import { useLeadDetail } from '../../hooks/use-lead-detail';
import { TEXT } from './text';
import '../../workbench.css';
import '../../components/lead-sections/index.css';
import './index.css';

function LeadView({ leadId }: { leadId: string }) {
  const { detail, timeline, hasOlder, isLoadingOlder, loadOlder } = useLeadDetail(leadId);
  const { run, pending } = useLeadAction(leadId, detail.reload);
  usePullDownRefresh(() => {
    detail.reload();
    void Taro.stopPullDownRefresh();
  });

  if (detail.status === 'error' && !detail.data)
    return <PageStatus kind="error" message={detail.userMessage} onRetry={detail.reload} />;
  if (!detail.data) return <PageStatus kind="loading" />;
  const data = detail.data;
  return (
    <View className="workbench-page lead">
      <LeadHeader detail={data} />
      <LeadActions detail={data} pending={pending} run={run} onChanged={detail.reload} />
      <ScoreBreakdown score={data.score} />
      <LeadBookings
        bookings={data.bookings}
        canMark={data.allowedActions.includes('attendance')}
        onMark={(bookingId, status) => void run('attendance', { bookingId, status })}
      />
      <LeadTimeline items={timeline} hasOlder={hasOlder} isLoadingOlder={isLoadingOlder} onLoadOlder={loadOlder} />
      <StageHistory detail={data} />
      <AssignmentHistory assignments={data.assignments} />
      <LeadFacts detail={data} />
    </View>
  );
}

/**
 * 线索详情 (issue 9 §3, §4): header with score and stage, the actions the API allows, 评分明细,
 * bookings, 时间线, 阶段历程, 分配记录, BANT, enrolments and notes. E2E texts: 接受, 记录跟进, 已到课, 记录报名.
 */
export default function LeadPage() {
  const leadId = useRouter().params.id;
  if (!leadId) return <PageStatus kind="error" message={TEXT.missingId} />;
  return <StaffGate>{() => <LeadView leadId={leadId} />}</StaffGate>;
}
