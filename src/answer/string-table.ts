import { hash32 } from "./hash.js";
import { type HashRuns, hashRuns, runStart } from "./hash-runs.js";

/**
 * Many strings in one buffer of UTF-16 code units: string i is chars[start[i]] .. chars[start[i + 1] - 1].
 * Tens of thousands of words or answers as two typed arrays rather than as many heap strings, which is
 * what keeps an engine small and lets a worker hand one over without copying. With `lookup`, a string's
 * position is found by its hash, compared code unit by code unit, so no Map of strings is needed either.
 */
export interface StringTable {
  chars: Uint16Array;
  start: Int32Array;
  /** hash32 of each string → its position; empty when the table is only read by position. */
  lookup: HashRuns;
}

export function stringTable(strings: readonly string[], { lookup = false } = {}): StringTable {
  const start = new Int32Array(strings.length + 1);
  let length = 0;
  strings.forEach((s, i) => {
    length += s.length;
    start[i + 1] = length;
  });
  const chars = new Uint16Array(length);
  strings.forEach((s, i) => {
    const at = start[i] as number;
    for (let k = 0; k < s.length; k++) chars[at + k] = s.charCodeAt(k);
  });
  const positions = lookup ? Int32Array.from(strings, (_, i) => i) : new Int32Array(0);
  const hashes = lookup ? Uint32Array.from(strings, (s) => hash32(s)) : new Uint32Array(0);
  return { chars, start, lookup: hashRuns(hashes, positions) };
}

export function tableSize(table: StringTable): number {
  return table.start.length - 1;
}

/** Code units a call to String.fromCharCode is given at most (an argument list has a limit). */
const CHUNK = 8192;

export function stringAt(table: StringTable, i: number): string {
  const from = table.start[i] ?? 0;
  const to = table.start[i + 1] ?? from;
  let out = "";
  for (let at = from; at < to; at += CHUNK)
    out += fromCodeUnits(table.chars.subarray(at, Math.min(to, at + CHUNK)));
  return out;
}

// apply takes any array-like: the code units go straight in, without an iterator or a copy.
const fromCodeUnits = (units: Uint16Array): string =>
  String.fromCharCode.apply(null, units as unknown as number[]);

/** Whether string i is exactly `text`, without making a string of it. */
export function stringEquals(table: StringTable, i: number, text: string): boolean {
  const from = table.start[i] ?? 0;
  if ((table.start[i + 1] ?? from) - from !== text.length) return false;
  for (let k = 0; k < text.length; k++) if (table.chars[from + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** The position of `text` (the last, if it is there more than once, as a Map built in order would say), or -1. */
export function findString(table: StringTable, text: string): number {
  const key = hash32(text);
  const { keys, values } = table.lookup;
  let found = -1;
  for (let k = runStart(keys, key); k < keys.length && keys[k] === key; k++) {
    const i = values[k] as number;
    if (i > found && stringEquals(table, i, text)) found = i;
  }
  return found;
}
