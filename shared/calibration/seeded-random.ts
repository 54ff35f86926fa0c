/**
 * Seeded randomness for calibration (shared/ reads no global randomness: the seed is an argument).
 */

/** mulberry32: a small, fast 32-bit PRNG; returns a function giving floats in [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded random split (SPEC §2.3 "calibrated on a random 70%"): shuffles with Fisher–Yates and
 * cuts at round(ratio · n). The same seed and input give the same split.
 */
export function splitTrainTest<T>(items: readonly T[], ratio: number, seed: number): { train: T[]; test: T[] } {
  if (!(ratio > 0 && ratio < 1)) throw new Error('split ratio must be between 0 and 1');
  const random = createSeededRandom(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  const cut = Math.round(ratio * shuffled.length);
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}
