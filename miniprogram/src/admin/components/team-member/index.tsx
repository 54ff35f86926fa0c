import type { TeamMember } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import '../../workbench.css';
import './index.css';

export interface TeamMemberCardProps {
  member: TeamMember;
  onTransfer: (member: TeamMember) => void;
}

/** One advisor on the team page: load against capacity, SLA misses, conversion. */
export function TeamMemberCard({ member, onTransfer }: TeamMemberCardProps) {
  const stats = [
    ['跟进中', `${member.openLeads}/${member.capacity}`],
    ['待接受', String(member.heldLeads)],
    ['超时', String(member.overdueLeads)],
    ['30天超时', String(member.slaMisses30d)],
    ['30天接受', String(member.accepted30d)],
    ['转化率', `${(member.conversionRate * 100).toFixed(0)}%`],
  ] as const;
  return (
    <View className={`card team-member ${member.isActive ? '' : 'team-member--inactive'}`}>
      <View className="team-member__head">
        <Text className="team-member__name">{member.name}</Text>
        <Text className="tag">{member.role === 'manager' ? '主管' : '课程顾问'}</Text>
        {!member.isActive && <Text className="tag tag--danger">已停用</Text>}
        {member.overdueLeads > 0 && <Text className="tag tag--danger">{`${member.overdueLeads} 条超时`}</Text>}
      </View>
      <View className="team-member__stats">
        {stats.map(([label, value]) => (
          <View key={label} className="team-member__stat">
            <Text className="team-member__value">{value}</Text>
            <Text className="muted">{label}</Text>
          </View>
        ))}
      </View>
      {member.isActive && member.role === 'advisor' && (
        <Text className="link team-member__transfer" onClick={() => onTransfer(member)}>
          离职交接
        </Text>
      )}
    </View>
  );
}
