/**
 * Reusable fields of every contract, in one place (STYLE.md "Contracts live in shared/").
 * Messages that a prospect or an advisor can see are in Simplified Chinese.
 */
import { z } from 'zod';

/** A client-generated UUID: the idempotency key of a touchpoint (SPEC §2.1). */
export const eventIdSchema = z.uuid({ error: 'id 必须是 UUID' });

/** Any server-side entity id. */
export const entityIdSchema = z.uuid({ error: '无效的编号' });

/** ISO 8601 instant with an explicit offset, e.g. `2026-11-22T08:00:00.000Z`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: '时间格式无效（需要 ISO 8601）' });

/** Mainland China mobile number: 11 digits starting with 1 (optionally prefixed by +86). */
export const phoneSchema = z
  .string()
  .trim()
  // On the input side, before the transform hides the format from the JSON Schema (API document).
  .meta({
    description: 'Mainland mobile number, 11 digits starting with 1; `+86`, spaces and dashes are removed',
    examples: ['13800138000', '+86 138-0013-8000'],
  })
  .transform((value) => value.replace(/^\+?86[- ]?/, '').replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: '请输入 11 位手机号' }));

/** Short free text shown back to people (names, titles): trimmed, bounded. */
export const shortTextSchema = (max = 50) =>
  z
    .string()
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不能超过 ${max} 个字` });

/** utm-like attribution (SPEC §2.1): where the interaction came from. */
export const channelSchema = z.string().trim().min(1).max(64);
export const campaignIdSchema = z.string().trim().min(1).max(64);
export const referrerSchema = z.string().trim().min(1).max(200);

/** Masks a mainland mobile number for lists: `138****5678` (SPEC §4 "phone numbers are masked in lists"). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
