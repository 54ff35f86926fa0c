/**
 * Where a touchpoint may hold free text (issue 8 item 6): the fields a person types or a link
 * carries, which may therefore hold a name, a phone number or an address. Declared here, beside
 * the touchpoint schemas, in one place: erasure (`DELETE /api/me`) scrubs exactly these, and a
 * test checks that every plain-text field of the schemas is either listed here or declared as a
 * code the institution chooses.
 */
import type { TouchpointType } from './touchpoint.js';

/**
 * How erasure scrubs a field: `remove` an optional prop; keep only the `path` of a page (the
 * query string carries free text, the path is the institution's own page, kept for counts);
 * `redact` a required prop to a fixed marker, so the stored event still parses.
 */
export type FreeTextScrub = 'remove' | 'path' | 'redact';

/** Props that may hold free text, per touchpoint type. */
export const TOUCHPOINT_FREE_TEXT_PROPS = {
  page_view: { page: 'path' },
  share: { page: 'path' },
  consultation_request: { topic: 'remove' },
  unsubscribe: { reason: 'remove' },
  advisor_note: { note: 'redact' },
  advisor_call: { note: 'redact' },
} as const satisfies Partial<Record<TouchpointType, Record<string, FreeTextScrub>>>;

/**
 * Plain-text props that are codes the institution chooses, not text a person writes: a
 * subscribe-message template id, a campaign step's id and an A/B variant's key (from the
 * campaign's own link). Kept on erasure.
 */
export const TOUCHPOINT_CODE_PROPS = ['templateId', 'stepId', 'variant'] as const;

/**
 * Touchpoint columns that may hold free text: `referrer` (the URL or page the visitor came from)
 * is cleared on erasure. `channel` and `campaignId` are attribution codes from the institution's
 * links, kept for anonymous counts unless they contain the erased person's own identifiers.
 */
export const TOUCHPOINT_FREE_TEXT_COLUMNS = ['referrer'] as const;

/** Touchpoint columns that are attribution codes (see above). */
export const TOUCHPOINT_CODE_COLUMNS = ['channel', 'campaignId'] as const;

/** What a redacted prop reads after erasure. */
export const ERASED_TEXT = '[已删除]';

/** The props of a stored touchpoint with its free text scrubbed (pure; the input is not modified). */
export function scrubTouchpointProps(type: string, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields: Record<string, FreeTextScrub> | undefined =
    TOUCHPOINT_FREE_TEXT_PROPS[type as keyof typeof TOUCHPOINT_FREE_TEXT_PROPS];
  if (!fields) return { ...props };
  const scrubbed: Record<string, unknown> = { ...props };
  for (const [field, scrub] of Object.entries(fields)) {
    const value = scrubbed[field];
    if (value === undefined) continue;
    if (scrub === 'remove') delete scrubbed[field];
    else if (scrub === 'redact') scrubbed[field] = ERASED_TEXT;
    else scrubbed[field] = typeof value === 'string' ? (value.split(/[?#]/)[0] ?? '') || '/' : ERASED_TEXT;
  }
  return scrubbed;
}

/** Whether a touchpoint of this type can hold free text in its props. */
export function hasFreeTextProps(type: string): boolean {
  return type in TOUCHPOINT_FREE_TEXT_PROPS;
}
