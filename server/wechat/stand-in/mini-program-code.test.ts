import { encodeChannelScene, parseScene } from '@scrm/shared';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../redis/memory.js';
import { createWechatClient } from '../client.js';
import { WechatApiError, WechatNetworkError } from '../wechat-error.js';
import { STAND_IN_CREDENTIALS } from './credentials.js';
import { createStandInControl, type StandInControl } from './stand-in-control.js';
import { startWechatStandIn } from './start-stand-in.js';

let standIn: Awaited<ReturnType<typeof startWechatStandIn>>;
let control: StandInControl;
beforeAll(async () => {
  standIn = await startWechatStandIn({ publishedPages: ['pages/index/index', 'pages/trial/index'] });
  control = createStandInControl(standIn.url);
});
afterAll(() => standIn.close());
beforeEach(() => control.clearFaults());

const client = () => createWechatClient({ baseUrl: standIn.url, ...STAND_IN_CREDENTIALS, store: createMemoryStore() });

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the import is the
// module object, and its `default` is the decoder (at run time too).
const jsQR = jsQRModule.default;

/** Reads the QR code in a PNG the way a phone's scanner would: pixels, then the code. */
function scan(png: Uint8Array): { text: string; width: number } {
  const image = PNG.sync.read(Buffer.from(png));
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the image');
  return { text: code.data, width: image.width };
}

async function rejection(promise: Promise<unknown>): Promise<WechatApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof WechatApiError)) throw new Error(`expected a WechatApiError, got ${String(error)}`);
  return error;
}

describe('wxacode.getUnlimited through the client, drawn by the stand-in', () => {
  const channelId = '0b7e4a39-2f4c-4d0e-9a51-6c1d2e3f4a5b';

  it('draws a scannable PNG that opens the page with the channel scene', async () => {
    const scene = encodeChannelScene(channelId);
    const png = await client().getUnlimitedQrCode({ scene, page: 'pages/trial/index', width: 430 });
    expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { text, width } = scan(png);
    expect(width).toBe(430);
    const [page, query] = text.split('?');
    expect(page).toBe('pages/trial/index');
    const received = new URLSearchParams(query).get('scene') ?? '';
    expect(parseScene(received)).toEqual({ ok: true, target: { kind: 'channel', channelId } });
  });

  it("keeps the width within WeChat's 280–1280 px", async () => {
    const scene = encodeChannelScene(channelId);
    expect(scan(await client().getUnlimitedQrCode({ scene, page: 'pages/index/index', width: 100 })).width).toBe(280);
  });

  it('refreshes a stale token once and retries (40001)', async () => {
    const wechat = client();
    await wechat.getAccessToken();
    await control.failNext('getwxacodeunlimit', { errcode: 40001, errmsg: 'invalid credential' });
    const png = await wechat.getUnlimitedQrCode({ scene: 'c.x', page: 'pages/index/index' });
    expect(scan(png).text).toBe('pages/index/index?scene=c.x');
  });

  it('answers errcodes as WeChat does: 41030 unpublished page, 45009 rate limit, 40169 bad scene', async () => {
    const wechat = client();
    const unpublished = await rejection(wechat.getUnlimitedQrCode({ scene: 'c.x', page: 'pages/secret/index' }));
    expect(unpublished).toMatchObject({ errcode: 41030, kind: 'config' });
    const withQuery = await rejection(wechat.getUnlimitedQrCode({ scene: 'c.x', page: 'pages/index/index?a=1' }));
    expect(withQuery.errcode).toBe(41030);
    // check_path: false allows a page the published version does not have yet.
    await expect(
      wechat.getUnlimitedQrCode({ scene: 'c.x', page: 'pages/new/index', checkPath: false }),
    ).resolves.toBeInstanceOf(Uint8Array);
    await control.failNext('getwxacodeunlimit', { errcode: 45009, errmsg: 'reach max api minute quota' });
    expect(await rejection(wechat.getUnlimitedQrCode({ scene: 'c.x', page: 'pages/index/index' }))).toMatchObject({
      errcode: 45009,
      kind: 'retryable',
    });
    for (const scene of ['', 'x'.repeat(33), '渠道码', 'a%20b']) {
      expect((await rejection(wechat.getUnlimitedQrCode({ scene, page: 'pages/index/index' }))).errcode).toBe(40169);
    }
  });

  it('a lost connection is a network error, not an image', async () => {
    await control.failNext('getwxacodeunlimit', { network: 'drop' });
    const error = await client()
      .getUnlimitedQrCode({ scene: 'c.x', page: 'pages/index/index' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WechatNetworkError);
    expect((error as WechatNetworkError).phase).toBe('exchange');
  });
});
