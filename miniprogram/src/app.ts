// First: zod decides when each schema is built whether to compile it (zod-config.ts).
import './zod-config';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { refreshUnreadDot } from './messages/unread-dot';
import { listenForPrivacyAuthorization } from './privacy';
import { tracker } from './tracking';
import './app.css';
import './app-components.css';

// Once per launch: WeChat's privacy requests go to the popup of the page that caused them.
listenForPrivacyAuthorization();

/**
 * The app shell. Beyond rendering pages: send what is queued when the app goes to the background,
 * the last moment WeChat guarantees to run our code before it may suspend or kill us; and on every
 * open or return, check for unread in-app messages (the dot on the Me tab, issue 13).
 */
function App({ children }: PropsWithChildren) {
  useDidShow(() => {
    void refreshUnreadDot();
  });
  useDidHide(() => {
    void tracker.flush();
  });
  return children;
}

export default App;
