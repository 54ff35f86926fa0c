/** Serves the WeChat stand-in on a local port (`port: 0` picks a free one). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { STAND_IN_CREDENTIALS, STAND_IN_TEMPLATE_IDS, STAND_IN_TEMPLATE_IDS_BY_KEY } from './credentials.js';
import { createWechatStandIn, type StandInOptions } from './stand-in-app.js';

export { STAND_IN_CREDENTIALS, STAND_IN_TEMPLATE_IDS, STAND_IN_TEMPLATE_IDS_BY_KEY };

export async function startWechatStandIn(
  options: Partial<StandInOptions> & { port?: number; host?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createWechatStandIn({
    appId: options.appId ?? STAND_IN_CREDENTIALS.appId,
    secret: options.secret ?? STAND_IN_CREDENTIALS.secret,
    templateIds: options.templateIds ?? STAND_IN_TEMPLATE_IDS,
    publishedPages: options.publishedPages,
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
