import type { InAppMessage } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ApiError } from '../../api';
import { PageStatus } from '../../components/page-status';
import { formatDateTime } from '../../format/date';
import type { useMyMessages } from '../../hooks/use-my-messages';
import { getMessageNavigation } from '../../messages/inbox';
import { TEXT } from './text';

const ME_PAGE = 'pages/me/index';

/**
 * Me → 消息 (issue 13 §1): the in-app messages campaigns send to leads without a WeChat grant.
 * Opening one marks it read (the server records the click for its campaign) and goes to its page.
 */
export function MessagesSection({ messages }: { messages: ReturnType<typeof useMyMessages> }) {
  const { loaded, inbox, markRead } = messages;

  const onOpen = async (message: InAppMessage) => {
    try {
      if (!(await markRead(message))) return;
    } catch (error) {
      const title = error instanceof ApiError ? error.userMessage : TEXT.messageFailed;
      void Taro.showToast({ title, icon: 'none' });
      return;
    }
    const to = getMessageNavigation(message, ME_PAGE);
    if (to.kind === 'switchTab') void Taro.switchTab({ url: to.url });
    else if (to.kind === 'navigateTo') void Taro.navigateTo({ url: to.url });
  };

  return (
    <>
      <View className="me__section-row">
        <Text className="me__section">{TEXT.messages}</Text>
        {inbox && inbox.unreadCount > 0 && <Text className="me__unread">{TEXT.unread(inbox.unreadCount)}</Text>}
      </View>
      {!inbox && loaded.status === 'loading' && <PageStatus kind="loading" message={TEXT.messagesLoading} />}
      {!inbox && loaded.status === 'error' && (
        <PageStatus kind="error" message={loaded.userMessage} onRetry={loaded.reload} />
      )}
      {inbox && inbox.messages.length === 0 && <PageStatus kind="empty" message={TEXT.noMessages} />}
      {inbox && inbox.messages.length > 0 && (
        <View className="card me__messages">
          {inbox.messages.map((m) => (
            <View
              key={m.id}
              className={`me__message ${m.readAt ? '' : 'me__message--unread'}`}
              onClick={() => void onOpen(m)}
            >
              <View className="me__message-head">
                {!m.readAt && <View className="me__dot" aria-label={TEXT.unreadMark} />}
                <Text className="me__message-title">{m.title}</Text>
                <Text className="muted me__message-time">{formatDateTime(m.createdAt)}</Text>
              </View>
              <Text className="me__message-body">{m.body}</Text>
            </View>
          ))}
        </View>
      )}
    </>
  );
}
