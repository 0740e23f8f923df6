import { describe, expect, it } from "vitest";
import { createMemoryClaims } from "../../src/cluster/claims.js";

describe("memory claims", () => {
  it("grant a key once until it expires", async () => {
    let now = 1000;
    const claims = createMemoryClaims({ now: () => now });
    expect(await claims.claim("update:1", 500)).toBe(true);
    expect(await claims.claim("update:1", 500)).toBe(false);
    expect(await claims.claim("update:2", 500)).toBe(true);
    now += 499;
    expect(await claims.claim("update:1", 500)).toBe(false);
    now += 1;
    expect(await claims.claim("update:1", 500)).toBe(true);
  });

  it("forget the oldest claims first past maxKeys", async () => {
    const claims = createMemoryClaims({ maxKeys: 2 });
    for (const key of ["a", "b", "c"]) expect(await claims.claim(key, 60_000)).toBe(true);
    expect(await claims.claim("c", 60_000)).toBe(false);
    expect(await claims.claim("b", 60_000)).toBe(false);
    // "a" was the oldest, so it went when "c" came.
    expect(await claims.claim("a", 60_000)).toBe(true);
  });
});
