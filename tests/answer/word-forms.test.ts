import { describe, expect, it } from "vitest";
import { stringTable } from "../../src/answer/string-table.js";
import { otherForms, sameWord, wordForms } from "../../src/answer/word-forms.js";

// Stems the Ukrainian stemmer leaves apart are matched as forms of one word; other words sharing a
// beginning are not.

describe("forms of one word", () => {
  it("are stems where the shorter, less at most its last letter, begins the longer", () => {
    expect(sameWord("дзвон", "дзвонил")).toBe(true); // дзвонив, дзвонили
    expect(sameWord("військов", "військ")).toBe(true); // військових, військові
    expect(sameWord("надходил", "надходит")).toBe(true);
  });

  it("are not a word and itself, short stems, other words or long derivations", () => {
    expect(sameWord("дзвон", "дзвон")).toBe(false);
    expect(sameWord("кер", "керуют")).toBe(false);
    expect(sameWord("перелет", "перелік")).toBe(false);
    expect(sameWord("військ", "військовополонен")).toBe(false);
  });

  it("are found among the known Cyrillic stems, by id", () => {
    const terms = ["дзвон", "дзвонил", "дзвінк", "military", "військ", "військов"];
    const table = stringTable(terms, { lookup: true });
    const forms = wordForms(terms);
    expect(otherForms(forms, table, "дзвонил")).toEqual([0]);
    expect(otherForms(forms, table, "дзвонят")).toEqual([0]); // not "дзвонил": another ending of as many letters
    expect(otherForms(forms, table, "військових")).toEqual([4, 5]);
    expect(otherForms(forms, table, "militar")).toEqual([]);
    expect(otherForms(forms, table, "дз")).toEqual([]);
  });
});
