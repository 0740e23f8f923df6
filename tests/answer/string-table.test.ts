import { describe, expect, it } from "vitest";
import { hash32 } from "../../src/answer/hash.js";
import { findString, stringAt, stringEquals, stringTable, tableSize } from "../../src/answer/string-table.js";
import { editDistance, searchTypos, typoIndex } from "../../src/answer/typo-index.js";

/**
 * Two different words with the same hash32, found by trying (a birthday search), long enough for the typo
 * index and more than two edits apart, so neither is a typo of the other.
 */
function collision(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const s = `word${i.toString(36)}`;
    const h = hash32(s);
    const other = seen.get(h);
    if (other !== undefined && editDistance(other, s) > 2) return [other, s];
    seen.set(h, s);
  }
}

describe("string tables", () => {
  it("give back every string exactly, long ones and surrogate pairs included", () => {
    const strings = ["", "a", "Кузьмінов", "emoji 𝄞 and a lone \ud800 half", "x".repeat(20_000), "a"];
    const table = stringTable(strings, { lookup: true });
    expect(tableSize(table)).toBe(strings.length);
    strings.forEach((s, i) => {
      expect(stringAt(table, i)).toBe(s);
      expect(stringEquals(table, i, s)).toBe(true);
    });
    // A repeated string is found where a Map built in order would have it: its last position.
    expect(findString(table, "a")).toBe(5);
    expect(findString(table, "")).toBe(0);
    expect(findString(table, "missing")).toBe(-1);
  });

  it("tell apart two strings that share a hash", () => {
    const [a, b] = collision();
    expect(hash32(a)).toBe(hash32(b));
    const table = stringTable(["first", a, b], { lookup: true });
    expect(findString(table, a)).toBe(1);
    expect(findString(table, b)).toBe(2);
    expect(findString(stringTable([a], { lookup: true }), b)).toBe(-1);
  });
});

describe("the typo index", () => {
  it("finds known words one edit away, and no word that merely shares a variant's hash", () => {
    const index = typoIndex(stringTable(["helicopter", "hotline", "pilot", "copilot"], { lookup: true }));
    expect(searchTypos(index, "helicoptr")[0]).toMatchObject({ word: "helicopter" });
    expect(searchTypos(index, "hotlnie")[0]).toMatchObject({ word: "hotline" });
    expect(searchTypos(index, "pilto").map((h) => h.word)).toContain("pilot");
    expect(searchTypos(index, "tank")).toEqual([]);
    const [a, b] = collision();
    // b is no typo of a, though the two hash alike: the index finds the hash, then checks the word.
    expect(searchTypos(typoIndex(stringTable([a], { lookup: true })), b)).toEqual([]);
  });
});
