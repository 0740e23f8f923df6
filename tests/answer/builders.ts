import type { Fact, LexiconLanguage } from "../../src/knowledge/types.js";

// Small facts and lexicons for the answer tests: every field empty unless a test gives it.

export const blankFact = (id: string, fields: Partial<Fact> = {}): Fact => ({
  id,
  source: "s",
  quote: "",
  asOf: "2023-05",
  attributedTo: "",
  tags: [],
  related: [],
  agreesWith: [],
  conflictsWith: [],
  timeline: [],
  questions: { en: [], ru: [], uk: [] },
  answer: { en: "", ru: "", uk: "" },
  file: "f.yaml",
  line: 1,
  ...fields,
});

export const lexiconLanguage = (fields: Partial<LexiconLanguage> = {}): LexiconLanguage => ({
  synonyms: [],
  phrases: [],
  outOfScope: [],
  stopWords: [],
  personWords: [],
  organisationWords: [],
  languageWords: [],
  ...fields,
});
