/**
 * Prospects' tracking clients for the fault suite, behaving as the mini-program's tracker does
 * (miniprogram/src/tracking): events get their id once, on the device; a batch is sent until a
 * 2xx acknowledges it, with the same ids on every retry; a reply lost after the server stored the
 * batch makes the device send it again; two sends of one batch can overlap.
 */
import { createSeededRandom, type TouchpointEventInput } from '@scrm/shared';

export interface ClientPlan {
  leadId: string;
  token: string;
  events: TouchpointEventInput[];
}

export interface ClientReport {
  leadId: string;
  /** Ids acknowledged by a 2xx reply. */
  acked: Set<string>;
  /** Requests that failed without a 2xx (connection reset while the server was down, 5xx, 429). */
  failedAttempts: number;
}

const HOUR = 3_600_000;
const TEMPLATES = ['tpl-fault-a', 'tpl-fault-b'];

/** `count` events of the kinds a prospect's device reports, spread over the last two days. */
export function planEvents(seed: number, count: number, now: Date): TouchpointEventInput[] {
  const random = createSeededRandom(seed);
  const uuid = () => '10000000-0000-4000-8000-000000000000'.replace(/0/g, () => Math.floor(random() * 16).toString(16));
  const contents = [uuid(), uuid(), uuid()];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (): TouchpointEventInput => {
    const base = { id: uuid(), occurredAt: new Date(now.getTime() - Math.floor(random() * 48 * HOUR)).toISOString() };
    const kind = Math.floor(random() * 6);
    if (kind === 0) return { ...base, type: 'content_view', contentId: pick(contents), props: { durationMs: 90_000 } };
    if (kind === 1) return { ...base, type: 'content_download', contentId: pick(contents), props: {} };
    if (kind === 2) return { ...base, type: 'subscribe_accept', props: { templateId: pick(TEMPLATES) } };
    if (kind === 3) return { ...base, type: 'share', props: { page: '/pages/index/index' } };
    if (kind === 4) return { ...base, type: 'consultation_request', props: {} };
    return { ...base, type: 'page_view', props: { page: '/pages/index/index', durationMs: 60_000 } };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends every batch until acknowledged. `onAck` runs after each 2xx (the suite kills the server
 * after so many). A 4xx other than 429 is a bug in the suite or the server: it throws.
 */
export async function runClient(
  plan: ClientPlan,
  options: { baseUrl: string; batchSize: number; onAck: () => void },
): Promise<ClientReport> {
  const report: ClientReport = { leadId: plan.leadId, acked: new Set(), failedAttempts: 0 };
  const send = async (batch: TouchpointEventInput[]): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const res = await fetch(`${options.baseUrl}/api/touchpoints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` },
          body: JSON.stringify({ events: batch }),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await res.text();
        if (res.ok) {
          for (const event of batch) report.acked.add(event.id);
          options.onAck();
          return;
        }
        if (res.status !== 429 && res.status < 500) throw new Error(`refused ${res.status}: ${text}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('refused')) throw error;
      }
      report.failedAttempts += 1;
      // The tracker's backoff, shortened: the server is usually back within seconds.
      await sleep(Math.min(200 * 2 ** Math.min(attempt, 4), 2_000));
    }
  };
  const batches: TouchpointEventInput[][] = [];
  for (let i = 0; i < plan.events.length; i += options.batchSize) {
    batches.push(plan.events.slice(i, i + options.batchSize));
  }
  for (const [i, batch] of batches.entries()) {
    // Every third batch goes out twice at once (a retry racing a slow first send).
    await (i % 3 === 1 ? Promise.all([send(batch), send(batch)]) : send(batch));
    // Every fourth is sent again after its ack (the reply was lost on the device's side).
    if (i % 4 === 3) await send(batch);
  }
  return report;
}
