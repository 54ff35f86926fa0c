import { describe, expect, it } from 'vitest';
import { CHANNEL_TEXT as T } from '../../pages/channels/text';
import { findMissing } from './index';

describe('the channel form says what is missing before it sends anything', () => {
  const campusId = '00000000-0000-4000-8000-000000000001';
  it.each([
    [{ name: '  ', campusId, kind: 'fair' as const }, T.nameRequired],
    [{ name: '教育展', kind: 'fair' as const }, T.campusRequired],
    [{ name: '张老师名片', campusId, kind: 'advisor_card' as const }, T.advisorRequired],
    [{ name: '张老师名片', campusId, kind: 'advisor_card' as const, advisorId: 'a1' }, null],
    [{ name: '教育展', campusId, kind: 'fair' as const }, null],
  ])('%o → %s', (input, message) => {
    expect(findMissing(input)).toBe(message);
  });
});
