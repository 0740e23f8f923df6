/**
 * (key, value) pairs sorted by key, equal keys in the order they were added: the values of one key are a
 * run found by binary search. Two flat arrays instead of a Map of arrays, so a few hundred thousand entries
 * cost two allocations and can be handed to another thread or written to disk as they are.
 */
export interface HashRuns {
  keys: Uint32Array;
  values: Int32Array;
}

/** Sorted, most of the time without a comparator: key × 2^21 + position is exact in a double. */
const POSITION_BITS = 2 ** 21;

export function hashRuns(keys: ArrayLike<number>, values: ArrayLike<number>): HashRuns {
  const n = keys.length;
  const order = new Int32Array(n);
  if (n < POSITION_BITS) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (keys[i] as number) * POSITION_BITS + i;
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % POSITION_BITS;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  }
  const sortedKeys = new Uint32Array(n);
  const sortedValues = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = order[i] as number;
    sortedKeys[i] = keys[at] as number;
    sortedValues[i] = values[at] as number;
  }
  return { keys: sortedKeys, values: sortedValues };
}

/** The first position of `key` (or where it would be); the run is [first, end) while keys[i] === key. */
export function runStart(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
