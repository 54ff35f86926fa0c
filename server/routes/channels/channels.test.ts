import { type ChannelDetailResponse, type ChannelResponse, type ListChannelsResponse, parseScene } from '@scrm/shared';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  expectError,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { countRows } from '../../../tests/helpers/table-counts.js';
import { createStandInControl } from '../../wechat/stand-in/stand-in-control.js';

const jsQR = jsQRModule.default;

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t, '徐汇校区');
  const elsewhere = await createTestCampus(t, '浦东校区');
  const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
  const advisor = await createTestStaff(t, { campusIds: [campus.id], name: '张老师' });
  const other = await createTestStaff(t, { campusIds: [campus.id], name: '王老师' });
  return { t, campus, elsewhere, manager, advisor, other };
}

function create(t: TestApp, token: string, json: Record<string, unknown>) {
  return t.request<ChannelResponse>('/api/staff/channels', { method: 'POST', token, json });
}

/** How often the stand-in drew a code (its call counter), as WeChat's quota would count. */
async function codeCalls(t: TestApp): Promise<number> {
  return (await createStandInControl(t.wechat.url).calls()).getwxacodeunlimit ?? 0;
}

/** The code route's reply with its bytes (the JSON test client reads text). */
async function fetchCode(t: TestApp, id: string, token: string) {
  const res = await t.app.request(`/api/staff/channels/${id}/code.png`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, png: new Uint8Array(await res.arrayBuffer()) };
}

function scan(png: Uint8Array): { text: string | undefined; width: number } {
  const image = PNG.sync.read(Buffer.from(png));
  return { text: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data, width: image.width };
}

describe('channels: create, list, read, change, archive (issue 13 §4)', () => {
  it('a manager creates a channel with a scene that names it, and finds it in the list', async () => {
    const { t, campus, manager } = await setup();
    const res = await create(t, manager.token, { name: '2026 秋季教育展', kind: 'fair', campusId: campus.id });
    expect(res.status).toBe(201);
    const { channel } = res.body;
    expect(channel).toMatchObject({
      name: '2026 秋季教育展',
      kind: 'fair',
      campusName: '徐汇校区',
      landingPage: 'pages/index/index',
      campaignId: null,
      advisorId: null,
      archivedAt: null,
      codeUrl: `/api/staff/channels/${channel.id}/code.png`,
    });
    expect(channel.scene.length).toBeLessThanOrEqual(32);
    expect(parseScene(channel.scene)).toEqual({ ok: true, target: { kind: 'channel', channelId: channel.id } });
    const list = await t.request<ListChannelsResponse>('/api/staff/channels', { token: manager.token });
    expect(list.body.channels.map((c) => c.id)).toEqual([channel.id]);
    const detail = await t.request<ChannelDetailResponse>(`/api/staff/channels/${channel.id}`, {
      token: manager.token,
    });
    expect(detail.body.counts).toEqual({ scans: 0, newLeads: 0, registrations: 0, bookings: 0 });
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const { t, campus, manager } = await setup();
    const before = await countRows(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'fair', campusId: campus.id }, 'name'],
      [{ name: '', kind: 'fair', campusId: campus.id }, 'name'],
      [{ name: 'x'.repeat(31), kind: 'fair', campusId: campus.id }, 'name'],
      [{ name: '海报', kind: 'billboard', campusId: campus.id }, 'kind'],
      [{ name: '海报', kind: 'poster', campusId: 'not-a-uuid' }, 'campusId'],
      [{ name: '海报', kind: 'poster', campusId: campus.id, landingPage: 'pages/me/index' }, 'landingPage'],
      [{ name: '张老师名片', kind: 'advisor_card', campusId: campus.id }, 'advisorId'],
      [{ name: '海报', kind: 'poster', campusId: campus.id, extra: 1 }, ''],
      [{ name: '海报', kind: 'poster', campusId: campus.id, campaignId: 'x'.repeat(65) }, 'campaignId'],
    ];
    for (const [json, field] of cases) {
      const error = expectError(await create(t, manager.token, json), 400, 'validation_failed');
      expect(JSON.stringify(error.issues ?? [])).toContain(field);
    }
    // An advisor who is not one of the campus's, and a campus nobody knows.
    const stranger = await createTestStaff(t, { campusIds: [] });
    const badAdvisor = await create(t, manager.token, {
      name: '名片',
      kind: 'advisor_card',
      campusId: campus.id,
      advisorId: stranger.id,
    });
    expect(expectError(badAdvisor, 400, 'validation_failed').userMessage).toBe('所选顾问不存在或不在该校区');
    const managerAsAdvisor = await create(t, manager.token, {
      name: '名片',
      kind: 'advisor_card',
      campusId: campus.id,
      advisorId: manager.id,
    });
    expectError(managerAsAdvisor, 400, 'validation_failed');
    const countsAfter = await countRows(t);
    expect(countsAfter).toEqual({ ...before, advisors: (before.advisors ?? 0) + 1 });
  });

  it('keeps a manager to their campuses and an advisor to their own cards', async () => {
    const { t, campus, elsewhere, manager, advisor, other } = await setup();
    const outside = await create(t, manager.token, { name: '浦东海报', kind: 'poster', campusId: elsewhere.id });
    expect(expectError(outside, 403, 'forbidden').userMessage).toBe('无权管理该校区');
    const card = (
      await create(t, manager.token, {
        name: '张老师名片',
        kind: 'advisor_card',
        campusId: campus.id,
        advisorId: advisor.id,
      })
    ).body.channel;
    const poster = (await create(t, manager.token, { name: '校门海报', kind: 'poster', campusId: campus.id })).body
      .channel;
    expect(card.advisorName).toBe('张老师');

    const own = await t.request<ListChannelsResponse>('/api/staff/channels', { token: advisor.token });
    expect(own.body.channels.map((c) => c.id)).toEqual([card.id]);
    expect(
      (await t.request<ListChannelsResponse>('/api/staff/channels', { token: other.token })).body.channels,
    ).toEqual([]);
    expect((await t.request(`/api/staff/channels/${card.id}`, { token: advisor.token })).status).toBe(200);
    expect((await t.request(`/api/staff/channels/${card.id}/code.png`, { token: advisor.token })).status).toBe(200);
    expectError(await t.request(`/api/staff/channels/${poster.id}`, { token: advisor.token }), 404, 'not_found');
    expectError(await t.request(`/api/staff/channels/${card.id}/code.png`, { token: other.token }), 404, 'not_found');

    // Another campus's manager sees none of it.
    const pudong = await createTestStaff(t, { role: 'manager', campusIds: [elsewhere.id] });
    expect(
      (await t.request<ListChannelsResponse>('/api/staff/channels', { token: pudong.token })).body.channels,
    ).toEqual([]);
    expectError(await t.request(`/api/staff/channels/${poster.id}`, { token: pudong.token }), 404, 'not_found');
    const patch = await t.request(`/api/staff/channels/${poster.id}`, {
      method: 'PATCH',
      token: pudong.token,
      json: { name: '改名' },
    });
    expectError(patch, 404, 'not_found');
  });

  it('changes a channel field by field, keeps its scene, and archives it once', async () => {
    const { t, campus, manager, advisor } = await setup();
    const poster = (await create(t, manager.token, { name: '校门海报', kind: 'poster', campusId: campus.id })).body
      .channel;
    const patch = (json: Record<string, unknown>) =>
      t.request<ChannelResponse>(`/api/staff/channels/${poster.id}`, { method: 'PATCH', token: manager.token, json });
    const changed = await patch({
      name: '校门海报（秋）',
      campaignId: 'welcome-2026',
      landingPage: 'pages/trial/index',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.channel).toMatchObject({
      name: '校门海报（秋）',
      campaignId: 'welcome-2026',
      landingPage: 'pages/trial/index',
      scene: poster.scene,
    });
    expect((await patch({ campaignId: null })).body.channel.campaignId).toBeNull();
    // Bad changes: nothing, an unknown field, a card without its advisor, a stranger as advisor.
    expectError(await patch({}), 400, 'validation_failed');
    expectError(await patch({ colour: 'red' }), 400, 'validation_failed');
    expect(expectError(await patch({ kind: 'advisor_card' }), 400, 'validation_failed').userMessage).toBe(
      '顾问名片渠道需要指定顾问',
    );
    expectError(await patch({ advisorId: '00000000-0000-4000-8000-000000000000' }), 400, 'validation_failed');
    expect((await patch({ kind: 'advisor_card', advisorId: advisor.id })).body.channel.advisorName).toBe('张老师');

    const archive = () =>
      t.request<ChannelResponse>(`/api/staff/channels/${poster.id}/archive`, { method: 'POST', token: manager.token });
    const archived = await archive();
    expect(archived.body.channel.archivedAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    expect((await archive()).body.channel.archivedAt).toBe(archived.body.channel.archivedAt);
    expect(
      (await t.request<ListChannelsResponse>('/api/staff/channels', { token: manager.token })).body.channels,
    ).toEqual([]);
    const listed = await t.request<ListChannelsResponse>('/api/staff/channels?archived=true', { token: manager.token });
    expect(listed.body.channels.map((c) => c.id)).toEqual([poster.id]);
    expectError(await patch({ name: '再改' }), 409, 'conflict');
    expectError(
      await t.request('/api/staff/channels?archived=maybe', { token: manager.token }),
      400,
      'validation_failed',
    );
    expectError(await t.request('/api/staff/channels/nope', { token: manager.token }), 400, 'validation_failed');
  });
});

describe("a channel's code (wxacode.getUnlimited through the stand-in)", () => {
  it('is a scannable PNG of the landing page and scene, downloadable by name, fetched from WeChat once', async () => {
    const { t, campus, manager } = await setup();
    const { channel } = (await create(t, manager.token, { name: '秋季教育展', kind: 'fair', campusId: campus.id }))
      .body;
    const before = await codeCalls(t);
    const first = await fetchCode(t, channel.id, manager.token);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toBe('image/png');
    expect(first.res.headers.get('content-disposition')).toBe(
      `attachment; filename="download.png"; filename*=UTF-8''${encodeURIComponent('渠道码-秋季教育展.png')}`,
    );
    expect(scan(first.png)).toEqual({
      text: `pages/index/index?scene=${encodeURIComponent(channel.scene)}`,
      width: 1280,
    });
    expect(await codeCalls(t)).toBe(before + 1);

    // Again, and twice at once: the stored image, no call to WeChat.
    const again = await Promise.all([1, 2].map(() => fetchCode(t, channel.id, manager.token)));
    for (const { png } of again) expect(png).toEqual(first.png);
    expect(await codeCalls(t)).toBe(before + 1);

    // A new landing page is a new code: one more call, then cached again.
    const patched = await t.request(`/api/staff/channels/${channel.id}`, {
      method: 'PATCH',
      token: manager.token,
      json: { landingPage: 'pages/trial/index' },
    });
    expect(patched.status).toBe(200);
    const moved = await fetchCode(t, channel.id, manager.token);
    expect(scan(moved.png).text).toBe(`pages/trial/index?scene=${encodeURIComponent(channel.scene)}`);
    await fetchCode(t, channel.id, manager.token);
    expect(await codeCalls(t)).toBe(before + 2);
  });

  it("answers WeChat's rate limit (45009) as a retryable 503 and keeps nothing", async () => {
    const t = await createTestApp({ expectErrorLogs: true });
    const campus = await createTestCampus(t);
    const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
    const { channel } = (await create(t, manager.token, { name: '海报', kind: 'poster', campusId: campus.id })).body;
    const control = createStandInControl(t.wechat.url);
    await control.failNext('getwxacodeunlimit', { errcode: 45009, errmsg: 'reach max api daily quota limit' });
    const before = await codeCalls(t);
    const limited = await t.request(`/api/staff/channels/${channel.id}/code.png`, { token: manager.token });
    expect(expectError(limited, 503, 'service_unavailable').userMessage).toBe('生成小程序码失败，请稍后重试');
    const retried = await fetchCode(t, channel.id, manager.token);
    expect(retried.res.status).toBe(200);
    expect(await codeCalls(t)).toBe(before + 2);
  });
});
