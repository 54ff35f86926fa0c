/**
 * A typed client of the stand-in's control endpoints (`/__standin/…`), for tests and the demo:
 * what a user does in WeChat's own UI (accept or withdraw a subscription) and what a test inspects
 * or arranges (the grant ledger, the message log, calls, injected failures).
 */
import type { StandInEndpoint, StandInFault } from './faults.js';
import type { GrantBalance } from './grant-ledger.js';
import type { SentMessage } from './stand-in-app.js';

export type StandInControl = ReturnType<typeof createStandInControl>;

export function createStandInControl(baseUrl: string) {
  const url = (path: string) => `${baseUrl.replace(/\/$/, '')}/__standin/${path}`;
  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(url(path), { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`stand-in ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const get = async <T>(path: string): Promise<T> => (await (await fetch(url(path))).json()) as T;

  return {
    /** The user accepts `count` one-time subscriptions to the template (WeChat would know). */
    grant: (openid: string, templateId: string, count = 1) =>
      post<GrantBalance>('grant', { openid, templateId, count }),
    /** The user turns the template off in WeChat's settings: unspent grants are gone. */
    withdrawGrant: (openid: string, templateId: string) => post<GrantBalance>('withdraw-grant', { openid, templateId }),
    ledger: (openid: string, templateId: string) =>
      get<GrantBalance>(`ledger?${new URLSearchParams({ openid, templateId })}`),
    /** The next `times` calls of `endpoint` fail with `fault`. */
    failNext: (endpoint: StandInEndpoint, fault: StandInFault, times = 1) =>
      post<{ ok: true }>('fail-next', { endpoint, fault, times }),
    clearFaults: () => post<{ ok: true }>('clear-faults', {}),
    expireToken: () => post<{ ok: true }>('expire-token', {}),
    /** Messages the stand-in accepted, optionally for one user. */
    messages: async (touser?: string) =>
      (await get<{ messages: SentMessage[] }>(`messages${touser ? `?${new URLSearchParams({ touser })}` : ''}`))
        .messages,
    calls: async () => (await get<{ calls: Partial<Record<StandInEndpoint, number>> }>('calls')).calls,
  };
}
