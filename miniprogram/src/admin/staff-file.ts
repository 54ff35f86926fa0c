import Taro from '@tarojs/taro';
import { api, toApiUrl } from '../api';

const isWeb = Taro.getEnv() === Taro.ENV_TYPE.WEB;

/** `?a=1&b=2` from a query object (mini-program runtimes lack `URLSearchParams`). */
export function toQueryString(query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/**
 * A file from a staff route (a channel's code PNG, a CSV export), which needs the staff token: an
 * <Image> or a link cannot send it, so the file is fetched first (H5: `fetch` to a blob URL;
 * WeChat: `wx.downloadFile` with the header, to a temporary file) and the caller uses the local copy.
 */
export async function fetchStaffFile(path: string): Promise<string> {
  const session = await api.ensureSession();
  const token = session.staff?.token;
  if (!token) throw new Error('no staff session');
  const url = toApiUrl(path);
  const header = { authorization: `Bearer ${token}` };
  if (isWeb) {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return URL.createObjectURL(await res.blob());
  }
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header });
  if (statusCode !== 200) throw new Error(`${path} answered ${statusCode}`);
  return tempFilePath;
}

/**
 * Hands a fetched file to the manager: a download in the browser; in WeChat, which cannot open a
 * CSV in place, the share sheet that sends it to a chat (文件传输助手 opens it on a computer).
 */
export async function handOverFile(localPath: string, fileName: string): Promise<void> {
  if (isWeb) {
    const link = document.createElement('a');
    link.href = localPath;
    link.download = fileName;
    link.click();
    return;
  }
  await Taro.shareFileMessage({ filePath: localPath, fileName });
}
