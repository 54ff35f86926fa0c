import { randomUUID } from 'node:crypto';
import type { ListMyDownloadsResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectAccessRules,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { contentItems } from '../../db/schema/index.js';

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
  const [guide, whitepaper] = await t.db
    .insert(contentItems)
    .values([
      {
        title: '选课指南',
        kind: 'ebook',
        topic: '雅思',
        journeyStage: 'exploring',
        downloadUrl: '/downloads/guide.pdf',
      },
      {
        title: '备考白皮书',
        kind: 'ebook',
        topic: '雅思',
        journeyStage: 'considering',
        isGated: true,
        downloadUrl: '/downloads/whitepaper.pdf',
      },
    ])
    .returning();
  if (!guide || !whitepaper) throw new Error('content setup failed');
  const me = await logInAs(t, `d${randomUUID().slice(0, 8)}`);
  const report = (events: unknown[]) =>
    t.request('/api/touchpoints', { method: 'POST', token: me.token, json: { events } });
  const mine = async (token = me.token) =>
    (await t.request<ListMyDownloadsResponse>('/api/me/downloads', { token })).body.downloads;
  return { t, me, guide, whitepaper, report, mine };
}

describe('GET /api/me/downloads', () => {
  it('lists each downloaded item once, by its latest download, latest first', async () => {
    const { t, guide, whitepaper, report, mine } = await setup();
    const latestGuide = download(t, guide.id, 1);
    await report([download(t, guide.id, 30), download(t, whitepaper.id, 10), latestGuide]);
    const downloads = await mine();
    expect(downloads.map((d) => [d.content.title, d.downloadedAt])).toEqual([
      ['选课指南', latestGuide.occurredAt],
      ['备考白皮书', expect.any(String)],
    ]);
    expect(downloads[0]).toMatchObject({
      content: { id: guide.id, kind: 'ebook' },
      downloadUrl: '/downloads/guide.pdf',
    });
  });

  it('keeps a gated file locked for a prospect who reported its download without registering', async () => {
    const { t, me, whitepaper, report, mine } = await setup();
    await report([download(t, whitepaper.id, 5)]);
    expect(await mine()).toMatchObject([{ content: { id: whitepaper.id, isGated: true }, downloadUrl: null }]);

    await registerThroughApi(t, me.token);
    expect(await mine()).toMatchObject([{ downloadUrl: '/downloads/whitepaper.pdf' }]);
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
