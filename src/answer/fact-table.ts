import { type Fact, LANGUAGES, type Lang } from "../knowledge/types.js";
import { factLinks } from "./fact-links.js";
import { hash32, hash32b } from "./hash.js";
import { hashRuns, runStart } from "./hash-runs.js";
import { contains, type IntLists, IntListsBuilder, listAt } from "./int-lists.js";
import { normalizeText } from "./normalize.js";
import { type AnswerType, carriedBy, identitySubject } from "./question-type.js";
import { type StringTable, stringAt, stringTable } from "./string-table.js";

/**
 * What the engine keeps of its facts: what it shows (the answer, the first question of each language,
 * as_of, the source) and how facts relate, as numbers and string tables. The facts' other questions live
 * on only as term ids in the index, and as hashes here (`asWritten`).
 */
export interface FactTable {
  /** Fact ids by fact number: the knowledge's own facts first, then those the engine makes from the sources. */
  ids: StringTable;
  /** TEXTS strings per fact, at fact × TEXTS + the slot's number. */
  texts: StringTable;
  /** Per fact, its source's position in the engine's list of sources (-1 when the list lacks it). */
  source: Int32Array;
  /** The facts it names as related, in the order it names them. */
  related: IntLists;
  /** The facts of other reports that say the same (agrees_with, read both ways), in the order they are shown. */
  agreements: IntLists;
  /** The facts that disagree with it (conflicts_with, read both ways), in the order they are shown. */
  conflicts: IntLists;
  /** The same measure at other dates, oldest first. */
  timeline: IntLists;
  /**
   * Sorted: the facts that are no rivals of it (itself, those it names as related, the reports that agree, the
   * same measure).
   */
  kin: IntLists;
  /** The kinds of answer it carries, one bit each (ANSWER_TYPES). */
  carries: Uint8Array;
  /** Sorted: the years its claim names. */
  years: IntLists;
  /** The surnames of the people its claim names, its speaker aside, as `surnameKey`s. */
  people: IntLists;
  /** Sorted: the numbers its claim gives (namedNumbers). */
  figures: IntLists;
  /** Sorted: the words (as `surnameKey`s) of what its questions ask to be introduced ("who is *X*"). */
  introduces: IntLists;
  /** FLAG bits: what its claim says beyond the kinds of answer it carries. */
  flags: Uint8Array;
  /**
   * Every question of every fact as words only (`plain`), hashed: hash32 → entry; each entry's hash32b and
   * fact. 64 bits of hash tell a million questions apart without keeping their text.
   */
  asWritten: { keys: Uint32Array; check: Uint32Array; fact: Int32Array };
}

/** The strings kept per fact, in this order. */
export const TEXTS = 7;
export const TEXT = {
  answer: { en: 0, ru: 1, uk: 2 },
  question: { en: 3, ru: 4, uk: 5 },
  asOf: 6,
} as const satisfies { answer: Record<Lang, number>; question: Record<Lang, number>; asOf: number };

/** Bits of FactTable.flags. */
export const FLAG = { noReply: 1, earlier: 2 } as const;

/** A word kept as a number: people's surnames are compared with the question's words this way. */
export const surnameKey = (word: string) => hash32(word) | 0;

export const ANSWER_TYPES: readonly AnswerType[] = [
  "who",
  "person",
  "when",
  "where",
  "figure",
  "contact",
  "reason",
];

/** Text as words only: two questions are the same question when these agree. */
export const plain = (text: string) =>
  normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** `sourceAt`: a source id → its position in the engine's list of sources. */
export function factTable(
  facts: readonly Fact[],
  sourceAt: ReadonlyMap<string, number>,
  organisationWords: ReadonlySet<string>,
): FactTable {
  // As a Map built in order says: with a repeated id (never in valid knowledge), the last fact holds it.
  const byId = new Map(facts.map((f, i) => [f.id, i]));
  const resolve = (ids: Iterable<string>) =>
    [...ids].flatMap((id) => {
      const i = byId.get(id);
      return i === undefined ? [] : [i];
    });
  const { agreements, conflicts, measures, timelineOf } = factLinks(facts);
  const texts: string[] = [];
  const related = new IntListsBuilder();
  const agreementLists = new IntListsBuilder();
  const conflictLists = new IntListsBuilder();
  const timeline = new IntListsBuilder();
  const kin = new IntListsBuilder();
  const years = new IntListsBuilder();
  const carries = new Uint8Array(facts.length);
  const people = new IntListsBuilder();
  const figures = new IntListsBuilder();
  const introduces = new IntListsBuilder();
  const flags = new Uint8Array(facts.length);
  const written = { h1: [] as number[], h2: [] as number[], fact: [] as number[] };

  const carried = new Map(facts.map((fact) => [fact.id, carriedBy(fact, organisationWords)]));
  facts.forEach((fact, i) => {
    texts.push(
      ...LANGUAGES.map((lang) => fact.answer[lang]),
      // Questions are never empty (the schema says so): "" stands for none.
      ...LANGUAGES.map((lang) => fact.questions[lang][0] ?? ""),
      fact.asOf,
    );
    related.addInOrder(resolve(fact.related));
    agreementLists.addInOrder(resolve(agreements.get(fact.id) ?? []));
    conflictLists.addInOrder(resolve(conflicts.get(fact.id) ?? []));
    timeline.addInOrder(
      resolve((timelineOf.get(fact.id) ?? []).filter((id) => id !== fact.id)).sort((a, b) =>
        (facts[a] as Fact).asOf.localeCompare((facts[b] as Fact).asOf),
      ),
    );
    kin.add(
      resolve([...fact.related, ...(agreements.get(fact.id) ?? []), ...(measures.get(fact.id) ?? [fact.id])]),
    );
    const has = carried.get(fact.id) as ReturnType<typeof carriedBy>;
    carries[i] = ANSWER_TYPES.reduce(
      (bits, type, bit) => (has.types.has(type) ? bits | (1 << bit) : bits),
      0,
    );
    // A reply shows the measure's other dates too ("the same figure at other dates"): their years are in it.
    const dated = (timelineOf.get(fact.id) ?? []).flatMap((id) => [...(carried.get(id)?.years ?? [])]);
    years.add([...has.years, ...dated].map(Number));
    people.add([...has.people].map(surnameKey));
    figures.add([...has.figures]);
    flags[i] = (has.noReply ? FLAG.noReply : 0) | (has.earlier ? FLAG.earlier : 0);
    const introduced = new Set<number>();
    for (const lang of LANGUAGES) {
      for (const q of fact.questions[lang]) {
        const key = plain(q);
        for (const word of identitySubject(key) ?? []) introduced.add(surnameKey(word));
        written.h1.push(hash32(key));
        written.h2.push(hash32b(key));
        written.fact.push(i);
      }
    }
    introduces.add([...introduced]);
  });

  // Sorted by hash32; each entry's other hash and fact follow it into place.
  const runs = hashRuns(
    written.h1,
    written.fact.map((_, e) => e),
  );
  return {
    ids: stringTable(
      facts.map((f) => f.id),
      { lookup: true },
    ),
    texts: stringTable(texts),
    source: Int32Array.from(facts, (f) => sourceAt.get(f.source) ?? -1),
    related: related.build(),
    agreements: agreementLists.build(),
    conflicts: conflictLists.build(),
    timeline: timeline.build(),
    kin: kin.build(),
    carries,
    years: years.build(),
    people: people.build(),
    figures: figures.build(),
    introduces: introduces.build(),
    flags,
    asWritten: {
      keys: runs.keys,
      check: Uint32Array.from(runs.values, (e) => written.h2[e] as number),
      fact: Int32Array.from(runs.values, (e) => written.fact[e] as number),
    },
  };
}

export function factText(table: FactTable, fact: number, slot: number): string {
  return stringAt(table.texts, fact * TEXTS + slot);
}

/**
 * Whether the fact carries every kind of thing a question asks for (a date for "when", a name for "who").
 * A figure the question itself names is not one the fact adds: "of the 220 who surrendered, how many stayed?"
 */
export function carriesAll(
  table: FactTable,
  fact: number,
  asked: readonly AnswerType[],
  namedNumbers: readonly number[] = [],
): boolean {
  const bits = table.carries[fact] ?? 0;
  const given = listAt(table.figures, fact);
  return asked.every(
    (type) =>
      (bits & (1 << ANSWER_TYPES.indexOf(type))) !== 0 &&
      !(type === "figure" && given.length > 0 && given.every((n) => namedNumbers.includes(n))),
  );
}

export function namesYear(table: FactTable, fact: number, year: number): boolean {
  return contains(table.years, fact, year);
}

/** Asks for someone's name, and the fact names no one but people the question names already. */
export function personMissing(
  table: FactTable,
  fact: number,
  asked: readonly AnswerType[],
  words: ReadonlySet<number>,
): boolean {
  return asked.includes("person") && !listAt(table.people, fact).some((surname) => !words.has(surname));
}

/** Whether one of the fact's questions asks to introduce everything named here (identitySubject's words). */
export function introduces(table: FactTable, fact: number, words: readonly string[]): boolean {
  return words.every((w) => contains(table.introduces, fact, surnameKey(w)));
}

export function hasFlag(table: FactTable, fact: number, flag: number): boolean {
  return ((table.flags[fact] ?? 0) & flag) !== 0;
}

export function isKin(table: FactTable, fact: number, other: number): boolean {
  return contains(table.kin, fact, other);
}

/** A question as words only (`plain`), hashed once, to look up in asWritten. */
export interface WrittenKey {
  h1: number;
  h2: number;
}

export function writtenKey(plainText: string): WrittenKey {
  return { h1: hash32(plainText), h2: hash32b(plainText) };
}

/** Whether the fact lists this question (word for word, as `plain` reads it) among its own. */
export function listsQuestion(table: FactTable, fact: number, key: WrittenKey): boolean {
  const { keys, check, fact: facts } = table.asWritten;
  for (let e = runStart(keys, key.h1); e < keys.length && keys[e] === key.h1; e++) {
    if (check[e] === key.h2 && facts[e] === fact) return true;
  }
  return false;
}
