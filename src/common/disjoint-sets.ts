/**
 * Union-find over the items 0..size-1: which items are connected, directly or through others. Used where links
 * are found one by one (similar questions, linked facts) and only the groups they form matter.
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(readonly size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** The representative of the item's group (path halving keeps later look-ups short). */
  find(item: number): number {
    let i = item;
    for (let up = this.parent[i] as number; up !== i; up = this.parent[i] as number) {
      const grand = this.parent[up] as number;
      this.parent[i] = grand;
      i = grand;
    }
    return i;
  }

  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }

  /** The groups, each in ascending item order, ordered by their smallest item. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.size; i++) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()];
  }
}
