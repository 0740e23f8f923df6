import { type Forest, sigmoid, type Tree } from "../answer/boosted-trees.js";
import { seededRandom } from "../common/seeded-random.js";

/**
 * Gradient boosting of depth-limited trees for the logistic loss (second-order, as XGBoost and LightGBM do),
 * with each feature cut into at most `bins` ranges once, so a split is found from per-range sums. Fully
 * deterministic: the same examples give the same forest to the last digit, so `npm run calibrate` reproduces
 * the checked-in model.
 */
export interface TreeOptions {
  rounds: number;
  depth: number;
  rate: number;
  /** L2 penalty on leaf values: keeps a leaf with few examples near zero. */
  lambda: number;
  /** Least summed hessian (about examples × p(1-p)) on each side of a split. */
  minHessian: number;
  bins: number;
  /**
   * Share of the examples each tree is fitted on, drawn anew per tree (stochastic gradient boosting): trees
   * fitted on different draws vary less with the few odd questions of one set.
   */
  subsample: number;
  /** Seed of the draws. */
  seed: number;
  /**
   * Forests fitted on different draws (seeds seed, seed + 1, …) and averaged: one forest alone moved single
   * questions across the threshold from one refit to the next, enough to fail the dev set by noise.
   */
  bags: number;
}

export const TREE_OPTIONS: TreeOptions = {
  rounds: 200,
  // Depth 5 since the eleventh session (about 23,000 set rows): on held-out folds it answered 25 more of them
  // at 2% wrong than depth 4, 79 more at 1.5%; depth 6 or 300 rounds added little more.
  depth: 5,
  rate: 0.1,
  lambda: 1,
  minHessian: 1,
  bins: 32,
  subsample: 0.7,
  seed: 1,
  bags: 3,
};

/** Cut points per feature: midpoints between distinct values, or between quantiles when there are many. */
function cutPoints(xs: readonly (readonly number[])[], f: number, bins: number): number[] {
  const values = xs.map((x) => x[f] ?? 0).sort((a, b) => a - b);
  const distinct = [...new Set(values)];
  const cuts: number[] = [];
  if (distinct.length <= bins) {
    for (let i = 0; i + 1 < distinct.length; i++)
      cuts.push(((distinct[i] ?? 0) + (distinct[i + 1] ?? 0)) / 2);
    return cuts;
  }
  for (let b = 1; b < bins; b++) {
    const at = Math.floor((b * values.length) / bins);
    const [below, above] = [values[at - 1] ?? 0, values[at] ?? 0];
    const cut = (below + above) / 2;
    if (below !== above && cut !== cuts.at(-1)) cuts.push(cut);
  }
  return cuts;
}

export function fitForest(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  weights: readonly number[],
  o: TreeOptions = TREE_OPTIONS,
): Forest {
  if (o.bags <= 1) return fitOne(xs, ys, weights, o);
  // The mean of the forests' scores is one forest of all their trees at 1/bags of the rate (they share the base).
  const forests = Array.from({ length: o.bags }, (_, k) =>
    fitOne(xs, ys, weights, { ...o, seed: o.seed + k }),
  );
  return { ...(forests[0] as Forest), rate: o.rate / o.bags, trees: forests.flatMap((f) => f.trees) };
}

function fitOne(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  weights: readonly number[],
  o: TreeOptions,
): Forest {
  const n = xs.length;
  const nf = xs[0]?.length ?? 0;
  const cuts = Array.from({ length: nf }, (_, f) => cutPoints(xs, f, o.bins));
  const binOf = xs.map((x) =>
    x.map((v, f) => {
      const c = cuts[f] ?? [];
      let k = 0;
      while (k < c.length && v > (c[k] ?? 0)) k++;
      return k;
    }),
  );
  const w = (i: number) => weights[i] ?? 1;
  const total = xs.reduce((s, _, i) => s + w(i), 0);
  const mean = Math.min(Math.max(ys.reduce((s, y, i) => s + y * w(i), 0) / total, 1e-6), 1 - 1e-6);
  const base = Math.log(mean / (1 - mean));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const node = new Int32Array(n);
  const slots = o.bins + 1;
  const inner = (1 << o.depth) - 1;
  const trees: Tree[] = [];
  const draw = seededRandom(o.seed);
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      // A row left out of this tree adds nothing to its sums.
      const weight = o.subsample < 1 && draw() >= o.subsample ? 0 : w(i);
      const p = sigmoid(score[i] ?? 0);
      g[i] = weight * (p - (ys[i] ?? 0));
      h[i] = weight * Math.max(p * (1 - p), 1e-6);
    }
    node.fill(0);
    const feature = new Array<number>(inner).fill(-1);
    const threshold = new Array<number>(inner).fill(0);
    for (let level = 0; level < o.depth; level++) {
      const first = (1 << level) - 1;
      const count = 1 << level;
      const gs = new Float64Array(count * nf * slots);
      const hs = new Float64Array(count * nf * slots);
      const gNode = new Float64Array(count);
      const hNode = new Float64Array(count);
      for (let i = 0; i < n; i++) {
        const at = (node[i] ?? 0) - first;
        const bins = binOf[i] as number[];
        gNode[at] = (gNode[at] ?? 0) + (g[i] ?? 0);
        hNode[at] = (hNode[at] ?? 0) + (h[i] ?? 0);
        for (let f = 0; f < nf; f++) {
          const k = (at * nf + f) * slots + (bins[f] ?? 0);
          gs[k] = (gs[k] ?? 0) + (g[i] ?? 0);
          hs[k] = (hs[k] ?? 0) + (h[i] ?? 0);
        }
      }
      for (let at = 0; at < count; at++) {
        const [gAll, hAll] = [gNode[at] ?? 0, hNode[at] ?? 0];
        const parent = (gAll * gAll) / (hAll + o.lambda);
        let best = 1e-9;
        for (let f = 0; f < nf; f++) {
          let [gLeft, hLeft] = [0, 0];
          const c = cuts[f] ?? [];
          for (let k = 0; k < c.length; k++) {
            const slot = (at * nf + f) * slots + k;
            gLeft += gs[slot] ?? 0;
            hLeft += hs[slot] ?? 0;
            const [gRight, hRight] = [gAll - gLeft, hAll - hLeft];
            if (hLeft < o.minHessian || hRight < o.minHessian) continue;
            const gain =
              (gLeft * gLeft) / (hLeft + o.lambda) + (gRight * gRight) / (hRight + o.lambda) - parent;
            if (gain > best) {
              best = gain;
              feature[first + at] = f;
              threshold[first + at] = c[k] ?? 0;
            }
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const at = node[i] ?? 0;
        const f = feature[at] ?? -1;
        node[i] =
          2 * at + 1 + (f >= 0 && ((xs[i] as readonly number[])[f] ?? 0) > (threshold[at] ?? 0) ? 1 : 0);
      }
    }
    const leaves = 1 << o.depth;
    const gLeaf = new Float64Array(leaves);
    const hLeaf = new Float64Array(leaves);
    for (let i = 0; i < n; i++) {
      const l = (node[i] ?? 0) - inner;
      gLeaf[l] = (gLeaf[l] ?? 0) + (g[i] ?? 0);
      hLeaf[l] = (hLeaf[l] ?? 0) + (h[i] ?? 0);
    }
    const leaf = Array.from(gLeaf, (gl, l) => -gl / ((hLeaf[l] ?? 0) + o.lambda));
    const tree = { feature, threshold, leaf };
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] = (score[i] ?? 0) + o.rate * (leaf[(node[i] ?? 0) - inner] ?? 0);
  }
  return { base, rate: o.rate, depth: o.depth, trees };
}
