import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelDefinitionSchema } from './channel.js';
import { encodeChannelScene, isValidScene, parseScene, SCENE_MAX_LENGTH } from './scene.js';

describe('channel scenes (wxacode.getUnlimited)', () => {
  it("round-trip every UUID in at most 32 characters of WeChat's set", () => {
    fc.assert(
      fc.property(fc.uuid(), (channelId) => {
        const scene = encodeChannelScene(channelId);
        expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
        expect(scene).toHaveLength(24);
        expect(isValidScene(scene)).toBe(true);
        expect(parseScene(scene)).toEqual({
          ok: true,
          target: { kind: 'channel', channelId: channelId.toLowerCase() },
        });
      }),
    );
  });

  it('survives the URL encoding the mini-program gets it in', () => {
    fc.assert(
      fc.property(fc.uuid(), (channelId) => {
        const scene = encodeChannelScene(channelId);
        expect(decodeURIComponent(encodeURIComponent(scene))).toBe(scene);
      }),
    );
  });

  it('an example, written out', () => {
    expect(encodeChannelScene('0b7e4a39-2f4c-4d0e-9a51-6c1d2e3f4a5b')).toBe('c.C35KOS9MTQ6aUWwdLj9KWw');
  });

  it('never throws on any scanned text, and says why it is not a channel', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (scene) => {
        const parsed = parseScene(scene);
        if (parsed.ok) expect(encodeChannelScene(parsed.target.channelId)).toBe(scene);
      }),
    );
    expect(parseScene('c.中文')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseScene('x'.repeat(33))).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseScene('r.abc')).toEqual({ ok: false, reason: 'unknown_kind' });
    expect(parseScene('c.C35KOS9MTQ6aUWwdLj9KW')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseScene('c.C35KOS9MTQ6aUWwdLj9KWx')).toEqual({ ok: false, reason: 'malformed' });
    expect(() => encodeChannelScene('not-a-uuid')).toThrow();
  });
});

describe('channelDefinitionSchema', () => {
  const campusId = '0b7e4a39-2f4c-4d0e-9a51-6c1d2e3f4a5b';
  it('defaults the landing page to home and requires the advisor of an advisor card', () => {
    expect(channelDefinitionSchema.parse({ name: '2026 秋季教育展', kind: 'fair', campusId }).landingPage).toBe(
      'pages/index/index',
    );
    const card = channelDefinitionSchema.safeParse({ name: '张老师名片', kind: 'advisor_card', campusId });
    expect(card.success).toBe(false);
    expect(card.error?.issues[0]?.message).toBe('顾问名片渠道需要指定顾问');
    expect(
      channelDefinitionSchema.safeParse({ name: 'x', kind: 'fair', campusId, landingPage: 'pages/me/index' }).success,
    ).toBe(false);
  });
});
