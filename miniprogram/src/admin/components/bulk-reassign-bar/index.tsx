import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ReassignForm } from '../lead-actions/reassign-form';
import '../../workbench.css';
import './index.css';

export interface BulkReassignBarProps {
  leadIds: string[];
  onCancel: () => void;
  onDone: () => void;
}

/** A manager's batch 改派 (issue 9 §4 "reassign one or many"): the picked rows, then the advisor. */
export function BulkReassignBar({ leadIds, onCancel, onDone }: BulkReassignBarProps) {
  const [isChoosing, setChoosing] = useState(false);
  return (
    <View className="bulk-bar">
      <Text className="bulk-bar__count">{`已选 ${leadIds.length} 条`}</Text>
      <Text className="muted" onClick={onCancel}>
        取消
      </Text>
      <Text
        className={`bulk-bar__go ${leadIds.length === 0 ? 'bulk-bar__go--off' : ''}`}
        onClick={() => leadIds.length > 0 && setChoosing(true)}
      >
        改派
      </Text>
      {isChoosing && (
        <ReassignForm leadIds={leadIds} currentOwnerId={null} onDone={onDone} onClose={() => setChoosing(false)} />
      )}
    </View>
  );
}
