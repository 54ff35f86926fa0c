import type { TeamMember } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { StaffGate } from '../../components/staff-gate';
import { TeamMemberCard } from '../../components/team-member';
import { useTeam } from '../../hooks/use-team';
import '../../workbench.css';

function TeamView() {
  const { team, transfer } = useTeam();
  const onTransfer = async (member: TeamMember) => {
    const content = `${member.name} 的 ${member.openLeads + member.heldLeads} 条线索将轮流分给同校区其他顾问（名额不足的进入公海），并停用该账号。确定吗？`;
    if (!(await Taro.showModal({ title: '离职交接', content })).confirm) return;
    try {
      const r = await transfer(member.id);
      const title = `已交接：分配 ${r.reassigned}，进入公海 ${r.pooled}，释放 ${r.released}`;
      void Taro.showModal({ title: '交接完成', content: title, showCancel: false });
    } catch (error) {
      const title = error instanceof ApiError ? error.userMessage : '操作失败';
      void Taro.showToast({ title, icon: 'none' });
    }
  };

  if (team.status === 'error' && !team.data)
    return <PageStatus kind="error" message={team.userMessage} onRetry={team.reload} />;
  if (!team.data) return <PageStatus kind="loading" />;
  const { advisors } = team.data;
  return (
    <View className="workbench-page team">
      <Text className="muted">
        近 30 天的接单与超时；转化率 = 报名 / 接受过的线索。改派单条线索请在线索详情中操作。
      </Text>
      <Text className="link" onClick={() => void Taro.navigateTo({ url: '/admin/pages/channels/index' })}>
        渠道码：为展会、海报、顾问名片生成小程序码 ›
      </Text>
      {advisors.length === 0 && <PageStatus kind="empty" message="你管理的校区还没有顾问" />}
      {advisors.map((m) => (
        <TeamMemberCard key={m.id} member={m} onTransfer={(member) => void onTransfer(member)} />
      ))}
    </View>
  );
}

/** 团队 (issue 9 §4, managers): each advisor's load, SLA misses and conversion; a leaver's hand-over. */
export default function TeamPage() {
  return <StaffGate>{() => <TeamView />}</StaffGate>;
}
