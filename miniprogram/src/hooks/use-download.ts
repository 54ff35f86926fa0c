import Taro from '@tarojs/taro';
import { consoleLogger } from '../platform/logger';
import { DOWNLOAD_TEXT, type DownloadPlatform, type DownloadTarget, downloadContent } from './download-content';

const taroDownloads: DownloadPlatform = {
  isWeb: Taro.getEnv() === Taro.ENV_TYPE.WEB,
  openInBrowser: (url) => {
    window.open(url, '_blank');
  },
  downloadFile: async (url) => {
    const { statusCode, tempFilePath } = await Taro.downloadFile({ url });
    return { statusCode, tempFilePath };
  },
  openDocument: async (options) => {
    await Taro.openDocument({ ...options, showMenu: true });
  },
};

/**
 * A content item's download (download-content.ts): a loading toast while the file comes, the
 * system viewer when it is there, and a Chinese toast saying what went wrong when it is not.
 */
export function useDownload(): (target: DownloadTarget) => Promise<void> {
  return async (target) => {
    if (!taroDownloads.isWeb) void Taro.showLoading({ title: DOWNLOAD_TEXT.downloading, mask: true });
    const outcome = await downloadContent(taroDownloads, { apiBase: API_BASE, target, logger: consoleLogger });
    if (!taroDownloads.isWeb) Taro.hideLoading();
    if (outcome.kind === 'failed') void Taro.showToast({ title: outcome.userMessage, icon: 'none' });
  };
}
