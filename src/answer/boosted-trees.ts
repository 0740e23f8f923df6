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

/** The leaf a feature vector falls in: right when the value is above the node's threshold. */
export function leafOf(tree: Tree, depth: number, x: readonly number[]): number {
  let node = 0;
  for (let level = 0; level < depth; level++) {
    const f = tree.feature[node] ?? -1;
    node = 2 * node + 1 + (f >= 0 && (x[f] ?? 0) > (tree.threshold[node] ?? 0) ? 1 : 0);
  }
  return node - ((1 << depth) - 1);
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predictForest(forest: Forest, x: readonly number[]): number {
  let z = forest.base;
  for (const tree of forest.trees) z += forest.rate * (tree.leaf[leafOf(tree, forest.depth, x)] ?? 0);
  return sigmoid(z);
}
