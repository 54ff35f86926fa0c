/**
 * `GET /api/me/subscriptions` (SPEC §2.5): the prospect's one-time subscribe-message grants per
 * template. Each accepted request allows exactly one message of its template; `remaining` is what
 * campaigns may still send.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../fields.js';

export const mySubscriptionSchema = z.object({
  templateId: z.string(),
  granted: z.number().int().min(0),
  spent: z.number().int().min(0),
  remaining: z.number().int().min(0),
  lastGrantedAt: isoDateTimeSchema.nullable(),
  lastRejectedAt: isoDateTimeSchema.nullable(),
});
export type MySubscription = z.infer<typeof mySubscriptionSchema>;

export const listMySubscriptionsResponseSchema = z.object({ subscriptions: z.array(mySubscriptionSchema) });
export type ListMySubscriptionsResponse = z.infer<typeof listMySubscriptionsResponseSchema>;
