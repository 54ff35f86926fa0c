/**
 * Security headers (issue 8, "general defences"), with hono's `secureHeaders` (its defaults:
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`, `Strict-Transport-Security`,
 * `X-Frame-Options: SAMEORIGIN`, `Cross-Origin-Resource-Policy/Opener-Policy: same-origin`, …).
 *
 * - The API answers JSON only: its Content-Security-Policy allows nothing (`default-src 'none'`),
 *   so a response rendered as a page by mistake can run nothing and load nothing.
 * - The H5 app served by `npm start`: scripts, styles, images and API calls from its own origin
 *   only. `style-src 'unsafe-inline'`: Taro's H5 runtime and React set inline `style` attributes
 *   and inject `<style>` elements at run time (a nonce cannot reach those). `img-src data: blob:`:
 *   the build inlines small images as data URLs. No inline script runs unless its hash is listed:
 *   Taro's H5 template inlines one (it sets the root font size for `rem` units), whose SHA-256 is
 *   read from the built `index.html` at start (`hashInlineScripts`), so a rebuilt template cannot
 *   be blocked silently. The headless-Chromium journey (tests/e2e) fails on any CSP violation.
 */
import { createHash } from 'node:crypto';
import { secureHeaders } from 'hono/secure-headers';

const SELF = ["'self'"];
const NONE = ["'none'"];

export const apiSecurityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: NONE, frameAncestors: NONE, baseUri: NONE, formAction: NONE },
  });

/**
 * CSP source expressions (`'sha256-…'`, CSP Level 3 §2.3.1) for every inline `<script>` of `html`.
 *
 * @example hashInlineScripts('<script>f()</script>') // ["'sha256-…'"]
 */
export function hashInlineScripts(html: string): string[] {
  const inline = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  return [...html.matchAll(inline)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

export const h5SecurityHeaders = (options: { inlineScriptHashes?: readonly string[] } = {}) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: SELF,
      scriptSrc: [...SELF, ...(options.inlineScriptHashes ?? [])],
      styleSrc: [...SELF, "'unsafe-inline'"],
      imgSrc: [...SELF, 'data:', 'blob:'],
      fontSrc: [...SELF, 'data:'],
      connectSrc: SELF,
      mediaSrc: SELF,
      objectSrc: NONE,
      baseUri: SELF,
      formAction: SELF,
      frameAncestors: NONE,
    },
  });
