import {
  type CreateRegistrationInput,
  type CreateRegistrationResponse,
  createRegistrationResponseSchema,
  type ENROL_TIMELINES,
  type GRADE_BANDS,
  type REGISTRATION_ROLES,
} from '@scrm/shared';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import { API_MESSAGES } from '../api/messages';
import { PRIVACY_POLICY_VERSION } from '../privacy-policy';
import { type FieldErrors, useFieldErrors } from './use-field-errors';

export interface RegistrationDraft {
  name: string;
  phone: string;
  role?: (typeof REGISTRATION_ROLES)[number];
  grade?: Exclude<(typeof GRADE_BANDS)[number], 'unknown'>;
  courseId?: string;
  timeline?: (typeof ENROL_TIMELINES)[number];
  campusId?: string;
  hasConsent: boolean;
}

export type RegistrationField = keyof RegistrationDraft;

/** What the form says under each field; the server's contract (shared/) says the same in its words. */
export const REGISTRATION_ERRORS = {
  nameEmpty: '请输入姓名',
  nameLong: '姓名不能超过 30 个字',
  phoneEmpty: '请输入手机号',
  phoneBad: '请输入以 1 开头的 11 位手机号',
  role: '请选择你是学生本人还是家长',
  grade: '请选择年级',
  courseId: '请选择意向课程',
  timeline: '请选择计划何时报名',
  campusId: '请选择校区',
  consent: '请勾选同意《隐私政策》后再提交',
} as const;

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** Every error of the draft, in the order of the form's fields; empty when it can be sent. */
export function validateRegistration(draft: RegistrationDraft): FieldErrors<RegistrationField> {
  const errors: FieldErrors<RegistrationField> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = REGISTRATION_ERRORS.nameEmpty;
  else if (name.length > 30) errors.name = REGISTRATION_ERRORS.nameLong;
  const phone = draft.phone.replace(/[\s-]/g, '');
  if (phone === '') errors.phone = REGISTRATION_ERRORS.phoneEmpty;
  else if (!MAINLAND_MOBILE.test(phone)) errors.phone = REGISTRATION_ERRORS.phoneBad;
  for (const field of ['role', 'grade', 'courseId', 'timeline', 'campusId'] as const) {
    if (draft[field] === undefined) errors[field] = REGISTRATION_ERRORS[field];
  }
  if (!draft.hasConsent) errors.hasConsent = REGISTRATION_ERRORS.consent;
  return errors;
}

/**
 * The registration form's state and submit (issue 5 item 1, issue 14). Nothing is sent before
 * consent (SPEC §4): with consent missing or any field wrong, `submit` shows every message and
 * does not call the API. `initial` pre-selects what the prospect came from (a course page).
 */
export function useRegistrationForm(
  api: ApiClient,
  options: {
    referrerLeadId?: string;
    /** The visit's attribution (a channel code's scene, a campaign): the lead's first touch. */
    attribution?: { channel?: string; campaignId?: string };
    now: () => Date;
    initial?: Partial<RegistrationDraft>;
  },
) {
  const [draft, setDraft] = useState<RegistrationDraft>({
    name: '',
    phone: '',
    hasConsent: false,
    ...options.initial,
  });
  const [status, setStatus] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const fieldErrors = useFieldErrors(validateRegistration(draft));

  /** A pick or a tick counts as touching the field: its message may show at once. */
  const update = (patch: Partial<RegistrationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const field of Object.keys(patch) as RegistrationField[]) {
      if (field !== 'name' && field !== 'phone') fieldErrors.touch(field);
    }
  };

  async function submit(): Promise<CreateRegistrationResponse | null> {
    if (status === 'sending' || !fieldErrors.trySubmit()) return null;
    setStatus('sending');
    setError(null);
    const body: CreateRegistrationInput = {
      name: draft.name,
      phone: draft.phone,
      role: draft.role ?? 'student',
      grade: draft.grade ?? 'primary',
      courseId: draft.courseId ?? '',
      timeline: draft.timeline ?? 'unknown',
      campusId: draft.campusId ?? '',
      ...(options.referrerLeadId ? { referrerLeadId: options.referrerLeadId } : {}),
      ...(options.attribution?.channel ? { channel: options.attribution.channel } : {}),
      ...(options.attribution?.campaignId ? { campaignId: options.attribution.campaignId } : {}),
      consent: { policyVersion: PRIVACY_POLICY_VERSION, agreedAt: options.now().toISOString() },
    };
    try {
      const reply = await api.request('/api/registrations', {
        method: 'POST',
        body,
        schema: createRegistrationResponseSchema,
      });
      setStatus('done');
      return reply;
    } catch (e) {
      setStatus('idle');
      setError(e instanceof ApiError ? e.userMessage : API_MESSAGES.unknown);
      return null;
    }
  }

  return { draft, update, fieldErrors, status, error, submit };
}
