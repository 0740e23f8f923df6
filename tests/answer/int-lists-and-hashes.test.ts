import { describe, expect, it } from "vitest";
import { hash32, hash32b } from "../../src/answer/hash.js";
import { hashRuns, runStart } from "../../src/answer/hash-runs.js";
import {
  contains,
  forEachIn,
  IntListsBuilder,
  invert,
  listAt,
  listCount,
  listLength,
} from "../../src/answer/int-lists.js";

// The engine's compact structures: many integer lists in one buffer, (hash, value) runs, and the hashes.

describe("integer lists in one buffer", () => {
  const build = () => {
    const builder = new IntListsBuilder();
    const ids = [
      builder.add([5, 1, 3, 1]),
      builder.add([]),
      builder.addInOrder([9, 2, 9]),
      builder.add([-2, 10, 0]),
    ];
    return { ids, lists: builder.build() };
  };

  it("keeps each list, searched lists sorted without duplicates and shown ones as given", () => {
    const { ids, lists } = build();
    expect(ids).toEqual([0, 1, 2, 3]);
    expect(listCount(lists)).toBe(4);
    expect([0, 1, 2, 3].map((i) => listAt(lists, i))).toEqual([[1, 3, 5], [], [9, 2, 9], [-2, 0, 10]]);
    expect([0, 1, 2, 3].map((i) => listLength(lists, i))).toEqual([3, 0, 3, 3]);
    const seen: number[] = [];
    forEachIn(lists, 3, (v) => seen.push(v));
    expect(seen).toEqual([-2, 0, 10]);
  });

  it("finds a value in a sorted list, at either end or between, and nothing in an empty one", () => {
    const builder = new IntListsBuilder();
    builder.add([]);
    builder.add([2, 4, 6, 8, 10, 12, 14]);
    const lists = builder.build();
    for (const v of [2, 4, 6, 8, 10, 12, 14]) expect(contains(lists, 1, v), String(v)).toBe(true);
    for (const v of [1, 3, 5, 7, 9, 11, 13, 15]) expect(contains(lists, 1, v), String(v)).toBe(false);
    expect(contains(lists, 0, 2)).toBe(false);
    // Past the last list: no list, nothing in it.
    expect(contains(lists, 2, 2)).toBe(false);
    expect(listAt(lists, 2)).toEqual([]);
  });

  it("inverts: for each value, the lists that hold it, ascending", () => {
    const builder = new IntListsBuilder();
    builder.add([0, 2]);
    builder.add([2]);
    builder.add([]);
    builder.add([1, 2, 3]);
    const inverse = invert(builder.build(), 5);
    expect(listCount(inverse)).toBe(5);
    expect([0, 1, 2, 3, 4].map((v) => listAt(inverse, v))).toEqual([[0], [3], [0, 1, 3], [3], []]);
  });
});

describe("hash runs", () => {
  it("sorts pairs by key, equal keys in the order they came, and finds where a key's run starts", () => {
    const runs = hashRuns([7, 3, 7, 0, 3, 7, 4_000_000_000], [10, 11, 12, 13, 14, 15, 16]);
    expect([...runs.keys]).toEqual([0, 3, 3, 7, 7, 7, 4_000_000_000]);
    expect([...runs.values]).toEqual([13, 11, 14, 10, 12, 15, 16]);
    expect([0, 3, 7, 4_000_000_000].map((k) => runStart(runs.keys, k))).toEqual([0, 1, 3, 6]);
    // A missing key: where it would be.
    expect([1, 5, 8, 4_000_000_001].map((k) => runStart(runs.keys, k))).toEqual([1, 3, 6, 7]);
    expect(runStart(hashRuns([], []).keys, 5)).toBe(0);
  });

  it("keeps the order of equal keys also past the size where positions no longer fit beside a key", () => {
    const n = 2 ** 21 + 1;
    const keys = new Uint32Array(n);
    keys[0] = 1;
    const values = Int32Array.from({ length: n }, (_, i) => i);
    const runs = hashRuns(keys, values);
    expect(runs.values[0]).toBe(1);
    expect(runs.values[n - 2]).toBe(n - 1);
    expect(runs.values[n - 1]).toBe(0);
    expect(runs.keys[n - 1]).toBe(1);
  });
});

describe("hashes", () => {
  it("hash32 is 32-bit FNV-1a, and can leave out one character", () => {
    // The published FNV-1a test vectors.
    expect(hash32("")).toBe(0x811c9dc5);
    expect(hash32("a")).toBe(0xe40c292c);
    expect(hash32("foobar")).toBe(0xbf9cf968);
    expect(hash32("pilot", 2)).toBe(hash32("piot"));
    expect(hash32("pilot", 0)).toBe(hash32("ilot"));
    expect(hash32("pilot", 4)).toBe(hash32("pilo"));
  });

  it("hash32b gives fixed values (murmur3 over UTF-16 units) and tells many words apart", () => {
    expect([hash32b(""), hash32b("a"), hash32b("pilot"), hash32b("Кузьмінов")]).toEqual([
      3954623016, 298494453, 2097016097, 4119143767,
    ]);
    const words = Array.from({ length: 2000 }, (_, i) => `q${i}`);
    expect(new Set(words.map(hash32b)).size).toBe(words.length);
    expect(hash32b("ab")).not.toBe(hash32b("ba"));
  });
});
