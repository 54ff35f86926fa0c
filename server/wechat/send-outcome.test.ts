import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../redis/memory.js';
import { createWechatClient, type SubscribeMessage } from './client.js';
import { STAND_IN_CREDENTIALS, STAND_IN_TEMPLATE_IDS_BY_KEY } from './stand-in/credentials.js';
import { createStandInControl, type StandInControl } from './stand-in/stand-in-control.js';
import { startWechatStandIn } from './stand-in/start-stand-in.js';

const TEMPLATE = STAND_IN_TEMPLATE_IDS_BY_KEY.new_content;
const PUBLISHED = ['pages/index/index', 'pages/content/index', 'pages/trial/index'];

let standIn: Awaited<ReturnType<typeof startWechatStandIn>>;
let control: StandInControl;
beforeAll(async () => {
  standIn = await startWechatStandIn({ publishedPages: PUBLISHED });
  control = createStandInControl(standIn.url);
});
afterAll(() => standIn.close());
beforeEach(() => control.clearFaults());

/** A client with its own token cache, counting the token fetches it makes. */
function client(baseUrl = standIn.url) {
  const counter = { stableToken: 0 };
  const counting: typeof fetch = (input, init) => {
    if (String(input).includes('/cgi-bin/stable_token')) counter.stableToken++;
    return fetch(input, init);
  };
  return {
    wechat: createWechatClient({ baseUrl, ...STAND_IN_CREDENTIALS, store: createMemoryStore(), fetch: counting }),
    counter,
  };
}

let n = 0;
/** A fresh user with `grants` unspent grants of the template, and a valid message to them. */
async function userWithGrants(grants: number): Promise<{ openid: string; message: SubscribeMessage }> {
  n++;
  const openid = `o_outcome${n}`;
  await control.grant(openid, TEMPLATE, grants);
  const message = {
    toOpenId: openid,
    templateId: TEMPLATE,
    page: 'pages/content/index?id=c-1&campaignId=k1&step=week-1&channel=subscribe_message',
    data: { thing1: '雅思备考白皮书（2026 版）', thing2: '欢迎加入！先从这篇入门资料开始', name3: '王子涵' },
  };
  return { openid, message };
}

describe('subscribeMessage.send outcomes against the stand-in', () => {
  it('sent: the message is logged with its page and data, and one grant is spent', async () => {
    const { wechat } = client();
    const { openid, message } = await userWithGrants(2);
    expect(await wechat.deliverSubscribeMessage(message)).toEqual({ kind: 'sent' });
    expect(await control.ledger(openid, TEMPLATE)).toEqual({ accepted: 2, spent: 1, withdrawn: 0, remaining: 1 });
    const [logged] = await control.messages(openid);
    expect(logged).toMatchObject({ template_id: TEMPLATE, page: message.page, data: { name3: { value: '王子涵' } } });
  });

  it('40001 / 42001: refreshes the token once and retries, spending one grant', async () => {
    for (const stale of [40001, 42001]) {
      const { wechat, counter } = client();
      const { openid, message } = await userWithGrants(1);
      await wechat.getAccessToken();
      await control.failNext('subscribe_send', { errcode: stale, errmsg: 'access_token invalid' });
      expect(await wechat.deliverSubscribeMessage(message)).toEqual({ kind: 'sent' });
      expect(counter.stableToken).toBe(2);
      expect((await control.ledger(openid, TEMPLATE)).spent).toBe(1);
      expect(await control.messages(openid)).toHaveLength(1);
    }
  });

  it('a token refused twice is retried later, not again now, and spends nothing', async () => {
    const { wechat, counter } = client();
    const { openid, message } = await userWithGrants(1);
    await control.failNext('subscribe_send', { errcode: 40001, errmsg: 'invalid credential' }, 2);
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'retry_later', errcode: 40001 });
    expect(counter.stableToken).toBe(2);
    expect((await control.ledger(openid, TEMPLATE)).spent).toBe(0);
  });

  it('43101: no grant, or a grant the user withdrew in WeChat, spends nothing', async () => {
    const { wechat } = client();
    const none = await userWithGrants(0);
    expect(await wechat.deliverSubscribeMessage(none.message)).toEqual({ kind: 'no_grant', errcode: 43101 });
    const withdrawn = await userWithGrants(1);
    await control.withdrawGrant(withdrawn.openid, TEMPLATE);
    expect(await wechat.deliverSubscribeMessage(withdrawn.message)).toEqual({ kind: 'no_grant', errcode: 43101 });
    expect(await control.ledger(withdrawn.openid, TEMPLATE)).toEqual({
      accepted: 1,
      spent: 0,
      withdrawn: 1,
      remaining: 0,
    });
    expect(await control.messages(withdrawn.openid)).toEqual([]);
  });

  it('47003: data breaking a field rule fails with the field named, and spends nothing', async () => {
    const { wechat } = client();
    const { openid, message } = await userWithGrants(1);
    const outcomes = [];
    for (const data of [{ ...message.data, thing1: '这'.repeat(21) }, { ...message.data, name3: 'Tom3' }, {}]) {
      outcomes.push(await wechat.deliverSubscribeMessage({ ...message, data }));
    }
    expect(outcomes).toEqual([
      { kind: 'bad_data', errcode: 47003, reason: 'argument invalid! data.thing1.value invalid' },
      { kind: 'bad_data', errcode: 47003, reason: 'argument invalid! data.name3.value invalid' },
      { kind: 'bad_data', errcode: 47003, reason: 'argument invalid! data is empty' },
    ]);
    expect((await control.ledger(openid, TEMPLATE)).spent).toBe(0);
  });

  it('45009 and -1: retry later; the grant is still there for the retry', async () => {
    const { wechat } = client();
    const { openid, message } = await userWithGrants(1);
    await control.failNext('subscribe_send', { errcode: 45009, errmsg: 'reach max api daily quota limit' });
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'retry_later', errcode: 45009 });
    await control.failNext('subscribe_send', { errcode: -1, errmsg: 'system error' });
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'retry_later', errcode: -1 });
    expect((await control.ledger(openid, TEMPLATE)).spent).toBe(0);
    expect(await wechat.deliverSubscribeMessage(message)).toEqual({ kind: 'sent' });
  });

  it('40037, 41030, 40003: configuration and recipient errors, typed', async () => {
    const { wechat } = client();
    const { message } = await userWithGrants(1);
    expect(await wechat.deliverSubscribeMessage({ ...message, templateId: 'tpl-nope' })).toEqual({
      kind: 'invalid_template',
      errcode: 40037,
    });
    expect(await wechat.deliverSubscribeMessage({ ...message, page: 'pages/secret/index?x=1' })).toEqual({
      kind: 'invalid_page',
      errcode: 41030,
    });
    expect(await wechat.deliverSubscribeMessage({ ...message, toOpenId: 'o_nobody' })).toEqual({
      kind: 'invalid_openid',
      errcode: 40003,
    });
  });

  it('a connection lost after WeChat accepted is unknown: delivered, spent, and not to be retried', async () => {
    const { wechat } = client();
    const { openid, message } = await userWithGrants(2);
    await control.failNext('subscribe_send', { network: 'drop_after_accept' });
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'unknown' });
    expect((await control.ledger(openid, TEMPLATE)).spent).toBe(1);
    expect(await control.messages(openid)).toHaveLength(1);
  });

  it('a connection lost before WeChat acted is just as unknown to the caller (at most once)', async () => {
    const { wechat } = client();
    const { openid, message } = await userWithGrants(1);
    await control.failNext('subscribe_send', { network: 'drop' });
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'unknown' });
    expect((await control.ledger(openid, TEMPLATE)).spent).toBe(0);
  });

  it('no connection at all, or no token, is retry later: the message never left', async () => {
    const closed = await startWechatStandIn();
    const url = closed.url;
    await closed.close();
    const { message } = await userWithGrants(1);
    expect(await client(url).wechat.deliverSubscribeMessage(message)).toMatchObject({
      kind: 'retry_later',
      errcode: null,
    });
    const { wechat } = client();
    await control.failNext('stable_token', { network: 'drop' });
    expect(await wechat.deliverSubscribeMessage(message)).toMatchObject({ kind: 'retry_later', errcode: null });
  });
});
