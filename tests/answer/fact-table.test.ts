import { beforeEach, describe, expect, it } from "vitest";
import {
  carriesAll,
  FLAG,
  factTable,
  factText,
  hasFlag,
  introduces,
  isKin,
  listsQuestion,
  namesYear,
  personMissing,
  plain,
  surnameKey,
  TEXT,
  writtenKey,
} from "../../src/answer/fact-table.js";
import { listAt } from "../../src/answer/int-lists.js";
import { findString, stringAt } from "../../src/answer/string-table.js";
import type { Fact } from "../../src/knowledge/types.js";

// What the engine keeps of its facts, read back through the table's accessors.

const fact = (id: string, fields: Partial<Fact> = {}): Fact => ({
  id,
  source: "s1",
  quote: "",
  asOf: "2023-05",
  attributedTo: "HUR",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions: { en: [`What about ${id}?`], ru: [`Что с ${id}?`], uk: [`Що з ${id}?`] },
  answer: { en: `Answer ${id}.`, ru: `Ответ ${id}.`, uk: `Відповідь ${id}.` },
  file: "facts.yaml",
  line: 1,
  ...fields,
});

const facts = [
  fact("calls-2024", {
    asOf: "2024-01",
    timeline: ["calls-2022"],
    related: ["start", "gone"],
    answer: { en: "About 26,000 called by January 2024.", ru: "", uk: "" },
  }),
  fact("calls-2022", { asOf: "2022-10", conflictsWith: ["calls-other"] }),
  fact("calls-2023", {
    asOf: "2023-05",
    timeline: ["calls-2024"],
    questions: {
      en: ["How many called in 2023?", "How many calls, 2023"],
      ru: [],
      uk: ["Скільки дзвінків?"],
    },
  }),
  fact("calls-other", { source: "missing", agreesWith: ["start"] }),
  fact("start", {
    questions: { en: ["Who is Maxim Kuzminov?", "Who flew it?"], ru: ["Кто такой Кузьминов?"], uk: [] },
    answer: {
      en: "The pilot Maxim Kuzminov flew it; the ministry did not respond to a request for comment, as in the previous swap.",
      ru: "",
      uk: "",
    },
  }),
];
// Built before each test, not once for the file: a mutation run then checks the building with these tests.
let table: ReturnType<typeof factTable>;
beforeEach(() => {
  table = factTable(facts, new Map([["s1", 3]]), new Set());
});
const at = (id: string) => findString(table.ids, id);
const ids = (list: number[]) => list.map((i) => stringAt(table.ids, i));

describe("the fact table", () => {
  it("numbers the facts in order, and keeps each one's texts and source", () => {
    expect(facts.map((f) => at(f.id))).toEqual([0, 1, 2, 3, 4]);
    expect(factText(table, 0, TEXT.answer.en)).toBe("About 26,000 called by January 2024.");
    expect(factText(table, 1, TEXT.answer.ru)).toBe("Ответ calls-2022.");
    expect(factText(table, 1, TEXT.answer.uk)).toBe("Відповідь calls-2022.");
    expect(factText(table, 2, TEXT.question.en)).toBe("How many called in 2023?");
    expect(factText(table, 2, TEXT.question.ru)).toBe("");
    expect(factText(table, 2, TEXT.question.uk)).toBe("Скільки дзвінків?");
    expect(factText(table, 1, TEXT.asOf)).toBe("2022-10");
    expect([...table.source]).toEqual([3, 3, 3, -1, 3]);
  });

  it("links facts by number: related in the order named, conflicts both ways, the timeline oldest first", () => {
    expect(ids(listAt(table.related, at("calls-2024")))).toEqual(["start"]);
    expect(ids(listAt(table.conflicts, at("calls-other")))).toEqual(["calls-2022"]);
    expect(ids(listAt(table.conflicts, at("calls-2022")))).toEqual(["calls-other"]);
    expect(ids(listAt(table.timeline, at("calls-2023")))).toEqual(["calls-2022", "calls-2024"]);
    expect(ids(listAt(table.timeline, at("calls-2022")))).toEqual(["calls-2023", "calls-2024"]);
    expect(listAt(table.timeline, at("start"))).toEqual([]);
    expect(ids(listAt(table.agreements, at("start")))).toEqual(["calls-other"]);
    expect(ids(listAt(table.agreements, at("calls-other")))).toEqual(["start"]);
    expect(listAt(table.agreements, at("calls-2024"))).toEqual([]);
  });

  it("counts as kin a fact itself, the facts it names as related, the reports that agree and the same measure", () => {
    expect(isKin(table, at("start"), at("start"))).toBe(true);
    expect(isKin(table, at("calls-2024"), at("start"))).toBe(true);
    expect(isKin(table, at("start"), at("calls-2024"))).toBe(false);
    expect(isKin(table, at("calls-2024"), at("calls-other"))).toBe(true);
    expect(isKin(table, at("calls-other"), at("calls-2023"))).toBe(true);
    // Reports that agree are no rivals, either way round.
    expect(isKin(table, at("start"), at("calls-other"))).toBe(true);
    expect(isKin(table, at("calls-other"), at("start"))).toBe(true);
  });

  it("knows what each fact carries: kinds of answer, years, people, and what its claim says", () => {
    const calls = at("calls-2024");
    const start = at("start");
    expect(carriesAll(table, calls, ["figure", "when"])).toBe(true);
    expect(carriesAll(table, calls, [])).toBe(true);
    expect(carriesAll(table, calls, ["person"])).toBe(false);
    expect(carriesAll(table, start, ["person", "who"])).toBe(true);
    expect(carriesAll(table, start, ["who", "contact"])).toBe(false);
    // "Of the 26,000 callers, how many …?": a figure the question already names is not one the fact adds.
    expect(listAt(table.figures, calls)).toEqual([26000]);
    expect(carriesAll(table, calls, ["figure"], [26000])).toBe(false);
    expect(carriesAll(table, calls, ["figure"], [25000])).toBe(true);
    expect(carriesAll(table, calls, ["when"], [26000])).toBe(true);
    expect(namesYear(table, calls, 2024)).toBe(true);
    // Its reply shows the measure's other dates too ("the same figure at other dates"), and no other year.
    expect(namesYear(table, calls, 2023)).toBe(true);
    expect(namesYear(table, calls, 2021)).toBe(false);
    expect(namesYear(table, start, 2022)).toBe(false);
    expect(namesYear(table, at("calls-2022"), 2022)).toBe(true);
    expect(hasFlag(table, start, FLAG.noReply)).toBe(true);
    expect(hasFlag(table, start, FLAG.earlier)).toBe(true);
    expect(hasFlag(table, calls, FLAG.noReply)).toBe(false);
    expect(hasFlag(table, calls, FLAG.earlier)).toBe(false);
  });

  it("says a person is missing when the question asks for a name and the fact names only those it names", () => {
    const start = at("start");
    const kuzminov = new Set([surnameKey("kuzminov")]);
    expect(personMissing(table, start, ["person"], new Set())).toBe(false);
    expect(personMissing(table, start, ["person"], kuzminov)).toBe(true);
    expect(personMissing(table, start, ["who"], kuzminov)).toBe(false);
    expect(personMissing(table, at("calls-2024"), ["person"], new Set())).toBe(true);
  });

  it("recognises each fact's own questions word for word, as words only, and only for that fact", () => {
    const own = writtenKey(plain("How many calls, 2023?"));
    expect(plain("  How many calls, 2023?! ")).toBe(plain("how many calls 2023"));
    expect(listsQuestion(table, at("calls-2023"), own)).toBe(true);
    expect(listsQuestion(table, at("calls-2023"), writtenKey(plain("Скільки дзвінків")))).toBe(true);
    expect(listsQuestion(table, at("calls-2024"), own)).toBe(false);
    expect(listsQuestion(table, at("calls-2023"), writtenKey(plain("How many calls")))).toBe(false);
    // The same first hash with another second hash is another question.
    expect(listsQuestion(table, at("calls-2023"), { ...own, h2: own.h2 ^ 1 })).toBe(false);
  });

  it("keeps the subjects its questions ask to introduce ('who is X'), in every language", () => {
    expect(introduces(table, at("start"), ["kuzminov"])).toBe(true);
    expect(introduces(table, at("start"), ["maxim", "kuzminov"])).toBe(true);
    expect(introduces(table, at("start"), ["кузьминов"])).toBe(true);
    // Every word must be introduced: his wife is not, and "who flew it" asks no one to be introduced.
    expect(introduces(table, at("start"), ["kuzminov", "wife"])).toBe(false);
    expect(introduces(table, at("start"), ["flew"])).toBe(false);
    expect(introduces(table, at("calls-2024"), ["kuzminov"])).toBe(false);
  });
});
