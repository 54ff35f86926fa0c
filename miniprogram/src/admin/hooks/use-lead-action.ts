import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError, api } from '../../api';
import { API_MESSAGES } from '../../api/messages';
import { createUuidV4, getPlatformRandomBytes } from '../../tracking/uuid';

/** The lead page's actions and their routes under `/api/staff/leads/:id/` (issue 9 §4). */
export const LEAD_ACTION_ROUTES = {
  accept: { method: 'POST', path: 'accept' },
  return: { method: 'POST', path: 'return' },
  claim: { method: 'POST', path: 'claim' },
  release: { method: 'POST', path: 'release' },
  followUp: { method: 'POST', path: 'follow-ups' },
  qualify: { method: 'PUT', path: 'qualification' },
  attendance: { method: 'POST', path: 'attendance' },
  enrol: { method: 'POST', path: 'enrolments' },
} as const;
export type LeadActionName = keyof typeof LEAD_ACTION_ROUTES;

/**
 * Runs one action on a lead. Each carries a `requestId`: the same one while the same request is
 * retried (a timeout that did reach the server writes nothing twice), a new one once it succeeded
 * or its content changed. A refusal (409 and others) shows the API's Chinese message, which is
 * also returned for the form to keep on screen; `null` means done.
 */
export function useLeadAction(leadId: string, onDone: () => void) {
  const [pending, setPending] = useState<LeadActionName | null>(null);
  const attempts = useRef(new Map<LeadActionName, { content: string; requestId: string }>());

  const run = async (name: LeadActionName, body: Record<string, unknown> = {}): Promise<string | null> => {
    const content = JSON.stringify(body);
    const last = attempts.current.get(name);
    const requestId = last?.content === content ? last.requestId : createUuidV4(getPlatformRandomBytes());
    attempts.current.set(name, { content, requestId });
    const route = LEAD_ACTION_ROUTES[name];
    setPending(name);
    try {
      await api.request(`/api/staff/leads/${leadId}/${route.path}`, {
        as: 'staff',
        method: route.method,
        body: { ...body, requestId },
      });
      attempts.current.delete(name);
      void Taro.showToast({ title: '已完成', icon: 'success' });
      onDone();
      return null;
    } catch (error) {
      const message = error instanceof ApiError ? error.userMessage : API_MESSAGES.unknown;
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
      return message;
    } finally {
      setPending(null);
    }
  };

  return { run, pending };
}
