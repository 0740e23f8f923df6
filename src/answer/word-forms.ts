import { type IntLists, IntListsBuilder, listAt } from "./int-lists.js";
import { findString, type StringTable, stringAt, stringTable } from "./string-table.js";

/**
 * Forms of one Russian or Ukrainian word that the stemmer leaves apart: the Ukrainian one keeps verb and
 * some adjective endings ("дзвонили" → "дзвонил", "дзвонив" → "дзвон"; "військових" → "військов",
 * "військові" → "військ"). Two stems are taken for one word when the shorter, less at most its last letter,
 * begins the longer and the longer adds little: a prefix of five letters alone is not enough ("перелет",
 * "перелік").
 */
const PREFIX = 5;
/** Most letters the longer stem may add: an ending, not a suffix that makes another word. */
const MAX_EXTRA = 4;

/** Stems grouped by their first letters, so the forms of a stem are found without scanning them all. */
export interface WordForms {
  keys: StringTable;
  /** Per key, the ids of the stems that begin with it. */
  terms: IntLists;
}

const CYRILLIC = /^\p{Script=Cyrillic}+$/u;

export function wordForms(terms: readonly string[]): WordForms {
  const groups = new Map<string, number[]>();
  terms.forEach((term, id) => {
    if (term.length < PREFIX || !CYRILLIC.test(term)) return;
    const key = term.slice(0, PREFIX);
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  });
  const lists = new IntListsBuilder();
  for (const ids of groups.values()) lists.add(ids);
  return { keys: stringTable([...groups.keys()], { lookup: true }), terms: lists.build() };
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < PREFIX || longer.length - shorter.length > MAX_EXTRA) return false;
  let common = 0;
  while (common < shorter.length && shorter[common] === longer[common]) common++;
  return common >= shorter.length - 1;
}

/** The ids of the known stems that are other forms of `term`'s word. */
export function otherForms(forms: WordForms, termTable: StringTable, term: string): number[] {
  if (term.length < PREFIX) return [];
  const key = findString(forms.keys, term.slice(0, PREFIX));
  if (key < 0) return [];
  return listAt(forms.terms, key).filter((id) => sameWord(term, stringAt(termTable, id)));
}
