import { campaignIdSchema, channelSchema, parseScene, referrerSchema } from '@scrm/shared';
import type { Attribution } from './tracker';

/**
 * Query parameters a link into the app may carry (shares, campaign messages, QR codes). `scene` is
 * what a mini-program code made by wxacode.getUnlimited opens its page with (URL-encoded).
 */
export const ATTRIBUTION_PARAMS = {
  referrer: 'referrer',
  channel: 'channel',
  campaignId: 'campaignId',
  scene: 'scene',
} as const;

type Query = Record<string, string | undefined>;

function readParam(query: Query, name: string): string | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The attribution carried by the link that opened a page. Values that the touchpoint schema would
 * refuse are left out here, because one bad `referrer` would otherwise make every later event of
 * the visit invalid.
 */
export function readAttribution(query: Query): Attribution {
  const attribution: Attribution = {};
  const referrer = referrerSchema.safeParse(readParam(query, ATTRIBUTION_PARAMS.referrer));
  if (referrer.success) attribution.referrer = referrer.data;
  const channel = channelSchema.safeParse(readParam(query, ATTRIBUTION_PARAMS.channel));
  if (channel.success) attribution.channel = channel.data;
  const campaignId = campaignIdSchema.safeParse(readParam(query, ATTRIBUTION_PARAMS.campaignId));
  if (campaignId.success) attribution.campaignId = campaignId.data;
  // A channel code's scene is the visit's channel: the server resolves it to the channel, its kind
  // and its campaign where the touchpoints are stored (ADR 020). It outranks a `channel` param.
  const scene = readParam(query, ATTRIBUTION_PARAMS.scene);
  if (scene !== undefined && parseScene(scene).ok) attribution.channel = scene;
  return attribution;
}

/**
 * The path a shared page opens for the friend: the same page and query, with the sharer's lead id
 * as `referrer` (replacing one the sharer arrived with), so a friend who registers is attributed
 * to the sharer (SPEC §2.1 referral sign-up). Without a session the share carries no referrer.
 */
export function buildSharePath(page: string, query: Query, sharerLeadId: string | null): string {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    // Taro adds `$taroTimestamp` to H5 params; it is not part of the page's address.
    if (value !== undefined && key !== ATTRIBUTION_PARAMS.referrer && !key.startsWith('$')) params[key] = value;
  }
  if (sharerLeadId) params[ATTRIBUTION_PARAMS.referrer] = sharerLeadId;
  const search = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const path = page.startsWith('/') ? page : `/${page}`;
  return search ? `${path}?${search}` : path;
}

/** The page path without its query and with a leading slash, as page views record it. */
export function normalizePagePath(path: string): string {
  const [withoutQuery = ''] = path.split('?');
  return withoutQuery.startsWith('/') ? withoutQuery : `/${withoutQuery}`;
}
