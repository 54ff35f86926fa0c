import { ERROR_USER_MESSAGES } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../platform/storage';
import { createManualTime } from '../testing/manual-time';
import { type ApiClient, createApiClient, type HttpReply, type HttpRequest } from './client';
import { ApiError } from './errors';
import { API_MESSAGES } from './messages';

const LEAD_ID = '6f1c2b9e-3d4a-4c8b-9f0e-1a2b3c4d5e6f';
const STAFF = {
  expiresAt: '2026-11-22T10:00:00.000Z',
  id: '0b7e3c1a-2d4f-4a6b-8c9d-0e1f2a3b4c5d',
  name: '张老师',
  role: 'advisor',
  campusIds: ['1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'],
  isAllCampuses: false,
} as const;

/**
 * The API at the network edge. Login hands out `token-1`, `token-2`, …; `/api/me` accepts only the
 * newest token, so a stale stored token gets the 401 a real server gives an expired one.
 */
function createFakeServer(options: { isStaff?: boolean } = {}) {
  const requests: HttpRequest[] = [];
  let issued = 0;
  let validToken: string | null = null;
  let validStaffToken: string | null = null;
  const overrides: ((request: HttpRequest) => HttpReply | 'offline' | null)[] = [];

  async function http(request: HttpRequest): Promise<HttpReply> {
    requests.push(request);
    await Promise.resolve(); // a real exchange is never synchronous
    for (const override of overrides) {
      const reply = override(request);
      if (reply === 'offline') throw new Error('request:fail');
      if (reply) return reply;
    }
    if (request.url.endsWith('/api/auth/login')) {
      issued += 1;
      validToken = `token-${issued}`;
      validStaffToken = options.isStaff ? `staff-token-${issued}` : null;
      const staff = validStaffToken ? { ...STAFF, token: validStaffToken } : null;
      return {
        status: 200,
        body: { token: validToken, expiresAt: '2026-11-22T10:00:00.000Z', lead: { id: LEAD_ID }, staff },
      };
    }
    // Like the API: staff routes take the staff token only, the others the prospect's.
    const expected = request.url.includes('/api/staff/') ? validStaffToken : validToken;
    if (!expected || request.headers.Authorization !== `Bearer ${expected}`) {
      return { status: 401, body: { error: { code: 'unauthenticated', message: 'token expired', requestId: 'r-1' } } };
    }
    return { status: 200, body: { ok: true, url: request.url } };
  }

  return {
    http,
    requests,
    overrides,
    logins: () => requests.filter((request) => request.url.endsWith('/api/auth/login')).length,
  };
}

function setUp(options: { storedToken?: string; expiresAt?: string; isStaff?: boolean } = {}) {
  const server = createFakeServer({ isStaff: options.isStaff });
  const time = createManualTime('2026-11-22T08:00:00.000Z');
  const storage = createMemoryStorage();
  if (options.storedToken) {
    const session = {
      token: options.storedToken,
      expiresAt: options.expiresAt ?? '2026-11-22T10:00:00.000Z',
      leadId: LEAD_ID,
      staff: null,
    };
    storage.setItem('scrm.session.v1', JSON.stringify(session));
  }
  let codes = 0;
  const client: ApiClient = createApiClient({
    baseUrl: 'http://api.test',
    http: server.http,
    storage,
    getLoginCode: async () => `code-${++codes}`,
    clock: time.clock,
  });
  return { client, server, storage };
}

const okSchema = {
  parse(data: unknown) {
    return data as { ok: boolean; url: string };
  },
};

describe('api client session', () => {
  it('logs in on the first call and sends the token as a bearer', async () => {
    const { client, server } = setUp();
    const reply = await client.request('/api/me', { schema: okSchema, query: { page: 2, topic: '雅思' } });
    expect(reply.url).toBe('http://api.test/api/me?page=2&topic=%E9%9B%85%E6%80%9D');
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: 'http://api.test/api/auth/login',
      body: { code: 'code-1' },
    });
    expect(server.requests[1]?.headers.Authorization).toBe('Bearer token-1');
    expect(client.findSession()).toEqual({
      token: 'token-1',
      expiresAt: '2026-11-22T10:00:00.000Z',
      leadId: LEAD_ID,
      staff: null,
    });
  });

  it("sends staff routes the login's staff token and every other route the prospect's", async () => {
    const { client, server } = setUp({ isStaff: true });
    await client.request('/api/staff/leads', { as: 'staff' });
    await client.request('/api/me');
    expect(server.requests.map((request) => request.headers.Authorization ?? 'login')).toEqual([
      'login',
      'Bearer staff-token-1',
      'Bearer token-1',
    ]);
    expect(client.findSession()?.staff).toEqual({ ...STAFF, token: 'staff-token-1' });
  });

  it('refuses a staff call for a login that is not staff, in Chinese, without sending it', async () => {
    const { client, server } = setUp();
    const error = await client.request('/api/staff/leads', { as: 'staff' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'forbidden', status: 403, userMessage: API_MESSAGES.notStaff });
    expect(server.requests.map((request) => request.url)).toEqual(['http://api.test/api/auth/login']);
  });

  it('logs in again when the stored session predates staff sessions, and finds the staff token', async () => {
    const { client, server, storage } = setUp({ isStaff: true });
    storage.setItem(
      'scrm.session.v1',
      JSON.stringify({ token: 'old', expiresAt: '2026-11-22T10:00:00.000Z', leadId: LEAD_ID }),
    );
    await client.request('/api/staff/me', { as: 'staff' });
    expect(server.requests.map((request) => request.headers.Authorization ?? 'login')).toEqual([
      'login',
      'Bearer staff-token-1',
    ]);
  });

  it('logs in again once on a 401 and repeats the call with the new token', async () => {
    const { client, server } = setUp({ storedToken: 'revoked' });
    await expect(client.request('/api/me', { schema: okSchema })).resolves.toMatchObject({ ok: true });
    expect(server.requests.map((request) => request.headers.Authorization ?? 'login')).toEqual([
      'Bearer revoked',
      'login',
      'Bearer token-1',
    ]);
  });

  it('gives up after one re-login when the new token is refused too', async () => {
    const { client, server } = setUp({ storedToken: 'revoked' });
    server.overrides.push((request) =>
      request.url.endsWith('/api/me')
        ? { status: 401, body: { error: { code: 'unauthenticated', message: 'no', requestId: 'r-2' } } }
        : null,
    );
    const error = await client.request('/api/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'unauthenticated',
      status: 401,
      userMessage: ERROR_USER_MESSAGES.unauthenticated,
    });
    expect(server.logins()).toBe(1);
  });

  it('shares one login among calls that find the token expired together', async () => {
    const { client, server } = setUp({ storedToken: 'revoked' });
    await Promise.all([client.request('/api/me'), client.request('/api/contents'), client.request('/api/catalog')]);
    expect(server.logins()).toBe(1);
  });

  it('renews a session that is about to expire before calling', async () => {
    const { client, server } = setUp({ storedToken: 'token-0', expiresAt: '2026-11-22T08:00:30.000Z' });
    await client.request('/api/me');
    expect(server.requests.map((request) => request.headers.Authorization ?? 'login')).toEqual([
      'login',
      'Bearer token-1',
    ]);
  });

  it('calls without a session when the endpoint needs none', async () => {
    const { client, server } = setUp();
    server.overrides.push(() => ({ status: 200, body: {} }));
    await client.request('/api/catalog', { isAuthenticated: false });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.Authorization).toBeUndefined();
  });
});

describe('api client errors', () => {
  it("carries the envelope's code, Chinese userMessage, request id and issues", async () => {
    const { client, server } = setUp();
    const envelope = {
      error: {
        code: 'validation_failed',
        message: 'phone: Invalid',
        userMessage: '请输入 11 位手机号',
        requestId: 'req-9',
        issues: [{ path: 'phone', message: '请输入 11 位手机号' }],
      },
    };
    server.overrides.push((request) =>
      request.url.endsWith('/api/registrations') ? { status: 400, body: envelope } : null,
    );
    const error = await client
      .request('/api/registrations', { method: 'POST', body: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'validation_failed',
      status: 400,
      userMessage: '请输入 11 位手机号',
      requestId: 'req-9',
      path: '/api/registrations',
      issues: [{ path: 'phone', message: '请输入 11 位手机号' }],
    });
  });

  it('falls back to the Chinese text of the code, or of the status when there is no envelope', async () => {
    const { client, server } = setUp();
    server.overrides.push((request) => {
      if (request.url.endsWith('/a'))
        return { status: 409, body: { error: { code: 'conflict', message: 'x', requestId: 'r' } } };
      if (request.url.endsWith('/b')) return { status: 502, body: '<html>Bad Gateway</html>' };
      return null;
    });
    await expect(client.request('/a')).rejects.toMatchObject({
      code: 'conflict',
      userMessage: ERROR_USER_MESSAGES.conflict,
    });
    await expect(client.request('/b')).rejects.toMatchObject({
      code: 'internal',
      status: 502,
      userMessage: ERROR_USER_MESSAGES.internal,
      isRetryable: true,
    });
  });

  it('maps no reply to a network error with a Chinese message', async () => {
    const { client, server } = setUp();
    server.overrides.push(() => 'offline');
    await expect(client.request('/api/me')).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
      userMessage: API_MESSAGES.network,
    });
  });

  it('reports a reply that does not match the contract', async () => {
    const { client } = setUp();
    const strictSchema = {
      parse(): never {
        throw new Error('not the contract');
      },
    };
    await expect(client.request('/api/me', { schema: strictSchema })).rejects.toMatchObject({
      code: 'invalid_response',
      userMessage: API_MESSAGES.invalidResponse,
    });
  });
});
