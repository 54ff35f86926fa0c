import { randomUUID } from 'node:crypto';
import type { GetContentResponse, ListContentsResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createContentWithFile,
  createRegisteredProspects,
  createTestApp,
  createTestCatalog,
  expectError,
} from '../../../tests/helpers/index.js';
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
    ])
    .returning();
  const { content: ebook } = await createContentWithFile(t, { title: '备考白皮书', isGated: true });
  await t.db
    .update(contentItems)
    .set({ publishedAt: new Date('2026-02-15T00:00:00Z') })
    .where(eq(contentItems.id, ebook.id));
  return { t, items: [...items, ebook] };
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

  it('a gated e-book is locked until the viewer is registered, then offered as a link signed for them', async () => {
    const { t, items } = await setup();
    const ebook = items.find((i) => i.isGated);
    const anonymous = await t.request<GetContentResponse>(`/api/contents/${ebook?.id}`);
    expect(anonymous.body.content).toMatchObject({ isLocked: true, downloadUrl: null, downloadFileType: 'pdf' });
    const [me] = await createRegisteredProspects(t, 1);
    const registered = await t.request<GetContentResponse>(`/api/contents/${ebook?.id}`, { token: me?.token ?? '' });
    expect(registered.body.content).toMatchObject({ isLocked: false, downloadFileType: 'pdf' });
    const url = new URL(registered.body.content.downloadUrl ?? '', 'http://x');
    expect(url.pathname).toBe(`/api/downloads/${ebook?.id}`);
    expect(url.searchParams.get('lead')).toBe(me?.leadId);
    expect(Number(url.searchParams.get('expires')) * 1000).toBe(t.clock.now().getTime() + 15 * 60_000);
  });

  it('an item without a file offers no download', async () => {
    const { t, items } = await setup();
    const article = items.find((i) => !i.isGated);
    const res = await t.request<GetContentResponse>(`/api/contents/${article?.id}`);
    expect(res.body.content).toMatchObject({ downloadUrl: null, downloadFileType: null, isLocked: false });
  });

  it('each item ends with the next step of its journey stage: a considering read, the gated guide, a trial', async () => {
    const { t, items } = await setup();
    const { course } = await createTestCatalog(t);
    const [exploring, considering, preferring, guide] = items;
    await t.db.update(contentItems).set({ courseId: course.id }).where(eq(contentItems.topic, '雅思'));
    const nextOf = async (id: string | undefined) =>
      (await t.request<GetContentResponse>(`/api/contents/${id}`)).body.content.nextStep;
    expect(await nextOf(exploring?.id)).toMatchObject({ kind: 'content', content: { id: considering?.id } });
    expect(await nextOf(considering?.id)).toMatchObject({ kind: 'content', content: { id: guide?.id, isGated: true } });
    expect(await nextOf(guide?.id)).toEqual({ kind: 'trial', course: { id: course.id, name: course.name } });
    // A preferring item without a course has nowhere to send the reader: no step rather than a wrong one.
    expect(await nextOf(preferring?.id)).toBeNull();
    const detail = await t.request<GetContentResponse>(`/api/contents/${guide?.id}`);
    expect(detail.body.content.course).toEqual({ id: course.id, name: course.name });
    expect(detail.body.content.coverUrl).toBe(`/api/contents/${guide?.id}/cover.png`);
  });

  it('serves each item a PNG cover, cacheable, the same bytes each time', async () => {
    const { t, items } = await setup();
    const first = await t.app.request(`/api/contents/${items[0]?.id}/cover.png`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('cache-control')).toContain('max-age=');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.byteLength).toBeLessThan(20_000);
    const again = new Uint8Array(await (await t.app.request(`/api/contents/${items[0]?.id}/cover.png`)).arrayBuffer());
    expect(again).toEqual(bytes);
    expectError(await t.request(`/api/contents/${randomUUID()}/cover.png`), 404, 'not_found');
    expectError(await t.request('/api/contents/nope/cover.png'), 400, 'validation_failed');
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
