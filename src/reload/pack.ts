/**
 * A tree of plain data and typed arrays as one ArrayBuffer, and back. The buffer is what a build worker
 * transfers to the answering thread (a move, not a copy) and what the index cache writes to disk; unpacking
 * makes views into it, so a 40 MB index is ready without copying or parsing it. Strings, numbers and small
 * objects travel as JSON in the header.
 *
 * Layout: "FLPK", u32 format, u32 header length, the header (UTF-8 JSON), then each typed array at an
 * offset that is a multiple of 8 (a Float64Array view needs it).
 */
const MAGIC = 0x4b504c46; // "FLPK" read as a little-endian u32
const FORMAT = 1;
const ALIGN = 8;
/** Marks a typed array in the header: { [TYPED]: type name, at: byte offset, length }. */
const TYPED = "$typed";

const TYPES = {
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Float64Array,
} as const;
type TypeName = keyof typeof TYPES;
type Typed = InstanceType<(typeof TYPES)[TypeName]>;

const typeName = (value: unknown): TypeName | undefined =>
  (Object.keys(TYPES) as TypeName[]).find((name) => value instanceof TYPES[name]);
const aligned = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export function pack(value: unknown): ArrayBuffer {
  const arrays: Typed[] = [];
  let end = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    const type = typeName(v);
    if (!type) {
      if (ArrayBuffer.isView(v)) throw new Error(`pack: ${v.constructor.name} is not supported`);
      return v;
    }
    const array = v as Typed;
    const at = end;
    arrays.push(array);
    end = aligned(end + array.byteLength);
    return { [TYPED]: type, at, length: array.length };
  });
  const header = new TextEncoder().encode(json);
  const body = aligned(12 + header.length);
  const buffer = new ArrayBuffer(body + end);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, header.length, true);
  new Uint8Array(buffer, 12, header.length).set(header);
  let at = body;
  for (const array of arrays) {
    new Uint8Array(buffer, at, array.byteLength).set(
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    );
    at = aligned(at + array.byteLength);
  }
  return buffer;
}

/** Throws on a buffer that is not a pack of this format (a cache file from another version, a torn write). */
export function unpack<T>(buffer: ArrayBuffer): T {
  if (buffer.byteLength < 12) throw new Error("unpack: too short");
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("unpack: not a packed index");
  if (view.getUint32(4, true) !== FORMAT) throw new Error("unpack: another format version");
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > buffer.byteLength) throw new Error("unpack: truncated header");
  const body = aligned(12 + headerLength);
  const json = new TextDecoder().decode(new Uint8Array(buffer, 12, headerLength));
  return JSON.parse(json, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || !(TYPED in v)) return v;
    const { [TYPED]: type, at, length } = v as { [TYPED]: TypeName; at: number; length: number };
    const Type = TYPES[type];
    if (!Type) throw new Error(`unpack: unknown array type ${type}`);
    const offset = body + at;
    if (offset + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) throw new Error("unpack: truncated");
    return new Type(buffer, offset, length);
  }) as T;
}
