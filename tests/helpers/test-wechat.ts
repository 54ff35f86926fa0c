/**
 * The WeChat stand-in for route tests: one per test file, started on first use on a free port
 * (the network edge is the only thing tests stand in for, STYLE.md "Tests").
 */
import { createMemoryStore } from '../../server/redis/memory.js';
import type { SharedStore } from '../../server/redis/types.js';
import { createWechatClient, type WechatClient } from '../../server/wechat/client.js';
import { STAND_IN_CREDENTIALS, startWechatStandIn } from '../../server/wechat/stand-in/start-stand-in.js';

let standIn: ReturnType<typeof startWechatStandIn> | undefined;

export interface TestWechat {
  url: string;
  /** What the user does in WeChat's UI: accept a one-time subscription to a template. */
  grant(openid: string, templateId: string, count?: number): Promise<void>;
  /** Messages the stand-in accepted. */
  messages(): Promise<
    { touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }[]
  >;
}

export async function getTestWechat(): Promise<TestWechat> {
  standIn ??= startWechatStandIn();
  const { url } = await standIn;
  return {
    url,
    grant: async (openid, templateId, count = 1) => {
      await fetch(`${url}/__standin/grant`, { method: 'POST', body: JSON.stringify({ openid, templateId, count }) });
    },
    messages: async () => ((await (await fetch(`${url}/__standin/messages`)).json()) as { messages: [] }).messages,
  };
}

export function createTestWechatClient(url: string, store: SharedStore = createMemoryStore()): WechatClient {
  return createWechatClient({ baseUrl: url, ...STAND_IN_CREDENTIALS, store });
}

export async function disposeTestWechat(): Promise<void> {
  const current = standIn;
  standIn = undefined;
  if (current) await (await current).close();
}
