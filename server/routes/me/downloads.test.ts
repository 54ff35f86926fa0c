import { randomUUID } from 'node:crypto';
import type { GetContentResponse, ListMyDownloadsResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import {
  createContentWithFile,
  createTestApp,
  expectAccessRules,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';

function download(t: TestApp, contentId: string, minutesAgo: number) {
  return {
    id: randomUUID(),
    type: 'content_download',
    occurredAt: new Date(t.clock.now().getTime() - minutesAgo * 60_000).toISOString(),
    contentId,
    props: {},
  };
}

async function setup() {
  const t = await createTestApp();
  const guide = await createContentWithFile(t, { title: '选课指南', isGated: false, journeyStage: 'exploring' });
  const whitepaper = await createContentWithFile(t, { title: '备考白皮书', isGated: true });
  const me = await logInAs(t, `d${randomUUID().slice(0, 8)}`);
  const report = (events: unknown[]) =>
    t.request('/api/touchpoints', { method: 'POST', token: me.token, json: { events } });
  const mine = async (token = me.token) =>
    (await t.request<ListMyDownloadsResponse>('/api/me/downloads', { token })).body.downloads;
  /** Opens the item's page and fetches its signed link, as the mini-program does. */
  const fetchThroughLink = async (contentId: string) => {
    const page = await t.request<GetContentResponse>(`/api/contents/${contentId}`, { token: me.token });
    const res = await t.app.request(page.body.content.downloadUrl ?? '');
    expect(res.status).toBe(200);
  };
  return { t, me, guide: guide.content, whitepaper: whitepaper.content, report, mine, fetchThroughLink };
}

describe('GET /api/me/downloads', () => {
  it('lists each downloaded item once, by its latest download, latest first, with fresh signed links', async () => {
    const { t, me, guide, whitepaper, report, mine, fetchThroughLink } = await setup();
    await registerThroughApi(t, me.token);
    await report([download(t, guide.id, 30)]);
    await fetchThroughLink(whitepaper.id);
    t.clock.advance(60_000);
    await fetchThroughLink(guide.id);
    const downloads = await mine();
    expect(downloads.map((d) => [d.content.title, d.downloadedAt])).toEqual([
      ['选课指南', t.clock.now().toISOString()],
      ['备考白皮书', new Date(t.clock.now().getTime() - 60_000).toISOString()],
    ]);
    for (const d of downloads) {
      expect(d.downloadFileType).toBe('pdf');
      expect(d.downloadUrl).toMatch(
        new RegExp(`^/api/downloads/${d.content.id}\\?lead=${me.leadId}&expires=\\d+&sig=`),
      );
    }
  });

  it('lists a gated item only once the server recorded its download, never from a device report', async () => {
    const { t, me, whitepaper, report, mine, fetchThroughLink } = await setup();
    expect((await report([download(t, whitepaper.id, 5)])).body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    expect(await mine()).toEqual([]);
    await registerThroughApi(t, me.token);
    await fetchThroughLink(whitepaper.id);
    expect(await mine()).toMatchObject([{ content: { id: whitepaper.id, isGated: true }, downloadFileType: 'pdf' }]);
  });

  it('shows nothing of another prospect, and an empty list before any download', async () => {
    const { t, guide, report, mine } = await setup();
    expect(await mine()).toEqual([]);
    await report([download(t, guide.id, 1)]);
    const other = await logInAs(t, `o${randomUUID().slice(0, 8)}`);
    expect(await mine(other.token)).toEqual([]);
  });

  it('needs a prospect token', async () => {
    const { t } = await setup();
    await expectAccessRules(t, (token) => t.request('/api/me/downloads', { token }), { allowed: ['prospect'] });
  });
});
