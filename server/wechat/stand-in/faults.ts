/**
 * Failures a test makes the stand-in answer next (issue 13: each WeChat error path has a test), as
 * the real API would under load or with a stale token: an errcode (45009, 40001, -1…) or a network
 * failure. `drop` closes the connection before the request is handled (WeChat never acted);
 * `drop_after_accept` handles it and then closes the connection (WeChat acted, the caller cannot
 * know: the "unknown outcome" of a send).
 */
import { z } from 'zod';

export const STAND_IN_ENDPOINTS = [
  'jscode2session',
  'stable_token',
  'subscribe_send',
  'getuserphonenumber',
  'getwxacodeunlimit',
] as const;
export type StandInEndpoint = (typeof STAND_IN_ENDPOINTS)[number];

export const faultRequestSchema = z.object({
  endpoint: z.enum(STAND_IN_ENDPOINTS),
  /** How many of the next calls fail this way (default 1). */
  times: z.number().int().min(1).max(1000).default(1),
  fault: z.union([
    z.object({ errcode: z.number().int(), errmsg: z.string().default('injected by the stand-in') }),
    z.object({ network: z.enum(['drop', 'drop_after_accept']) }),
  ]),
});
export type StandInFault = z.infer<typeof faultRequestSchema>['fault'];

export function createFaultQueue() {
  const queues = new Map<StandInEndpoint, StandInFault[]>();
  return {
    push(endpoint: StandInEndpoint, fault: StandInFault, times: number): void {
      const queue = queues.get(endpoint) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      queues.set(endpoint, queue);
    },
    /** The fault for this call, if one is queued. */
    take(endpoint: StandInEndpoint): StandInFault | null {
      return queues.get(endpoint)?.shift() ?? null;
    },
    clear(): void {
      queues.clear();
    },
  };
}
