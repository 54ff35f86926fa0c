import Taro from '@tarojs/taro';
import type { HttpTransport } from './client';

/**
 * `Taro.request` as the client's transport. Both wx.request and Taro's H5 fetch wrapper resolve
 * for every HTTP status and reject only when no reply arrived, which is the contract of
 * HttpTransport.
 */
export const taroHttp: HttpTransport = async (request) => {
  const reply = await Taro.request<unknown>({
    url: request.url,
    method: request.method,
    header: request.headers,
    data: request.body,
    timeout: request.timeoutMs,
    dataType: 'json',
  });
  return { status: reply.statusCode, body: reply.data };
};
