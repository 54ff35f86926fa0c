import { randomUUID } from 'node:crypto';
import type { GetContentResponse } from '@scrm/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createContentWithFile,
  createTestApp,
  expectError,
  logInAs,
  registerThroughApi,
  type TestApp,
} from '../../../tests/helpers/index.js';
import { touchpoints } from '../../db/schema/index.js';

async function setup() {
  const t = await createTestApp();
  const gated = await createContentWithFile(t, { title: '雅思备考白皮书（2026 版）', isGated: true });
  const open = await createContentWithFile(t, { title: 'IELTS guide', isGated: false, fileName: 'ielts "guide".pdf' });
  const me = await logInAs(t, `g${randomUUID().slice(0, 8)}`);
  await registerThroughApi(t, me.token);
  return { t, me, gated, open };
}

/** The link `GET /api/contents/:id` gives this viewer. */
async function linkFor(t: TestApp, contentId: string, token?: string): Promise<string> {
  const res = await t.request<GetContentResponse>(`/api/contents/${contentId}`, token ? { token } : {});
  const url = res.body.content.downloadUrl;
  if (!url) throw new Error(`no download link: ${res.text}`);
  return url;
}

const downloadsOf = (t: TestApp, leadId: string) =>
  t.db
    .select()
    .from(touchpoints)
    .where(and(eq(touchpoints.leadId, leadId), eq(touchpoints.type, 'content_download')));

describe('GET /api/downloads/:contentId', () => {
  it('serves a gated file through the signed link and records the download once per link', async () => {
    const { t, me, gated } = await setup();
    const link = await linkFor(t, gated.content.id, me.token);
    const res = await t.app.request(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(gated.bytes.byteLength));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    // RFC 6266 with the UTF-8 name in RFC 5987 encoding and an ASCII fallback.
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('雅思备考白皮书（2026 版）.pdf')}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(gated.bytes);
    expect(await downloadsOf(t, me.leadId)).toMatchObject([
      { contentId: gated.content.id, occurredAt: t.clock.now(), props: { format: 'pdf' } },
    ]);

    // A retry of the same link (a flaky network, a double tap) counts once.
    expect((await t.app.request(link)).status).toBe(200);
    expect(await downloadsOf(t, me.leadId)).toHaveLength(1);
    // A fresh link (the page opened again later) is a new download.
    t.clock.advance(60_000);
    expect((await t.app.request(await linkFor(t, gated.content.id, me.token))).status).toBe(200);
    expect(await downloadsOf(t, me.leadId)).toHaveLength(2);
  });

  it('serves an ungated file to anyone without a link, recording nothing', async () => {
    const { t, open } = await setup();
    expect(await linkFor(t, open.content.id)).toBe(`/api/downloads/${open.content.id}`);
    const res = await t.app.request(`/api/downloads/${open.content.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ielts _guide_.pdf"; filename*=UTF-8''ielts%20%22guide%22.pdf`,
    );
    expect(await t.db.select().from(touchpoints).where(eq(touchpoints.type, 'content_download'))).toHaveLength(0);
  });

  const refusals: [string, (s: Awaited<ReturnType<typeof setup>>) => Promise<[string, string?]>, number, string][] = [
    ['a gated file without a link', async ({ gated }) => [`/api/downloads/${gated.content.id}`], 403, 'forbidden'],
    [
      'a tampered signature',
      async ({ t, me, gated }) => [
        (await linkFor(t, gated.content.id, me.token)).replace(/sig=(.)/, (_m, c) => `sig=${c === 'A' ? 'B' : 'A'}`),
      ],
      403,
      'forbidden',
    ],
    [
      "another item's link",
      async ({ t, me, gated, open }) => [
        (await linkFor(t, open.content.id, me.token)).replace(open.content.id, gated.content.id),
      ],
      403,
      'forbidden',
    ],
    [
      "a link rewritten to another lead's id",
      async ({ t, me, gated }) => {
        const other = await logInAs(t, `x${randomUUID().slice(0, 8)}`);
        return [(await linkFor(t, gated.content.id, me.token)).replace(me.leadId, other.leadId)];
      },
      403,
      'forbidden',
    ],
    [
      "someone else's link, fetched with one's own token",
      async ({ t, me, gated }) => {
        const other = await logInAs(t, `y${randomUUID().slice(0, 8)}`);
        return [await linkFor(t, gated.content.id, me.token), other.token];
      },
      403,
      'forbidden',
    ],
    [
      'an expired link',
      async ({ t, me, gated }) => {
        const link = await linkFor(t, gated.content.id, me.token);
        t.clock.advance(15 * 60_000 + 1000);
        return [link];
      },
      410,
      'link_expired',
    ],
    [
      'the link of an erased lead',
      async ({ t, me, gated }) => {
        const link = await linkFor(t, gated.content.id, me.token);
        await t.request('/api/me', { method: 'DELETE', token: me.token });
        return [link];
      },
      403,
      'forbidden',
    ],
    [
      'an incomplete link',
      async ({ t, me, gated }) => [(await linkFor(t, gated.content.id, me.token)).replace(/&sig=.*$/, '')],
      400,
      'validation_failed',
    ],
    ['an id that is not a UUID', async () => ['/api/downloads/ielts-whitepaper.pdf'], 400, 'validation_failed'],
    ['an unknown item', async () => [`/api/downloads/${randomUUID()}`], 404, 'not_found'],
  ];
  it.each(refusals)('refuses %s with the envelope, writing nothing', async (_label, make, status, code) => {
    const s = await setup();
    const [path, token] = await make(s);
    const before = (await s.t.db.select().from(touchpoints)).length;
    const res = await s.t.request(path, token ? { token } : {});
    expectError(res, status, code as Parameters<typeof expectError>[2]);
    expect(await s.t.db.select().from(touchpoints)).toHaveLength(before);
  });
});
