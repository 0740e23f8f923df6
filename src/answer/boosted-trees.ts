/**
 * A forest of small regression trees whose summed leaves give the log-odds that a candidate fact answers a
 * question (gradient boosting, fitted by `npm run calibrate`). Trees see what a weighted sum cannot: a high
 * word coverage means little when the question asks for a name the fact does not carry.
 */
export interface Tree {
  /** Split feature of each inner node in heap order (children of n are 2n+1, 2n+2); -1: no split, go left. */
  feature: number[];
  threshold: number[];
  /** One value per leaf, left to right. */
  leaf: number[];
}

export interface Forest {
  /** Log-odds before any tree: the share of right candidates in the training data. */
  base: number;
  /** Learning rate: each tree's leaves are scaled by it. */
  rate: number;
  depth: number;
  trees: Tree[];
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A forest's trees in flat typed arrays: several hundred trees are read for every candidate of every question. */
interface Packed {
  /** Per tree, its inner nodes' split features and thresholds, then its leaves. */
  feature: Int16Array;
  threshold: Float64Array;
  leaf: Float64Array;
  inner: number;
  leaves: number;
}

const packed = new WeakMap<Forest, Packed>();

function pack(forest: Forest): Packed {
  const leaves = 1 << forest.depth;
  const inner = leaves - 1;
  const n = forest.trees.length;
  const out: Packed = {
    feature: new Int16Array(n * inner),
    threshold: new Float64Array(n * inner),
    leaf: new Float64Array(n * leaves),
    inner,
    leaves,
  };
  forest.trees.forEach((tree, t) => {
    for (let k = 0; k < inner; k++) {
      // A node without a split always goes left: feature 0 against a threshold nothing exceeds.
      const f = tree.feature[k] ?? -1;
      out.feature[t * inner + k] = Math.max(f, 0);
      out.threshold[t * inner + k] = f >= 0 ? (tree.threshold[k] ?? 0) : Number.POSITIVE_INFINITY;
    }
    for (let k = 0; k < leaves; k++) out.leaf[t * leaves + k] = tree.leaf[k] ?? 0;
  });
  return out;
}

export function predictForest(forest: Forest, x: readonly number[]): number {
  let p = packed.get(forest);
  if (!p) {
    p = pack(forest);
    packed.set(forest, p);
  }
  const { feature, threshold, leaf, inner, leaves } = p;
  const values = Float64Array.from(x);
  const rate = forest.rate;
  let z = forest.base;
  for (let t = 0, at = 0, n = forest.trees.length; t < n; t++, at += inner) {
    let node = 0;
    while (node < inner) {
      const k = at + node;
      node = 2 * node + 1 + +((values[feature[k] as number] as number) > (threshold[k] as number));
    }
    z += rate * (leaf[t * leaves + node - inner] as number);
  }
  return sigmoid(z);
}
