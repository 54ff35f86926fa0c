import type { StaffLeadListItem } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { formatAgo, formatSlaDue, formatSource } from '../../format';
import { WORKBENCH_TEXT as T } from '../../text';
import '../../workbench.css';
import './index.css';

export interface LeadRowProps {
  lead: StaffLeadListItem;
  /** Show the owner (the manager's team view). */
  isOwnerShown?: boolean;
  onOpen: (id: string) => void;
  /** In selection mode: a tap picks the row instead of opening it. */
  selection?: { isSelected: boolean; onToggle: (id: string) => void };
}

/** One lead of the ranked list: who, how to reach them (masked), where they stand, what is due. */
export function LeadRow({ lead, isOwnerShown = false, onOpen, selection }: LeadRowProps) {
  const isAwaitingAccept = lead.owner !== null && lead.acceptedAt === null && lead.slaDueAt !== null;
  return (
    <View
      className={`card lead-row ${selection?.isSelected ? 'lead-row--selected' : ''}`}
      onClick={() => (selection ? selection.onToggle(lead.id) : onOpen(lead.id))}
    >
      <View className="lead-row__top">
        {selection && <Text className="lead-row__check">{selection.isSelected ? '✓' : ''}</Text>}
        <Text className="lead-row__name">{lead.name ?? '未留名'}</Text>
        <Text className="lead-row__phone">{lead.phoneMasked ?? '无手机号'}</Text>
        <Text className="lead-row__score">{lead.score.toFixed(1)}</Text>
      </View>
      <View className="tags">
        <Text className="tag tag--stage">{`${lead.stageCode} ${lead.stageLabel}`}</Text>
        <Text className="tag">{lead.journeyLabel}</Text>
        <Text className="tag">{formatSource(lead.source)}</Text>
        {isAwaitingAccept && lead.slaDueAt && (
          <Text className={`tag ${lead.isOverdue ? 'tag--danger' : 'tag--accent'}`}>
            {`${T.sla} ${formatSlaDue(lead.slaDueAt)}`}
          </Text>
        )}
      </View>
      <View className="lead-row__bottom">
        <Text className="muted">
          {lead.lastActivityAt ? `${T.lastActivity} ${formatAgo(lead.lastActivityAt)}` : T.noActivity}
        </Text>
        {isOwnerShown && <Text className="muted">{lead.owner ? lead.owner.name : T.unowned}</Text>}
      </View>
    </View>
  );
}
