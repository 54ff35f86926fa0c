import Taro from '@tarojs/taro';
import { tracker } from '../tracking';

/**
 * Downloads a content item's file and records the `content_download` touchpoint first, so the
 * download counts even when opening the file fails. H5 opens the file in a new tab; in WeChat the
 * file is downloaded and opened with the system viewer.
 */
export function useDownload(): (contentId: string, url: string) => Promise<void> {
  return async (contentId, url) => {
    tracker.track('content_download', { contentId, props: { format: 'pdf' } });
    void tracker.flush();
    const absolute = url.startsWith('http') ? url : `${API_BASE}${url}`;
    if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
      window.open(absolute, '_blank');
      return;
    }
    const { tempFilePath } = await Taro.downloadFile({ url: absolute });
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
  };
}
