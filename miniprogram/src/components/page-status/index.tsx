import { Button, Text, View } from '@tarojs/components';
import { PAGE_STATUS_TEXT } from './text';
import './index.css';

export type PageStatusKind = 'loading' | 'empty' | 'error';

export interface PageStatusProps {
  kind: PageStatusKind;
  /** Defaults to the kind's text; for errors, pass the ApiError's `userMessage`. */
  message?: string;
  /** Shows a retry button (errors only): only where trying again can help. */
  onRetry?: () => void;
  /** A way out, e.g. 返回首页 where the thing asked for does not exist. */
  exit?: { label: string; onTap: () => void };
}

/** The loading, empty and error states every page has (STYLE.md "The mini-program"). */
export function PageStatus({ kind, message, onRetry, exit }: PageStatusProps) {
  return (
    <View className={`page-status page-status--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <View className="page-status__spinner" />}
      <Text className="page-status__message">{message ?? PAGE_STATUS_TEXT[kind]}</Text>
      {kind === 'error' && onRetry && (
        <Button className="page-status__retry" size="mini" onClick={onRetry}>
          {PAGE_STATUS_TEXT.retry}
        </Button>
      )}
      {exit && (
        <Button className="page-status__exit" size="mini" onClick={exit.onTap}>
          {exit.label}
        </Button>
      )}
    </View>
  );
}
