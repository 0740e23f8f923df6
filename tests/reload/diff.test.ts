import { describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/knowledge/types.js";
import { diffKnowledge, digestKnowledge } from "../../src/reload/diff.js";
import { fact, knowledge, source } from "./fakes.js";

const diff = (before: Knowledge, after: Knowledge) =>
  diffKnowledge(digestKnowledge(before), digestKnowledge(after));

describe("diffKnowledge", () => {
  it("tells added, removed and changed facts apart, ignoring where a fact sits in its file", () => {
    const before = knowledge([fact("a"), fact("b"), fact("c"), fact("d")]);
    const after = knowledge([
      fact("a", { line: 40, file: "knowledge/facts/moved.yaml" }),
      fact("b", { answer: { en: "new", ru: "новое", uk: "нове" } }),
      fact("d"),
      fact("e"),
    ]);
    expect(diff(before, after)).toEqual({ added: ["e"], removed: ["c"], changed: ["b"] });
  });

  it("counts a fact as changed when its citation changes", () => {
    const before = knowledge([fact("a")], [source("src-a")]);
    const after = knowledge([fact("a")], [source("src-a", { url: "https://example.org/corrected" })]);
    expect(diff(before, after).changed).toEqual(["a"]);
    const textOnly = knowledge([fact("a")], [source("src-a", { text: "article text, more of it" })]);
    expect(diff(before, textOnly).changed).toEqual([]);
  });
});
