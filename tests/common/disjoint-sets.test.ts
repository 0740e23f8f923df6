import { describe, expect, it } from "vitest";
import { DisjointSets } from "../../src/common/disjoint-sets.js";

describe("DisjointSets", () => {
  it("joins items linked directly or through others, each group in item order, by its smallest item", () => {
    const sets = new DisjointSets(7);
    sets.union(5, 1);
    sets.union(3, 5);
    sets.union(6, 4);
    expect(sets.groups()).toEqual([[0], [1, 3, 5], [2], [4, 6]]);
    expect(sets.find(3)).toBe(sets.find(1));
    expect(sets.find(2)).not.toBe(sets.find(1));
  });

  it("stays correct on a long chain (path halving), and a union within a group changes nothing", () => {
    const sets = new DisjointSets(1000);
    for (let i = 1; i < 1000; i++) sets.union(i - 1, i);
    sets.union(0, 999);
    expect(sets.groups()).toEqual([Array.from({ length: 1000 }, (_, i) => i)]);
  });
});
