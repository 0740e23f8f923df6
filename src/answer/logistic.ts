/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty:
 * deterministic, a few dozen features, and exact in a handful of iterations, so `npm run calibrate`
 * reproduces the checked-in weights to the last digit on the same data.
 */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return sigmoid(z);
}

export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  {
    l2 = 1,
    iterations = 50,
    weights: sampleWeights,
  }: { l2?: number; iterations?: number; weights?: readonly number[] } = {},
): LogisticModel {
  const k = (xs[0]?.length ?? 0) + 1; // bias first
  let w = new Array<number>(k).fill(0);
  const row = (x: readonly number[]) => [1, ...x];
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    xs.forEach((x, n) => {
      const r = row(x);
      const p = sigmoid(r.reduce((s, v, i) => s + v * (w[i] ?? 0), 0));
      const weight = sampleWeights?.[n] ?? 1;
      const err = weight * (p - (ys[n] ?? 0));
      const h = weight * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < k; i++) {
        gradient[i] = (gradient[i] ?? 0) + err * (r[i] ?? 0);
        const hi = hessian[i] as number[];
        for (let j = 0; j < k; j++) hi[j] = (hi[j] ?? 0) + h * (r[i] ?? 0) * (r[j] ?? 0);
      }
    });
    // The penalty leaves the bias free.
    for (let i = 1; i < k; i++) {
      gradient[i] = (gradient[i] ?? 0) + l2 * (w[i] ?? 0);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] ?? 0) + l2;
    }
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { bias: w[0] ?? 0, weights: w.slice(1) };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const top = m[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const cur = m[r] as number[];
      const f = (cur[c] ?? 0) / (top[c] || 1e-12);
      for (let j = c; j <= n; j++) cur[j] = (cur[j] ?? 0) - f * (top[j] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const cur = m[r] as number[];
    let s = cur[n] ?? 0;
    for (let j = r + 1; j < n; j++) s -= (cur[j] ?? 0) * (x[j] ?? 0);
    x[r] = s / (cur[r] || 1e-12);
  }
  return x;
}
