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

/** The fields still missing, by their form name; empty when the draft can be sent. */
export function listMissingFields(draft: RegistrationDraft): (keyof RegistrationDraft)[] {
  const required: (keyof RegistrationDraft)[] = ['name', 'phone', 'role', 'grade', 'courseId', 'timeline', 'campusId'];
  return required.filter((field) => {
    const value = draft[field];
    return value === undefined || (typeof value === 'string' && value.trim() === '');
  });
}

/**
 * The registration form's state and submit (issue 5 item 1). Nothing is sent before consent
 * (SPEC §4): without it, or with fields missing, `submit` does not call the API.
 */
export function useRegistrationForm(api: ApiClient, options: { referrerLeadId?: string; now: () => Date }) {
  const [draft, setDraft] = useState<RegistrationDraft>({ name: '', phone: '', hasConsent: false });
  const [status, setStatus] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const missing = listMissingFields(draft);
  const canSubmit = draft.hasConsent && missing.length === 0 && status !== 'sending';

  const update = (patch: Partial<RegistrationDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(): Promise<CreateRegistrationResponse | null> {
    if (!canSubmit) return null;
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

  return { draft, update, missing, canSubmit, status, error, submit };
}
