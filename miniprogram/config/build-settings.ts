/**
 * What a mini-program build fixes at build time (issue 11 items 1 and 3): the API origin, the
 * AppID and the subscribe-message template ids, read from the environment. One module, pure (no
 * Node APIs), so that the Taro config, the output check and the tests share one set of rules.
 *
 * A development build takes defaults that work with `npm start` and WeChat DevTools. A release
 * build (`npm run build:weapp:release`, Taro's `--mode release`) refuses to be made unless every
 * value is one WeChat accepts on a phone, and lists every problem at once.
 */

/** The templates the product asks for (SPEC §2.5), by their role in the product. */
export const SUBSCRIBE_TEMPLATE_KEYS = ['trialReminder', 'nurture', 'bookingConfirmed', 'referralInvite'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];
export type SubscribeTemplateIds = Record<SubscribeTemplateKey, string>;

/** The variable each template id is read from (Taro also loads `TARO_APP_*` from `.env.*` files). */
export const SUBSCRIBE_TEMPLATE_ENV: Record<SubscribeTemplateKey, string> = {
  trialReminder: 'TARO_APP_TEMPLATE_TRIAL_REMINDER',
  nurture: 'TARO_APP_TEMPLATE_NURTURE',
  bookingConfirmed: 'TARO_APP_TEMPLATE_BOOKING_CONFIRMED',
  referralInvite: 'TARO_APP_TEMPLATE_REFERRAL_INVITE',
};

/** The local WeChat stand-in's ids (server/wechat/stand-in): what development builds ask for. */
export const STAND_IN_TEMPLATE_IDS: SubscribeTemplateIds = {
  trialReminder: 'tpl-trial-reminder',
  nurture: 'tpl-nurture-content',
  bookingConfirmed: 'tpl-booking-confirmed',
  referralInvite: 'tpl-referral-invite',
};

export const DEVELOPMENT_WEAPP_API_BASE = 'http://localhost:3000';

export interface BuildSettings {
  /** '' = same origin (the H5 build served by the API); no trailing slash. */
  apiBase: string;
  /** null: keep the AppID of project.config.json (development). */
  appId: string | null;
  templateIds: SubscribeTemplateIds;
}

export class BuildSettingsError extends Error {
  override readonly name = 'BuildSettingsError';
  constructor(readonly problems: string[]) {
    super(`The release build refuses these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** A mini-program AppID: `wx` and 16 hex digits (mp.weixin.qq.com → 开发 → 开发管理 → 开发设置). */
export function isRealAppId(value: string): boolean {
  return /^wx[0-9a-f]{16}$/.test(value);
}

/**
 * Why `value` cannot be the API origin of a mini-program on a phone, or null when it can.
 * wx.request and wx.downloadFile reach only HTTPS domains on the admin console's whitelist:
 * no IP address, no localhost, no plain HTTP (WeChat doc 网络 → 使用说明 → 服务器域名配置).
 * A port is allowed, but then every request must use it.
 */
export function findApiBaseProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `TARO_APP_API_BASE must be an https:// origin, got ${JSON.stringify(value)}`;
  }
  if (url.protocol !== 'https:') return `TARO_APP_API_BASE must use https://, got ${value}`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `TARO_APP_API_BASE must not be localhost (${value})`;
  if (/^[\d.]+$/.test(host) || host.includes(':'))
    return `TARO_APP_API_BASE must be a domain, not an IP address (${value})`;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    return `TARO_APP_API_BASE must be an origin only, like https://api.example.com (got ${value})`;
  }
  return null;
}

/** WeChat's template ids are 43-character url-safe strings; the stand-in's start with `tpl-`. */
function findTemplateIdProblem(key: SubscribeTemplateKey, value: string | undefined): string | null {
  const variable = SUBSCRIBE_TEMPLATE_ENV[key];
  if (!value) return `${variable} is not set (the template id from 订阅消息 → 我的模板)`;
  if (value.startsWith('tpl-')) return `${variable} is the local stand-in's id ${value}, not a WeChat template id`;
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(value)) return `${variable} does not look like a WeChat template id: ${value}`;
  return null;
}

/** `TARO_APP_ID` (Taro's own name, written into the built project.config.json), else `WECHAT_APPID`. */
function readAppId(env: Env): { appId: string | null; problem: string | null } {
  const taro = env.TARO_APP_ID?.trim() || null;
  const server = env.WECHAT_APPID?.trim() || null;
  if (taro && server && taro !== server) {
    return { appId: taro, problem: `TARO_APP_ID (${taro}) and WECHAT_APPID (${server}) name different apps` };
  }
  return { appId: taro ?? server, problem: null };
}

function readTemplateIds(env: Env): SubscribeTemplateIds {
  const ids = { ...STAND_IN_TEMPLATE_IDS };
  for (const key of SUBSCRIBE_TEMPLATE_KEYS) {
    const value = env[SUBSCRIBE_TEMPLATE_ENV[key]]?.trim();
    if (value) ids[key] = value;
  }
  return ids;
}

/**
 * The settings of one build. `platform` is Taro's `TARO_ENV` (`weapp`, `h5`); `isRelease` is true
 * for `--mode release`. Throws {@link BuildSettingsError} naming every problem of a release build.
 */
export function resolveBuildSettings(options: {
  platform: string | undefined;
  isRelease: boolean;
  env: Env;
}): BuildSettings {
  const { platform, isRelease, env } = options;
  const fromEnv = env.TARO_APP_API_BASE;
  const isWeapp = platform === 'weapp';
  // H5 is served by the API itself, so '' (same origin); a mini-program cannot make a relative request.
  const apiBase = fromEnv !== undefined ? fromEnv.trim() : isWeapp ? DEVELOPMENT_WEAPP_API_BASE : '';
  const { appId, problem: appIdProblem } = readAppId(env);
  const settings: BuildSettings = { apiBase: apiBase.replace(/\/+$/, ''), appId, templateIds: readTemplateIds(env) };
  if (!isRelease) return settings;

  const problems: string[] = [];
  if (!isWeapp) problems.push(`a release build is a weapp build (taro build --type weapp), got ${platform ?? 'none'}`);
  if (fromEnv === undefined) problems.push('TARO_APP_API_BASE is not set (the https:// origin of the API)');
  else {
    const apiProblem = findApiBaseProblem(apiBase);
    if (apiProblem) problems.push(apiProblem);
  }
  if (appIdProblem) problems.push(appIdProblem);
  else if (!appId) problems.push('TARO_APP_ID (or WECHAT_APPID) is not set (the AppID from 开发管理 → 开发设置)');
  else if (!isRealAppId(appId)) problems.push(`TARO_APP_ID must be wx and 16 hex digits, got ${appId}`);
  for (const key of SUBSCRIBE_TEMPLATE_KEYS) {
    const problem = findTemplateIdProblem(key, env[SUBSCRIBE_TEMPLATE_ENV[key]]?.trim());
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new BuildSettingsError(problems);
  return settings;
}
