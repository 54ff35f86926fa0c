import Taro from '@tarojs/taro';
import { api, toApiUrl } from '../../api';
import { useApiData } from '../../hooks/use-api-data';

const isWeb = Taro.getEnv() === Taro.ENV_TYPE.WEB;

/**
 * A channel's code image (`GET …/code.png`), which needs the staff token: an <Image> cannot send
 * it, so the PNG is fetched first (H5: `fetch` to a blob URL; WeChat: `wx.downloadFile` with the
 * header, to a temporary file) and the page shows the local copy.
 */
async function loadCode(codeUrl: string): Promise<string> {
  const session = await api.ensureSession();
  const token = session.staff?.token;
  if (!token) throw new Error('no staff session');
  const url = toApiUrl(codeUrl);
  const header = { authorization: `Bearer ${token}` };
  if (isWeb) {
    const res = await fetch(url, { headers: header });
    if (!res.ok) throw new Error(`code.png answered ${res.status}`);
    return URL.createObjectURL(await res.blob());
  }
  const { statusCode, tempFilePath } = await Taro.downloadFile({ url, header });
  if (statusCode !== 200) throw new Error(`code.png answered ${statusCode}`);
  return tempFilePath;
}

export function useChannelCode(codeUrl: string | undefined) {
  return useApiData(() => (codeUrl ? loadCode(codeUrl) : new Promise<string>(() => undefined)), codeUrl);
}
