/**
 * 32-bit FNV-1a over a string's UTF-16 code units, leaving out the one at `skip` when given: a typo's
 * variants ("pilot" without one letter) are hashed without making a string of each.
 */
export function hash32(text: string, skip = -1): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i === skip) continue;
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A second 32-bit hash, independent of hash32 (murmur3's multipliers and finaliser): together they are 64
 * bits, so telling a million questions apart by hash alone is safe where no string is kept to compare with.
 */
export function hash32b(text: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
