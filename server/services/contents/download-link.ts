/**
 * Signed download links (issue 8 item 5, ADR 009): `/api/downloads/<content>?lead=…&expires=…&sig=…`
 * where `sig` is HMAC-SHA256 over the content id, the lead id and the expiry, with a key derived
 * from `AUTH_SECRET` for this one purpose (a session token's signature can never pass as a link's,
 * nor the reverse). Short-lived: a link leaks little when forwarded, and the page that shows it
 * issues a fresh one each time it loads.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DownloadQuery } from '@scrm/shared';
import { AppError } from '../../http/app-error.js';

/** How long a link works after it is issued: long enough to tap, short enough not to share. */
export const DOWNLOAD_LINK_TTL_MS = 15 * 60_000;

const linkKey = (secret: string) => createHmac('sha256', secret).update('scrm/download-link/v1').digest();

function sign(secret: string, contentId: string, leadId: string, expires: number): string {
  return createHmac('sha256', linkKey(secret)).update(`${contentId}.${leadId}.${expires}`).digest('base64url');
}

/** The root-relative path of an item's file (clients prefix their API base). */
export function toDownloadPath(contentId: string): string {
  return `/api/downloads/${contentId}`;
}

/** A link to `contentId`'s file for `leadId`, valid until `now` + the TTL. */
export function signDownloadLink(secret: string, input: { contentId: string; leadId: string; now: Date }): string {
  const expires = Math.floor((input.now.getTime() + DOWNLOAD_LINK_TTL_MS) / 1000);
  const sig = sign(secret, input.contentId, input.leadId, expires);
  return `${toDownloadPath(input.contentId)}?lead=${input.leadId}&expires=${expires}&sig=${sig}`;
}

/** A signed link's parts, once its signature and expiry are checked. */
export interface VerifiedDownloadLink {
  leadId: string;
  expires: number;
  sig: string;
}

/**
 * Checks a signed link: a wrong signature (tampered, or issued for another item or lead) is 403;
 * a good one past its expiry is 410 `link_expired`. The signature is compared in constant time.
 */
export function verifyDownloadLink(
  secret: string,
  input: { contentId: string; query: Required<DownloadQuery>; now: Date },
): VerifiedDownloadLink {
  const { lead, expires, sig } = input.query;
  const expected = Buffer.from(sign(secret, input.contentId, lead, expires));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('forbidden', 'Download link signature does not match', { userMessage: '下载链接无效' });
  }
  if (expires * 1000 <= input.now.getTime()) {
    throw new AppError('link_expired', 'Download link expired', { userMessage: '下载链接已过期，请返回重新下载' });
  }
  return { leadId: lead, expires, sig };
}
