import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

export interface ActionSheetProps {
  title: string;
  submitLabel?: string;
  isPending: boolean;
  /** The API's refusal, kept on screen beside the form. */
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A form for one action, sliding over the bottom of the lead page. */
export function ActionSheet(props: ActionSheetProps) {
  return (
    <View className="action-sheet">
      <View className="action-sheet__mask" onClick={props.onClose} />
      <View className="action-sheet__panel">
        <View className="action-sheet__head">
          <Text className="action-sheet__title">{props.title}</Text>
          <Text className="muted" onClick={props.onClose}>
            关闭
          </Text>
        </View>
        {props.children}
        {props.error && <Text className="form-error">{props.error}</Text>}
        {/* `disabled={false}` still renders the attribute in H5, where `[disabled]` styles it as off. */}
        <Button className="primary-button" disabled={props.isPending || undefined} onClick={props.onSubmit}>
          {props.isPending ? '提交中…' : (props.submitLabel ?? '提交')}
        </Button>
      </View>
    </View>
  );
}
