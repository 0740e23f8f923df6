/**
 * Many short sorted lists of integers in one buffer (compressed sparse rows): list i is
 * flat[start[i]] .. flat[start[i + 1] - 1]. A million questions' terms cost two allocations, not a million.
 */
export interface IntLists {
  flat: Int32Array;
  start: Int32Array;
}

export class IntListsBuilder {
  private readonly flat: number[] = [];
  private readonly start: number[] = [0];

  /** Appends a list (sorted, duplicates dropped) and returns its index. */
  add(items: Iterable<number>): number {
    const sorted = [...new Set(items)].sort((a, b) => a - b);
    for (const v of sorted) this.flat.push(v);
    this.start.push(this.flat.length);
    return this.start.length - 2;
  }

  /** Appends a list as given, in its order (for lists shown in order, never searched). */
  addInOrder(items: Iterable<number>): number {
    for (const v of items) this.flat.push(v);
    this.start.push(this.flat.length);
    return this.start.length - 2;
  }

  build(): IntLists {
    return { flat: Int32Array.from(this.flat), start: Int32Array.from(this.start) };
  }
}

export function listCount(lists: IntLists): number {
  return lists.start.length - 1;
}

export function contains(lists: IntLists, i: number, value: number): boolean {
  let lo = lists.start[i] ?? 0;
  let hi = (lists.start[i + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = lists.flat[mid] as number;
    if (v === value) return true;
    // Stryker disable next-line EqualityOperator: equivalent, v === value has returned above
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Calls `fn` with every value of list i. */
export function forEachIn(lists: IntLists, i: number, fn: (value: number) => void): void {
  const end = lists.start[i + 1] ?? 0;
  for (let k = lists.start[i] ?? 0; k < end; k++) fn(lists.flat[k] as number);
}

/** List i as a plain array. */
export function listAt(lists: IntLists, i: number): number[] {
  return Array.from(lists.flat.subarray(lists.start[i] ?? 0, lists.start[i + 1] ?? 0));
}

export function listLength(lists: IntLists, i: number): number {
  return (lists.start[i + 1] ?? 0) - (lists.start[i] ?? 0);
}

/** The inverse relation: for each value v < valueCount, the (ascending) indexes of the lists holding v. */
export function invert(lists: IntLists, valueCount: number): IntLists {
  const start = new Int32Array(valueCount + 1);
  for (const v of lists.flat) start[v + 1] = (start[v + 1] ?? 0) + 1;
  // Stryker disable next-line EqualityOperator: equivalent, a typed array ignores a write past its end
  for (let v = 0; v < valueCount; v++) start[v + 1] = (start[v + 1] ?? 0) + (start[v] ?? 0);
  const fill = start.slice(0, valueCount);
  const flat = new Int32Array(lists.flat.length);
  // Stryker disable next-line EqualityOperator: equivalent, the list past the last one is empty
  for (let i = 0; i < listCount(lists); i++) {
    forEachIn(lists, i, (v) => {
      flat[fill[v] as number] = i;
      fill[v] = (fill[v] ?? 0) + 1;
    });
  }
  return { flat, start };
}
