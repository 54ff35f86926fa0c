import { randomUUID } from 'node:crypto';
import type { GetContentResponse, ListContentsResponse } from '@scrm/shared';
import { describe, expect, it } from 'vitest';
import { createRegisteredProspects, createTestApp, expectError } from '../../../tests/helpers/index.js';
import { contentItems } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const items = await t.db
    .insert(contentItems)
    .values([
      {
        title: '雅思入门',
        kind: 'article',
        topic: '雅思',
        journeyStage: 'exploring',
        publishedAt: new Date('2026-01-01T00:00:00Z'),
      },
      {
        title: '学员案例',
        kind: 'article',
        topic: '雅思',
        journeyStage: 'considering',
        publishedAt: new Date('2026-02-01T00:00:00Z'),
      },
      {
        title: '课程价格',
        kind: 'article',
        topic: '托福',
        journeyStage: 'preferring',
        publishedAt: new Date('2026-03-01T00:00:00Z'),
      },
      {
        title: '备考白皮书',
        kind: 'ebook',
        topic: '雅思',
        journeyStage: 'considering',
        isGated: true,
        downloadUrl: '/downloads/ielts.pdf',
        publishedAt: new Date('2026-02-15T00:00:00Z'),
      },
    ])
    .returning();
  return { t, items };
}

describe('contents', () => {
  it('lists newest first, filters by topic, pages with a cursor', async () => {
    const { t } = await setup();
    const all = await t.request<ListContentsResponse>('/api/contents');
    expect(all.body.contents.map((c) => c.title)).toEqual(['课程价格', '备考白皮书', '学员案例', '雅思入门']);
    expect(all.body.topics).toEqual(['托福', '雅思']);
    expect(all.body.recommendedStage).toBeNull();
    const page1 = await t.request<ListContentsResponse>('/api/contents?topic=雅思&limit=2');
    expect(page1.body.contents.map((c) => c.title)).toEqual(['备考白皮书', '学员案例']);
    const page2 = await t.request<ListContentsResponse>(
      `/api/contents?topic=雅思&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.contents.map((c) => c.title)).toEqual(['雅思入门']);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('a gated e-book is locked until the viewer is registered', async () => {
    const { t, items } = await setup();
    const ebook = items.find((i) => i.isGated);
    const anonymous = await t.request<GetContentResponse>(`/api/contents/${ebook?.id}`);
    expect(anonymous.body.content).toMatchObject({ isLocked: true, downloadUrl: null });
    const [me] = await createRegisteredProspects(t, 1);
    const registered = await t.request<GetContentResponse>(`/api/contents/${ebook?.id}`, { token: me?.token ?? '' });
    expect(registered.body.content).toMatchObject({ isLocked: false, downloadUrl: '/downloads/ielts.pdf' });
  });

  it.each([
    ['/api/contents?limit=0', 400],
    ['/api/contents?limit=abc', 400],
    ['/api/contents?journeyStage=bored', 400],
    ['/api/contents?cursor=%%%', 400],
    ['/api/contents/not-a-uuid', 400],
    [`/api/contents/${randomUUID()}`, 404],
  ])('%s → %i', async (path, status) => {
    const { t } = await setup();
    const res = await t.request(path);
    expectError(res, status, status === 404 ? 'not_found' : 'validation_failed');
  });
});
