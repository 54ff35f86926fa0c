/**
 * `logInAs(t, name)`: a prospect logged in through the real login route and the WeChat stand-in
 * (code `dev-<name>.<n>`: openid `o_<name>`), for route tests that need a token. Each call uses a
 * fresh login code, so logging in twice as one name finds the same lead, as on a device.
 */
import type { LoginResponse } from '@scrm/shared';
import type { TestApp } from './test-app.js';

let sequence = 0;

export async function logInAs(t: TestApp, name: string): Promise<{ token: string; leadId: string; openid: string }> {
  sequence += 1;
  const res = await t.request<LoginResponse>('/api/auth/login', {
    method: 'POST',
    json: { code: `dev-${name}.${sequence}` },
  });
  if (res.status !== 200) throw new Error(`login as ${name} failed: ${res.status} ${res.text} (#${sequence})`);
  return { token: res.body.token, leadId: res.body.lead.id, openid: `o_${name}` };
}
