import { describe, expect, it } from 'vitest';
import {
  BuildSettingsError,
  findApiBaseProblem,
  isRealAppId,
  resolveBuildSettings,
  STAND_IN_TEMPLATE_IDS,
} from './build-settings';

/** What a correct release looks like: an https origin, a real AppID, WeChat template ids. */
const RELEASE_ENV = {
  TARO_APP_API_BASE: 'https://api.example.com',
  TARO_APP_ID: 'wx0123456789abcdef',
  TARO_APP_TEMPLATE_TRIAL_REMINDER: 'zun-LzcQyW-edafCVvzPkK4de2Rllr1fFpw2A_x0oXE',
  TARO_APP_TEMPLATE_NURTURE: 'Va0CPAd-X8wdo8hBmQGWaBFcOVlu9t7jnhntWGw5gqE',
  TARO_APP_TEMPLATE_BOOKING_CONFIRMED: 'brWVvPuoLPI9_i1qo_37LPVLK2jDyTGLuGqLK9Ur9PA',
  TARO_APP_TEMPLATE_REFERRAL_INVITE: 'Kq3mN8xR2tY7vB1cD5fG9hJ4kL6pS0wE_zA-uI2oV3n',
};

function problemsOf(env: Record<string, string | undefined>, platform = 'weapp'): string[] {
  try {
    resolveBuildSettings({ platform, isRelease: true, env });
    return [];
  } catch (error) {
    if (error instanceof BuildSettingsError) return error.problems;
    throw error;
  }
}

describe('development builds', () => {
  it('default to the local API and the stand-in templates, keeping the DevTools AppID', () => {
    expect(resolveBuildSettings({ platform: 'weapp', isRelease: false, env: {} })).toEqual({
      apiBase: 'http://localhost:3000',
      appId: null,
      templateIds: STAND_IN_TEMPLATE_IDS,
    });
  });

  it('serve H5 from the same origin, and take what the environment sets', () => {
    expect(resolveBuildSettings({ platform: 'h5', isRelease: false, env: {} }).apiBase).toBe('');
    const settings = resolveBuildSettings({
      platform: 'weapp',
      isRelease: false,
      env: { TARO_APP_API_BASE: 'http://192.168.1.5:3000/', WECHAT_APPID: 'wx0123456789abcdef' },
    });
    expect(settings).toMatchObject({ apiBase: 'http://192.168.1.5:3000', appId: 'wx0123456789abcdef' });
  });
});

describe('release builds', () => {
  it('accept an https origin, a real AppID and WeChat template ids', () => {
    expect(resolveBuildSettings({ platform: 'weapp', isRelease: true, env: RELEASE_ENV })).toEqual({
      apiBase: 'https://api.example.com',
      appId: 'wx0123456789abcdef',
      templateIds: {
        trialReminder: RELEASE_ENV.TARO_APP_TEMPLATE_TRIAL_REMINDER,
        nurture: RELEASE_ENV.TARO_APP_TEMPLATE_NURTURE,
        bookingConfirmed: RELEASE_ENV.TARO_APP_TEMPLATE_BOOKING_CONFIRMED,
        referralInvite: RELEASE_ENV.TARO_APP_TEMPLATE_REFERRAL_INVITE,
      },
    });
  });

  it.each([
    ['no API base', { TARO_APP_API_BASE: undefined }, 'TARO_APP_API_BASE is not set'],
    ['plain HTTP', { TARO_APP_API_BASE: 'http://api.example.com' }, 'must use https://'],
    ['localhost', { TARO_APP_API_BASE: 'https://localhost:3000' }, 'must not be localhost'],
    ['an IP address', { TARO_APP_API_BASE: 'https://10.0.0.8' }, 'not an IP address'],
    ['an IPv6 address', { TARO_APP_API_BASE: 'https://[::1]' }, 'not an IP address'],
    ['a path', { TARO_APP_API_BASE: 'https://api.example.com/api' }, 'origin only'],
    ['not a URL', { TARO_APP_API_BASE: 'api.example.com' }, 'must be an https:// origin'],
    ['no AppID', { TARO_APP_ID: undefined }, 'TARO_APP_ID (or WECHAT_APPID) is not set'],
    ['the tourist AppID', { TARO_APP_ID: 'touristappid' }, 'wx and 16 hex digits'],
    ['two different AppIDs', { WECHAT_APPID: 'wxffffffffffffffff' }, 'name different apps'],
    ['a stand-in template id', { TARO_APP_TEMPLATE_NURTURE: 'tpl-nurture-content' }, "local stand-in's id"],
    ['a missing template id', { TARO_APP_TEMPLATE_TRIAL_REMINDER: '' }, 'TARO_APP_TEMPLATE_TRIAL_REMINDER is not set'],
    ['a malformed template id', { TARO_APP_TEMPLATE_BOOKING_CONFIRMED: 'x y' }, 'does not look like'],
  ])('refuse %s', (_, change, expected) => {
    const problems = problemsOf({ ...RELEASE_ENV, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  it('list every problem at once, and refuse a release of the H5 build', () => {
    expect(problemsOf({})).toHaveLength(6);
    expect(problemsOf(RELEASE_ENV, 'h5')).toEqual([expect.stringContaining('a release build is a weapp build')]);
  });
});

describe('the rules', () => {
  it('know an AppID and an API origin a phone can reach', () => {
    expect(isRealAppId('wx0123456789abcdef')).toBe(true);
    expect(isRealAppId('wx0123456789ABCDEF')).toBe(false);
    expect(findApiBaseProblem('https://api.example.com:8443')).toBeNull();
    expect(findApiBaseProblem('https://api.localhost')).toContain('localhost');
  });
});
