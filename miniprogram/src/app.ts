// First: zod decides when each schema is built whether to compile it (zod-config.ts).
import './zod-config';
import { useDidHide } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { listenForPrivacyAuthorization } from './privacy';
import { tracker } from './tracking';
import './app.css';
import './app-components.css';

// Once per launch: WeChat's privacy requests go to the popup of the page that caused them.
listenForPrivacyAuthorization();

/**
 * The app shell. Its one job beyond rendering pages: send what is queued when the app goes to the
 * background, the last moment WeChat guarantees to run our code before it may suspend or kill us.
 */
function App({ children }: PropsWithChildren) {
  useDidHide(() => {
    void tracker.flush();
  });
  return children;
}

export default App;
