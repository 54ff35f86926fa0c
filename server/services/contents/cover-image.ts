/**
 * Cover images of content items (issue 14), drawn by the API: no image files in the main package
 * (its 2 MB budget, SPEC §3) and nothing fetched from a network at build or run time. A cover is
 * a soft gradient in the topic's colour with the kind's motif (lines of text, a play button, a
 * book); the title is laid over it by the page, in real text. Deterministic, so cacheable.
 */
import { crc32, deflateSync } from 'node:zlib';

export const COVER_WIDTH = 600;
export const COVER_HEIGHT = 320;

type Rgb = readonly [number, number, number];

/** Brand-like palettes; a topic always gets the same one (a string hash), a new topic still gets one. */
const PALETTES: readonly (readonly [Rgb, Rgb])[] = [
  [
    [31, 111, 235],
    [120, 178, 255],
  ],
  [
    [0, 168, 112],
    [128, 222, 178],
  ],
  [
    [247, 114, 52],
    [255, 190, 140],
  ],
  [
    [114, 46, 209],
    [186, 150, 255],
  ],
  [
    [20, 130, 160],
    [130, 210, 225],
  ],
  [
    [214, 48, 88],
    [255, 160, 180],
  ],
];

function paletteOf(topic: string): readonly [Rgb, Rgb] {
  let hash = 0;
  for (const ch of topic) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return (
    PALETTES[hash % PALETTES.length] ??
    PALETTES[0] ?? [
      [0, 0, 0],
      [0, 0, 0],
    ]
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGB rows → PNG (ISO/IEC 15948: 8-bit truecolour, filter 0 on each row). */
function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Is (x, y) on the kind's white motif, drawn in the right half of the cover? */
function isMotif(kind: string, x: number, y: number): boolean {
  const cx = 450;
  const cy = 160;
  if (kind === 'video') {
    const inCircle = (x - cx) ** 2 + (y - cy) ** 2 <= 70 ** 2;
    const inTriangle = x >= cx - 22 && x <= cx + 34 && Math.abs(y - cy) <= ((cx + 34 - x) * 32) / 56;
    return inCircle && !inTriangle;
  }
  if (kind === 'ebook') {
    const inPage = (left: number) => x >= left && x <= left + 70 && y >= 100 && y <= 235;
    const isLine = (y - 120) % 22 < 5 && y < 215;
    return (inPage(cx - 78) || inPage(cx + 8)) && !(isLine && (x - cx + 78) % 86 > 12 && (x - cx + 78) % 86 < 60);
  }
  // An article: a card with lines of text.
  const inCard = x >= cx - 80 && x <= cx + 80 && y >= 70 && y <= 250;
  const isLine = x >= cx - 56 && x <= cx + (y > 200 ? 10 : 56) && (y - 100) % 30 < 10 && y >= 100 && y < 230;
  return inCard && !isLine;
}

const cache = new Map<string, Buffer>();

/** The PNG cover of an item of `topic` and `kind`; a few KB, the same bytes for the same pair. */
export function drawCover(topic: string, kind: string): Buffer {
  const key = `${kind}\u0000${topic}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [from, to] = paletteOf(topic);
  const rgb = new Uint8Array(COVER_WIDTH * COVER_HEIGHT * 3);
  for (let y = 0; y < COVER_HEIGHT; y++) {
    for (let x = 0; x < COVER_WIDTH; x++) {
      const t = (x / COVER_WIDTH) * 0.7 + (y / COVER_HEIGHT) * 0.3;
      // Two large soft circles give depth; quantised so that deflate keeps the file small.
      const glow = (x - 520) ** 2 + (y + 40) ** 2 < 190 ** 2 || (x + 30) ** 2 + (y - 330) ** 2 < 160 ** 2 ? 0.12 : 0;
      const i = (y * COVER_WIDTH + x) * 3;
      const white = isMotif(kind, x, y) ? 0.85 : glow;
      for (let c = 0; c < 3; c++) {
        const base = (from[c] ?? 0) + (((to[c] ?? 0) - (from[c] ?? 0)) * Math.round(t * 16)) / 16;
        rgb[i + c] = Math.round(base + (255 - base) * white);
      }
    }
  }
  const png = encodePng(COVER_WIDTH, COVER_HEIGHT, rgb);
  if (cache.size < 256) cache.set(key, png);
  return png;
}
