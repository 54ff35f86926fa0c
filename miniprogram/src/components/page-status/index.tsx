import { Button, Text, View } from '@tarojs/components';
import { PAGE_STATUS_TEXT } from './text';
import './index.css';

export type PageStatusKind = 'loading' | 'empty' | 'error';

export interface PageStatusProps {
  kind: PageStatusKind;
  /** Defaults to the kind's text; for errors, pass the ApiError's `userMessage`. */
  message?: string;
  /** Shows a retry button (errors only). */
  onRetry?: () => void;
}

/** The loading, empty and error states every page has (STYLE.md "The mini-program"). */
export function PageStatus({ kind, message, onRetry }: PageStatusProps) {
  return (
    <View className={`page-status page-status--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <View className="page-status__spinner" />}
      <Text className="page-status__message">{message ?? PAGE_STATUS_TEXT[kind]}</Text>
      {kind === 'error' && onRetry && (
        <Button className="page-status__retry" size="mini" onClick={onRetry}>
          {PAGE_STATUS_TEXT.retry}
        </Button>
      )}
    </View>
  );
}
