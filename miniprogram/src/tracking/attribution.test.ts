import { describe, expect, it } from 'vitest';
import { buildSharePath, normalizePagePath, readAttribution } from './attribution';

const SHARER = '6f1c2b9e-3d4a-4c8b-9f0e-1a2b3c4d5e6f';

describe('buildSharePath', () => {
  it("keeps the page's query and carries the sharer as referrer, replacing an earlier one", () => {
    expect(
      buildSharePath('/pages/content/index', { id: 'c1', referrer: 'someone-else', $taroTimestamp: '1' }, SHARER),
    ).toBe(`/pages/content/index?id=c1&referrer=${SHARER}`);
  });

  it('shares without a referrer when the sharer has no session', () => {
    expect(buildSharePath('pages/index/index', {}, null)).toBe('/pages/index/index');
  });
});

describe('readAttribution', () => {
  it('reads referrer, channel and campaign from the opening link', () => {
    expect(readAttribution({ referrer: SHARER, channel: 'qr%20code', campaignId: 'spring-2026', id: 'x' })).toEqual({
      referrer: SHARER,
      channel: 'qr code',
      campaignId: 'spring-2026',
    });
  });

  it("takes a channel code's scene, URL-encoded as WeChat passes it, as the visit's channel", () => {
    const scene = 'c.C35KOS9MTQ6aUWwdLj9KWw';
    expect(readAttribution({ scene: encodeURIComponent(scene), channel: 'poster' })).toEqual({ channel: scene });
    expect(readAttribution({ scene: 'not-a-channel-scene' })).toEqual({});
    expect(readAttribution({ scene: 'c.%E4%B8%AD' })).toEqual({});
  });

  it('leaves out values the touchpoint schema would refuse', () => {
    expect(readAttribution({ referrer: 'x'.repeat(201), channel: '' })).toEqual({});
  });
});

describe('normalizePagePath', () => {
  it('strips the query and adds the leading slash', () => {
    expect(normalizePagePath('pages/me/index?tab=1')).toBe('/pages/me/index');
  });
});
