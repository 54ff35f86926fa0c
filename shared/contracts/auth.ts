/**
 * `POST /api/auth/login` and `POST /api/auth/phone` (issue 4 item 5): a WeChat login code becomes a
 * short-lived signed token; a phone-number code binds the lead's phone.
 */
import { z } from 'zod';
import { isoDateTimeSchema } from '../fields.js';
import { leadViewSchema } from './leads.js';
import { staffSessionSchema } from './staff.js';

/** Roles a token can carry (SPEC §1): a prospect's own lead, or a staff member (issue 9 §1). */
export const AUTH_ROLES = ['prospect', 'advisor', 'manager'] as const;
export type AuthRole = (typeof AUTH_ROLES)[number];

const wechatCodeSchema = z.string().trim().min(1, { error: '缺少登录凭证' }).max(128);

export const loginRequestSchema = z.strictObject({ code: wechatCodeSchema });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  lead: leadViewSchema,
  /**
   * For staff (issue 9 §1): who they are and a second token for `/api/staff/*` (subject: the
   * staff id, role advisor or manager); `null` for everyone else. `token` stays the prospect's.
   */
  staff: staffSessionSchema.nullable(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const bindPhoneRequestSchema = z.strictObject({ code: wechatCodeSchema });
export type BindPhoneRequest = z.infer<typeof bindPhoneRequestSchema>;

export const bindPhoneResponseSchema = z.object({ phoneMasked: z.string() });
export type BindPhoneResponse = z.infer<typeof bindPhoneResponseSchema>;
