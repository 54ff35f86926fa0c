/**
 * `POST /api/registrations` (issue 4 item 7): a prospect gives contact and profile, with consent.
 * Consent (privacy policy version and time) is required before personal data is stored (SPEC §4).
 */
import { z } from 'zod';
import {
  campaignIdSchema,
  channelSchema,
  entityIdSchema,
  isoDateTimeSchema,
  phoneSchema,
  shortTextSchema,
} from '../fields.js';
import { ENROL_TIMELINES, GRADE_BANDS } from '../scoring/index.js';
import { leadViewSchema } from './leads.js';

export const REGISTRATION_ROLES = ['student', 'parent'] as const;

export const consentSchema = z.strictObject(
  {
    policyVersion: z.string().trim().min(1, { error: '缺少隐私政策版本' }).max(32),
    agreedAt: isoDateTimeSchema,
  },
  { error: '请先阅读并同意隐私政策' },
);
export type Consent = z.infer<typeof consentSchema>;

export const createRegistrationRequestSchema = z.strictObject({
  name: shortTextSchema(30),
  phone: phoneSchema,
  role: z.enum(REGISTRATION_ROLES, { error: '请选择学生或家长' }),
  grade: z.enum(GRADE_BANDS, { error: '请选择年级' }),
  courseId: entityIdSchema,
  timeline: z.enum(ENROL_TIMELINES, { error: '请选择计划报名时间' }),
  campusId: entityIdSchema,
  city: z.string().trim().min(1).max(32).optional(),
  channel: channelSchema.optional(),
  campaignId: campaignIdSchema.optional(),
  /** The lead who shared the page this prospect came from (SPEC §2.1 referral). */
  referrerLeadId: entityIdSchema.optional(),
  consent: consentSchema,
});
export type CreateRegistrationRequest = z.infer<typeof createRegistrationRequestSchema>;
export type CreateRegistrationInput = z.input<typeof createRegistrationRequestSchema>;

export const createRegistrationResponseSchema = z.object({ lead: leadViewSchema });
export type CreateRegistrationResponse = z.infer<typeof createRegistrationResponseSchema>;
