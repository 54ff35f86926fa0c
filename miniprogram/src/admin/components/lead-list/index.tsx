import type { StaffLeadView } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { PageStatus } from '../../../components/page-status';
import type { LeadListState } from '../../hooks/use-lead-list';
import { WORKBENCH_TEXT as T } from '../../text';
import { LeadRow } from '../lead-row';
import '../../workbench.css';
import './index.css';

export interface LeadListProps {
  list: LeadListState & { refresh: () => Promise<void>; loadMore: () => Promise<void> };
  view: StaffLeadView;
  isFiltered: boolean;
  onOpen: (id: string) => void;
  /** Selection mode (a manager's batch 改派): the picked ids and the toggle. */
  selected: ReadonlySet<string> | null;
  onToggle: (id: string) => void;
}

/** The rows of the lead list with its loading, empty, error and "more" states. */
export function LeadList({ list, view, isFiltered, onOpen, selected, onToggle }: LeadListProps) {
  if (list.status === 'loading') return <PageStatus kind="loading" />;
  if (list.status === 'error' && list.items.length === 0)
    return <PageStatus kind="error" message={list.userMessage ?? undefined} onRetry={() => void list.refresh()} />;
  if (list.items.length === 0)
    return <PageStatus kind="empty" message={isFiltered ? T.emptyFiltered : T.empty[view]} />;
  const footer =
    list.status === 'more' ? T.loadingMore : list.status === 'error' ? T.loadMoreFailed : list.hasMore ? '' : T.noMore;
  return (
    <View className={selected ? 'lead-list lead-list--selecting' : 'lead-list'}>
      {list.items.map((lead) => (
        <LeadRow
          key={lead.id}
          lead={lead}
          isOwnerShown={view === 'team' || view === 'overdue'}
          onOpen={onOpen}
          selection={selected ? { isSelected: selected.has(lead.id), onToggle } : undefined}
        />
      ))}
      <Text className="lead-list__more muted" onClick={() => list.status === 'error' && void list.loadMore()}>
        {footer}
      </Text>
    </View>
  );
}
