import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import './index.css';

const HOME = '/pages/index/index';

/** Back to the previous page, or home when the page was opened directly (a shared link, a reload). */
export function goBackOrHome() {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack();
  return Taro.switchTab({ url: HOME });
}

export interface SubPageProps {
  title: string;
  children: ReactNode;
}

/**
 * A page outside the tab bar (issue 14). In WeChat the system title bar already has its back
 * arrow; in H5 that bar is not drawn, so this header gives the way back. Pages render it around
 * every state (loading, error, content), so no state is a dead end.
 */
export function SubPage({ title, children }: SubPageProps) {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP) return <>{children}</>;
  return (
    <View className="sub-page">
      <View className="sub-page__header">
        <View className="sub-page__back" role="button" aria-label="返回" onClick={() => goBackOrHome()}>
          <View className="sub-page__chevron" />
          <Text>返回</Text>
        </View>
        <Text className="sub-page__title">{title}</Text>
      </View>
      {children}
    </View>
  );
}
