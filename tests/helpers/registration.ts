/**
 * A prospect registers through the API with consent, as the mini-program's form sends it, in a
 * fresh test catalogue. For tests whose subject is what registration unlocks, not the form.
 */
import { expect } from 'vitest';
import { createTestCatalog } from './catalog.js';
import type { TestApp } from './test-app.js';

export async function registerThroughApi(t: TestApp, token: string, fields: Record<string, unknown> = {}) {
  const catalog = await createTestCatalog(t);
  const res = await t.request('/api/registrations', {
    method: 'POST',
    token,
    json: {
      name: '李华',
      phone: '13912345678',
      role: 'student',
      grade: 'university',
      courseId: catalog.course.id,
      timeline: 'within_1_year',
      campusId: catalog.campus.id,
      consent: { policyVersion: '2026-11', agreedAt: t.clock.now().toISOString() },
      ...fields,
    },
  });
  expect(res.status).toBe(201);
  return catalog;
}
