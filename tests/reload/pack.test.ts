import { describe, expect, it } from "vitest";
import { pack, unpack } from "../../src/reload/pack.js";

describe("pack and unpack", () => {
  it("round-trip plain data and typed arrays, each array a view at an aligned offset", () => {
    const value = {
      name: "héllo «мир» 𝄞",
      n: 3,
      list: [1, "two", null],
      f: new Float64Array([1.5, -2, Number.MAX_VALUE]),
      nested: { bytes: new Uint8Array([1, 2, 3]), units: new Uint16Array([0xd834, 0xdd1e]) },
      ints: new Int32Array([-1, 0, 2 ** 31 - 1]),
      hashes: new Uint32Array([0, 2 ** 32 - 1]),
    };
    const back = unpack<typeof value>(pack(value));
    expect(back).toEqual(value);
    for (const array of [back.f, back.nested.bytes, back.nested.units, back.ints, back.hashes])
      expect(array.byteOffset % 8).toBe(0);
  });

  it("packs a view of part of a buffer as just that part", () => {
    const whole = new Int32Array([1, 2, 3, 4, 5]);
    const back = unpack<{ part: Int32Array }>(pack({ part: whole.subarray(1, 3) }));
    expect([...back.part]).toEqual([2, 3]);
  });

  it("refuses what is not a whole pack of this format", () => {
    const buffer = pack({ a: new Float64Array(100) });
    expect(() => unpack(new ArrayBuffer(4))).toThrow(/too short/);
    expect(() => unpack(new Uint8Array(64).fill(7).buffer)).toThrow(/not a packed index/);
    expect(() => unpack(buffer.slice(0, buffer.byteLength - 8))).toThrow(/truncated/);
    const other = buffer.slice(0);
    new DataView(other).setUint32(4, 99, true);
    expect(() => unpack(other)).toThrow(/another format/);
    expect(() => pack({ big: new BigInt64Array(1) })).toThrow(/not supported/);
  });
});
