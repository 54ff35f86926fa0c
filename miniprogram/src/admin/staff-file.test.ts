import { describe, expect, it } from 'vitest';
import { toQueryString } from './staff-file';

describe('the query string of a staff file (a CSV export)', () => {
  it('encodes every value and leaves out the unset ones', () => {
    expect(toQueryString({ fromDay: '2026-03-01', source: 'a&b=c', campusId: undefined, horizonDays: 90 })).toBe(
      '?fromDay=2026-03-01&source=a%26b%3Dc&horizonDays=90',
    );
    expect(toQueryString({})).toBe('');
  });
});
