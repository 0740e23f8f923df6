import { describe, expect, it } from "vitest";
import { formalize } from "../../src/answer/informal.js";

// What formalize does to a (lower-cased) message before it is normalised: chat spellings, invisible
// characters, and words typed with a look-alike letter of the other script.

describe("chat spellings", () => {
  it("are read as the words they stand for, in each language, whole words only", () => {
    expect(formalize("pls how many ppl called")).toBe("please how many people called");
    expect(formalize("скока звонков")).toBe("сколько звонков");
    expect(formalize("скіки дзвінків")).toBe("скільки дзвінків");
    expect(formalize("2day")).toBe("today");
    expect(formalize("whos yusov")).toBe("who is yusov");
    expect(formalize("14 mil visits rn")).toBe("14 million visits right now");
    expect(formalize("када это было")).toBe("когда это было");
    expect(formalize("plsx uu")).toBe("plsx uu");
    expect(formalize("проект «хочу жити»")).toBe("проєкт «хочу жити»");
  });

  it("lose the invisible characters that split or glue words", () => {
    expect(formalize("how\u200bmany\u00ad \ufeffcalls\u2060")).toBe("howmany calls");
  });
});

describe("a word typed with letters of both scripts", () => {
  it("is read in the script most of its letters are in", () => {
    // A Cyrillic "е" in an English word, a Latin "o" in a Russian one.
    expect(formalize("hotlin\u0435")).toBe("hotline");
    expect(formalize("зв\u006fнков")).toBe("звонков");
    // Before the chat spellings are looked up: a Cyrillic "ш" and a Latin "o" make «шо».
    expect(formalize("ш\u006f")).toBe("что");
  });

  it("goes to Cyrillic when the scripts have as many letters each", () => {
    expect(formalize("\u0430b")).toBe("ав");
  });

  it("stays as typed when a letter has no look-alike in the other script", () => {
    expect(formalize("vpnчерез")).toBe("vpnчерез");
  });

  it("is left alone when it is in one script", () => {
    expect(formalize("hotline горячая")).toBe("hotline горячая");
  });
});
