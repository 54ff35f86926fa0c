/** `POST /api/touchpoints` (issue 4 item 6): a batch of 1–100 client events, idempotent by id. */
import { z } from 'zod';
import { clientTouchpointEventSchema } from '../events/touchpoint.js';

export const MAX_TOUCHPOINTS_PER_BATCH = 100;

export const ingestTouchpointsRequestSchema = z.strictObject({
  events: z
    .array(clientTouchpointEventSchema)
    .min(1, { error: '至少需要一个事件' })
    .max(MAX_TOUCHPOINTS_PER_BATCH, { error: `一次最多 ${MAX_TOUCHPOINTS_PER_BATCH} 个事件` }),
});
export type IngestTouchpointsRequest = z.infer<typeof ingestTouchpointsRequestSchema>;

/**
 * `duplicates` counts events whose id this prospect sent before (or twice in the batch): they
 * change nothing. An id is this prospect's own: another prospect's use of it is not a duplicate
 * (issue 8 item 9). `ignored` counts events the server records itself and does not take from a
 * device: downloads of gated content, recorded when the signed link is fetched (item 13).
 */
export const ingestTouchpointsResponseSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  ignored: z.number().int().min(0),
});
export type IngestTouchpointsResponse = z.infer<typeof ingestTouchpointsResponseSchema>;
