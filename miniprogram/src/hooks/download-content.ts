import type { DOWNLOAD_FILE_TYPES } from '@scrm/shared';
import { API_MESSAGES } from '../api/messages';
import type { Logger } from '../platform/logger';

export type DownloadFileType = (typeof DOWNLOAD_FILE_TYPES)[number];

/** A content item's file as the API gives it (`downloadUrl`, `downloadFileType`). */
export interface DownloadTarget {
  /** A root-relative API path (`/api/downloads/<id>?expires=…&sig=…`) or an absolute URL. */
  url: string;
  fileType: DownloadFileType | null;
}

/** The platform calls a download needs: wx.downloadFile and wx.openDocument, or the browser. */
export interface DownloadPlatform {
  isWeb: boolean;
  /** Opens the file in a new tab; must run in the tap, or the browser blocks the window. */
  openInBrowser(url: string): void;
  /** Resolves for every HTTP status (a 404 too); rejects only when nothing arrived. */
  downloadFile(url: string): Promise<{ statusCode: number; tempFilePath: string }>;
  openDocument(options: { filePath: string; fileType?: DownloadFileType }): Promise<void>;
}

export type DownloadOutcome = { kind: 'opened' } | { kind: 'failed'; userMessage: string };

/** Chinese texts of downloading a file. */
export const DOWNLOAD_TEXT = {
  downloading: '正在下载…',
  expired: '下载链接已失效，请刷新页面后重试',
  notFound: '文件不存在或已下架',
  failed: '下载失败，请稍后重试',
  cannotOpen: '文件已下载，但无法打开',
} as const;

/**
 * The URL to fetch. The API answers with a root-relative path, which a mini-program cannot fetch
 * (wx.downloadFile needs a full https URL on the downloadFile whitelist), so it is resolved
 * against the API origin the build fixed ('' in H5: same origin).
 */
export function resolveDownloadUrl(apiBase: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return `${apiBase}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** What a reply's status means for the user; null when the file arrived. */
function findStatusProblem(statusCode: number): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  // A signed link that expired or was not issued to this prospect (issue 8): a fresh one is a reload away.
  if (statusCode === 401 || statusCode === 403 || statusCode === 410) return DOWNLOAD_TEXT.expired;
  if (statusCode === 404) return DOWNLOAD_TEXT.notFound;
  return DOWNLOAD_TEXT.failed;
}

/** The link without its query (the signature), for logs. */
const withoutQuery = (url: string) => url.split('?')[0] ?? url;

/**
 * Downloads a content item's file and opens it with the system viewer, or opens it in a new tab
 * in H5. wx.downloadFile succeeds for any HTTP status, so the status is checked here: a 404 page
 * saved as a "PDF" would otherwise open as a broken document. The device does not report a
 * `content_download`: the server records it when the link is fetched (issue 8).
 */
export async function downloadContent(
  platform: DownloadPlatform,
  options: { apiBase: string; target: DownloadTarget; logger: Logger },
): Promise<DownloadOutcome> {
  const { target, logger } = options;
  const url = resolveDownloadUrl(options.apiBase, target.url);
  if (platform.isWeb) {
    platform.openInBrowser(url);
    return { kind: 'opened' };
  }
  let file: { statusCode: number; tempFilePath: string };
  try {
    file = await platform.downloadFile(url);
  } catch (error) {
    logger.warn('download failed: no reply', { url: withoutQuery(url), error: String(JSON.stringify(error)) });
    return { kind: 'failed', userMessage: API_MESSAGES.network };
  }
  const problem = findStatusProblem(file.statusCode);
  if (problem) {
    logger.warn('download refused', { url: withoutQuery(url), statusCode: file.statusCode });
    return { kind: 'failed', userMessage: problem };
  }
  try {
    await platform.openDocument({
      filePath: file.tempFilePath,
      ...(target.fileType ? { fileType: target.fileType } : {}),
    });
  } catch (error) {
    logger.warn('openDocument failed', { fileType: target.fileType, error: String(JSON.stringify(error)) });
    return { kind: 'failed', userMessage: DOWNLOAD_TEXT.cannotOpen };
  }
  return { kind: 'opened' };
}
