/**
 * L2-regularised logistic regression for predictive calibration (SPEC §2.3).
 *
 * Hand-written rather than a dependency: the model has a few dozen features and a few thousand
 * rows, where Newton's method (IRLS) converges in under 15 iterations and needs only a Cholesky
 * solve (~80 lines here). The npm options are either unmaintained or pull in a numeric stack the
 * mini-program must not carry, and shared/ has to stay free of Node APIs.
 *
 * Features are standardised inside the fit (so the one L2 strength treats minutes and 0/1
 * indicators alike) and the coefficients are returned on the original scale. The intercept is not
 * penalised. Constant (and all but constant) columns get weight 0.
 */

/** A fitted model: logit(P(y = 1)) = intercept + Σ weights[j]·x[j]. */
export type LogisticFit = { intercept: number; weights: number[]; iterations: number; isConverged: boolean };

export type LogisticOptions = { l2?: number; maxIterations?: number; tolerance?: number };

/** Fits P(y = 1 | x) by penalised maximum likelihood with Newton steps (SPEC §2.3). */
export function fitLogisticRegression(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const { l2 = 1, maxIterations = 50, tolerance = 1e-9 } = options;
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n) throw new Error('logistic regression: need rows and one label per row');
  const { means, scales } = standardise(rows, d);
  const active = scales.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  const k = active.length + 1;
  const z = rows.map((row) => [1, ...active.map((j) => ((row[j] ?? 0) - (means[j] ?? 0)) / (scales[j] ?? 1))]);
  let w = new Array<number>(k).fill(0);
  let loss = penalisedLoss(z, labels, w, l2);
  let iterations = 0;
  let isConverged = false;
  while (iterations < maxIterations && !isConverged) {
    iterations += 1;
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < n; i += 1) {
      const zi = z[i] as number[];
      const p = sigmoid(dot(zi, w));
      const r = p - (labels[i] ?? 0);
      const v = p * (1 - p);
      for (let a = 0; a < k; a += 1) {
        gradient[a] = (gradient[a] ?? 0) + r * (zi[a] ?? 0);
        const row = hessian[a] as number[];
        for (let b = 0; b <= a; b += 1) row[b] = (row[b] ?? 0) + v * (zi[a] ?? 0) * (zi[b] ?? 0);
      }
    }
    for (let a = 1; a < k; a += 1) {
      gradient[a] = (gradient[a] ?? 0) + l2 * (w[a] ?? 0);
      (hessian[a] as number[])[a] = ((hessian[a] as number[])[a] ?? 0) + l2;
    }
    const step = solveCholesky(hessian, gradient);
    // Damped Newton: halve the step until the penalised loss does not increase.
    let scale = 1;
    let next = w.map((x, a) => x - scale * (step[a] ?? 0));
    let nextLoss = penalisedLoss(z, labels, next, l2);
    while (nextLoss > loss && scale > 1e-6) {
      scale /= 2;
      next = w.map((x, a) => x - scale * (step[a] ?? 0));
      nextLoss = penalisedLoss(z, labels, next, l2);
    }
    isConverged = Math.max(...step.map((s) => Math.abs(s * scale))) < tolerance || loss - nextLoss < tolerance * n;
    w = next;
    loss = nextLoss;
  }
  const weights = new Array<number>(d).fill(0);
  let intercept = w[0] ?? 0;
  active.forEach((j, a) => {
    const beta = (w[a + 1] ?? 0) / (scales[j] ?? 1);
    weights[j] = beta;
    intercept -= beta * (means[j] ?? 0);
  });
  return { intercept, weights, iterations, isConverged };
}

/** The logistic function, stable for large |x|. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function standardise(rows: readonly (readonly number[])[], d: number): { means: number[]; scales: number[] } {
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const row of rows) for (let j = 0; j < d; j += 1) means[j] = (means[j] ?? 0) + (row[j] ?? 0) / rows.length;
  for (const row of rows) {
    for (let j = 0; j < d; j += 1) scales[j] = (scales[j] ?? 0) + ((row[j] ?? 0) - (means[j] ?? 0)) ** 2 / rows.length;
  }
  // A column whose spread is a ten-thousandth of its size (every lead read one page, decayed by a
  // minute more or less) is constant for all the fit can learn; scaled up it would get a weight
  // of millions of points.
  return {
    means,
    scales: scales.map((v, j) => (Math.sqrt(v) > 1e-4 * Math.max(1, Math.abs(means[j] ?? 0)) ? Math.sqrt(v) : 0)),
  };
}

function penalisedLoss(z: readonly number[][], labels: readonly number[], w: readonly number[], l2: number): number {
  let loss = 0;
  z.forEach((zi, i) => {
    const t = dot(zi, w);
    // log(1 + e^t) − y·t, written to avoid overflow.
    loss += (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))) - (labels[i] ?? 0) * t;
  });
  for (let a = 1; a < w.length; a += 1) loss += (l2 / 2) * (w[a] ?? 0) ** 2;
  return loss;
}

/** Solves H x = g for a symmetric positive definite H given by its lower triangle. */
function solveCholesky(h: readonly number[][], g: readonly number[]): number[] {
  const k = g.length;
  const l = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = h[i]?.[j] ?? 0;
      for (let m = 0; m < j; m += 1) s -= (l[i]?.[m] ?? 0) * (l[j]?.[m] ?? 0);
      // A tiny ridge keeps the factorisation alive when the intercept column is nearly separable.
      if (i === j) (l[i] as number[])[i] = Math.sqrt(Math.max(s, 1e-12));
      else (l[i] as number[])[j] = s / (l[j]?.[j] ?? 1);
    }
  }
  const y = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i += 1) {
    let s = g[i] ?? 0;
    for (let m = 0; m < i; m += 1) s -= (l[i]?.[m] ?? 0) * (y[m] ?? 0);
    y[i] = s / (l[i]?.[i] ?? 1);
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i -= 1) {
    let s = y[i] ?? 0;
    for (let m = i + 1; m < k; m += 1) s -= (l[m]?.[i] ?? 0) * (x[m] ?? 0);
    x[i] = s / (l[i]?.[i] ?? 1);
  }
  return x;
}
