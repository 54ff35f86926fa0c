/**
 * A local stand-in for the WeChat server API (SPEC §3), for development and tests where the real
 * API cannot be reached. It implements the endpoints the product uses with the documented
 * requests, replies and errcodes, and keeps what a real WeChat would keep: issued tokens, used
 * login codes, one-time subscription grants (made in WeChat's UI for real; here through a
 * control endpoint) and the messages sent. Control endpoints live under `/__standin/`.
 *
 * - login code `dev-<name>` → openid `o_<name>`; a code works once (40163 after); else 40029.
 *   `dev-<name>.<nonce>` is another code of the same user, as each `wx.login` gives a new one.
 * - phone code `phone-<11 digits>` → that number; else 40029
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';

export interface StandInOptions {
  appId: string;
  secret: string;
  /** Subscribe-message template ids the stand-in knows (others → 40037). */
  templateIds: readonly string[];
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  sentAt: string;
}

const TOKEN_TTL_S = 7200;
/** Template values longer than this are refused with 47003 (WeChat caps `thing` values at 20). */
const MAX_VALUE_LENGTH = 20;

const reply = (errcode: number, errmsg: string) => ({ errcode, errmsg });

export function createWechatStandIn(options: StandInOptions) {
  const usedCodes = new Set<string>();
  const knownOpenIds = new Set<string>();
  const tokens = new Map<string, { expiresAt: number }>();
  let currentToken: string | null = null;
  const grants = new Map<string, number>();
  const messages: SentMessage[] = [];
  const calls: Record<string, number> = {};
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
  };

  /** 40001 for a token never issued or replaced, 42001 for one past its expiry. */
  function checkToken(token: string | undefined) {
    const issued = token ? tokens.get(token) : undefined;
    if (!issued) return reply(40001, 'invalid credential, access_token is invalid or not latest');
    if (issued.expiresAt <= Date.now()) return reply(42001, 'access_token expired');
    return null;
  }

  function issueToken(): string {
    if (currentToken) tokens.delete(currentToken);
    currentToken = randomBytes(24).toString('hex');
    tokens.set(currentToken, { expiresAt: Date.now() + TOKEN_TTL_S * 1000 });
    return currentToken;
  }

  const app = new Hono();

  app.get('/sns/jscode2session', (c) => {
    count('jscode2session');
    const q = c.req.query();
    if (q.appid !== options.appId) return c.json(reply(40013, 'invalid appid'));
    if (q.secret !== options.secret) return c.json(reply(40125, 'invalid appsecret'));
    const code = q.js_code ?? '';
    const match = /^dev-([A-Za-z0-9_-]{1,64})(?:\.[A-Za-z0-9_-]{1,32})?$/.exec(code);
    if (!match) return c.json(reply(40029, 'invalid code'));
    if (usedCodes.has(code)) return c.json(reply(40163, 'code been used'));
    usedCodes.add(code);
    const openid = `o_${match[1]}`;
    knownOpenIds.add(openid);
    return c.json({ openid, session_key: randomBytes(16).toString('base64') });
  });

  app.post('/cgi-bin/stable_token', async (c) => {
    count('stable_token');
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    if (body.grant_type !== 'client_credential') return c.json(reply(40002, 'invalid grant_type'));
    if (body.appid !== options.appId) return c.json(reply(40013, 'invalid appid'));
    if (body.secret !== options.secret) return c.json(reply(40125, 'invalid appsecret'));
    const live = currentToken && (tokens.get(currentToken)?.expiresAt ?? 0) > Date.now();
    const token = body.force_refresh === true || !live ? issueToken() : (currentToken as string);
    const expiresIn = Math.round(((tokens.get(token)?.expiresAt ?? 0) - Date.now()) / 1000);
    return c.json({ access_token: token, expires_in: expiresIn });
  });

  app.post('/cgi-bin/message/subscribe/send', async (c) => {
    count('subscribe_send');
    const bad = checkToken(c.req.query('access_token'));
    if (bad) return c.json(bad);
    const body = (await c.req.json().catch(() => ({}))) as Partial<SentMessage>;
    if (!body.touser || !knownOpenIds.has(body.touser)) return c.json(reply(40003, 'invalid openid'));
    if (!body.template_id || !options.templateIds.includes(body.template_id)) {
      return c.json(reply(40037, 'invalid template_id'));
    }
    const data = body.data ?? {};
    const isValid = Object.values(data).every(
      (v) => typeof v?.value === 'string' && v.value.length > 0 && v.value.length <= MAX_VALUE_LENGTH,
    );
    if (Object.keys(data).length === 0 || !isValid) return c.json(reply(47003, 'argument invalid! data.value invalid'));
    const key = `${body.touser}|${body.template_id}`;
    const left = grants.get(key) ?? 0;
    if (left <= 0) return c.json(reply(43101, 'user refuse to accept the msg'));
    grants.set(key, left - 1);
    messages.push({
      touser: body.touser,
      template_id: body.template_id,
      page: body.page,
      data,
      sentAt: new Date().toISOString(),
    });
    return c.json(reply(0, 'ok'));
  });

  app.post('/wxa/business/getuserphonenumber', async (c) => {
    count('getuserphonenumber');
    const bad = checkToken(c.req.query('access_token'));
    if (bad) return c.json(bad);
    const body = (await c.req.json().catch(() => ({}))) as { code?: string };
    const match = /^phone-(1\d{10})$/.exec(body.code ?? '');
    if (!match?.[1]) return c.json(reply(40029, 'invalid code'));
    const phone = match[1];
    return c.json({
      ...reply(0, 'ok'),
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: options.appId },
      },
    });
  });

  // Test and development controls: what the user does in WeChat's own UI, and what tests inspect.
  app.post('/__standin/grant', async (c) => {
    const body = (await c.req.json()) as { openid: string; templateId: string; count?: number };
    const key = `${body.openid}|${body.templateId}`;
    knownOpenIds.add(body.openid);
    grants.set(key, (grants.get(key) ?? 0) + (body.count ?? 1));
    return c.json({ ok: true, grants: grants.get(key) });
  });
  app.post('/__standin/expire-token', (c) => {
    if (currentToken) tokens.set(currentToken, { expiresAt: 0 });
    return c.json({ ok: true });
  });
  app.get('/__standin/messages', (c) => c.json({ messages }));
  app.get('/__standin/calls', (c) => c.json({ calls }));

  return app;
}
