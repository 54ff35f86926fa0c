// `Content-Disposition` for files the API serves (gated downloads, channel codes).

/** RFC 5987 `ext-value` characters: percent-encode everything else (incl. `'()*`, which encodeURIComponent keeps). */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` with the file's name (RFC 6266): `filename*` carries the UTF-8 name (RFC
 * 5987, for Chinese titles), `filename` an ASCII fallback for clients that do not read `filename*`.
 */
export function toContentDisposition(fileName: string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0] ?? '';
  const fallback = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\]/g, '_') : `download${extension}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
