/**
 * A local stand-in for the WeChat server API (SPEC §3), for development and tests where the real
 * API cannot be reached. It implements the endpoints the product uses with the documented
 * requests, replies and errcodes, and keeps what a real WeChat would keep: issued tokens, used
 * login codes, the ledger of one-time subscription grants (made in WeChat's UI for real; here
 * through a control endpoint) and the messages it accepted. Control endpoints live under
 * `/__standin/`.
 *
 * - login code `dev-<name>` → openid `o_<name>`; a code works once (40163 after); else 40029.
 *   `dev-<name>.<nonce>` is another code of the same user, as each `wx.login` gives a new one.
 * - phone code `phone-<11 digits>` → that number; else 40029
 * - subscribeMessage.send: 40003 unknown openid, 40037 unknown template, 47003 a value breaking its
 *   field's rule, 41030 an unpublished page, 43101 without a grant; a send spends a grant.
 * - wxacode.getUnlimited: a scannable QR PNG of the page and scene; 40169 bad scene, 41030 bad or
 *   unpublished page.
 */
import { randomBytes } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { checkFieldValue, getFieldKind, isValidScene } from '@scrm/shared';
import { type Context, Hono } from 'hono';
import { createFaultQueue, faultRequestSchema, type StandInEndpoint } from './faults.js';
import { createGrantLedger } from './grant-ledger.js';
import { drawMiniProgramCode } from './mini-program-code.js';

export interface StandInOptions {
  appId: string;
  secret: string;
  /** Subscribe-message template ids the stand-in knows (others → 40037). */
  templateIds: readonly string[];
  /** Pages of the published mini-program; when set, wxacode with `check_path` refuses others (41030). */
  publishedPages?: readonly string[];
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  sentAt: string;
}

const TOKEN_TTL_S = 7200;

const reply = (errcode: number, errmsg: string) => ({ errcode, errmsg });

type StandInContext = Context<{ Bindings: Partial<HttpBindings> }>;

/** Closes the caller's connection, as a network failure would (outside a server: a bare 502). */
function dropConnection(c: StandInContext): Response {
  c.env?.incoming?.socket.destroy();
  return c.body('<html><body>502 Bad Gateway</body></html>', 502);
}

/** 47003 unless every value passes its field's rule (subscribeMessage.send value rules). */
function checkTemplateData(data: Record<string, { value?: unknown }> | undefined) {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return reply(47003, 'argument invalid! data is empty');
  for (const [key, field] of entries) {
    const kind = getFieldKind(key);
    const value = field?.value;
    if (kind === null || typeof value !== 'string' || checkFieldValue(kind, value) !== null) {
      return reply(47003, `argument invalid! data.${key}.value invalid`);
    }
  }
  return null;
}

export function createWechatStandIn(options: StandInOptions) {
  const usedCodes = new Set<string>();
  const knownOpenIds = new Set<string>();
  const tokens = new Map<string, { expiresAt: number }>();
  let currentToken: string | null = null;
  const ledger = createGrantLedger();
  const faults = createFaultQueue();
  const messages: SentMessage[] = [];
  const calls: Record<string, number> = {};

  /** Counts the call and answers an injected fault, if one is queued (`null`: handle normally). */
  function begin(c: StandInContext, endpoint: StandInEndpoint) {
    calls[endpoint] = (calls[endpoint] ?? 0) + 1;
    const fault = faults.take(endpoint);
    if (fault && 'errcode' in fault) return { early: c.json(reply(fault.errcode, fault.errmsg)) };
    if (fault?.network === 'drop') return { early: dropConnection(c) };
    return { early: null, dropAfter: fault?.network === 'drop_after_accept' };
  }

  /** With `publishedPages` set, only those pages exist (41030 for any other). */
  const isPublishedPage = (page: string) => !options.publishedPages || options.publishedPages.includes(page);

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

  const app = new Hono<{ Bindings: Partial<HttpBindings> }>();

  app.get('/sns/jscode2session', (c) => {
    const { early } = begin(c, 'jscode2session');
    if (early) return early;
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
    const { early } = begin(c, 'stable_token');
    if (early) return early;
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
    const { early, dropAfter } = begin(c, 'subscribe_send');
    if (early) return early;
    const bad = checkToken(c.req.query('access_token'));
    if (bad) return c.json(bad);
    const body = (await c.req.json().catch(() => ({}))) as Partial<SentMessage>;
    const answer = (errcode: number, errmsg: string) =>
      dropAfter ? dropConnection(c) : c.json(reply(errcode, errmsg));
    if (!body.touser || !knownOpenIds.has(body.touser)) return answer(40003, 'invalid openid');
    if (!body.template_id || !options.templateIds.includes(body.template_id)) {
      return answer(40037, 'invalid template_id');
    }
    const invalid = checkTemplateData(body.data);
    if (invalid) return answer(invalid.errcode, invalid.errmsg);
    if (body.page !== undefined && !isPublishedPage(body.page.split('?')[0] ?? ''))
      return answer(41030, 'invalid page');
    if (!ledger.trySpend(body.touser, body.template_id)) return answer(43101, 'user refuse to accept the msg');
    messages.push({
      touser: body.touser,
      template_id: body.template_id,
      page: body.page,
      data: body.data ?? {},
      miniprogram_state: body.miniprogram_state,
      sentAt: new Date().toISOString(),
    });
    return answer(0, 'ok');
  });

  app.post('/wxa/business/getuserphonenumber', async (c) => {
    const { early } = begin(c, 'getuserphonenumber');
    if (early) return early;
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

  app.post('/wxa/getwxacodeunlimit', async (c) => {
    const { early } = begin(c, 'getwxacodeunlimit');
    if (early) return early;
    const bad = checkToken(c.req.query('access_token'));
    if (bad) return c.json(bad);
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    const { scene, page = 'pages/index/index', check_path: checkPath = true, width = 430 } = body;
    if (typeof scene !== 'string' || !isValidScene(scene)) return c.json(reply(40169, 'invalid length for scene'));
    // The page takes no query (the scene carries the parameters) and no leading slash.
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?'))
      return c.json(reply(41030, 'invalid page'));
    if (checkPath !== false && !isPublishedPage(page)) return c.json(reply(41030, 'invalid page'));
    const png = await drawMiniProgramCode({ page, scene, width: typeof width === 'number' ? width : 430 });
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
  });

  // Test and development controls: what the user does in WeChat's own UI, and what tests inspect.
  app.post('/__standin/grant', async (c) => {
    const body = (await c.req.json()) as { openid: string; templateId: string; count?: number };
    knownOpenIds.add(body.openid);
    const balance = ledger.accept(body.openid, body.templateId, body.count ?? 1);
    return c.json({ ok: true, grants: balance.remaining, ...balance });
  });
  app.post('/__standin/withdraw-grant', async (c) => {
    const body = (await c.req.json()) as { openid: string; templateId: string };
    return c.json({ ok: true, ...ledger.withdraw(body.openid, body.templateId) });
  });
  app.get('/__standin/ledger', (c) => c.json(ledger.get(c.req.query('openid') ?? '', c.req.query('templateId') ?? '')));
  app.post('/__standin/fail-next', async (c) => {
    const parsed = faultRequestSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ ok: false, error: parsed.error.message }, 400);
    faults.push(parsed.data.endpoint, parsed.data.fault, parsed.data.times);
    return c.json({ ok: true });
  });
  app.post('/__standin/clear-faults', (c) => {
    faults.clear();
    return c.json({ ok: true });
  });
  app.post('/__standin/expire-token', (c) => {
    if (currentToken) tokens.set(currentToken, { expiresAt: 0 });
    return c.json({ ok: true });
  });
  app.get('/__standin/messages', (c) => {
    const touser = c.req.query('touser');
    return c.json({ messages: touser ? messages.filter((m) => m.touser === touser) : messages });
  });
  app.get('/__standin/calls', (c) => c.json({ calls }));

  return app;
}
