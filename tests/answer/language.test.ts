import { describe, expect, it } from "vitest";
import { detectLanguage, languageOfCode } from "../../src/answer/language.js";

describe("the language of a Telegram language_code", () => {
  it("is ours for uk and ru, Russian for Belarusian, English for the rest", () => {
    expect(languageOfCode("uk")).toBe("uk");
    expect(languageOfCode("ru-RU")).toBe("ru");
    expect(languageOfCode("be")).toBe("ru");
    expect(languageOfCode("de")).toBe("en");
    expect(languageOfCode(undefined)).toBe("en");
  });

  it("is the answer's language for a question without letters, as it is the interface's", () => {
    for (const code of ["be", "be-BY", "uk_UA", "ru", "de", undefined]) {
      expect(detectLanguage("🙂", code), String(code)).toBe(languageOfCode(code));
      expect(detectLanguage("42?", code), String(code)).toBe(languageOfCode(code));
    }
  });
});

describe("the language of a question", () => {
  it("tells chat Ukrainian from Russian by its words and past-tense endings", () => {
    // None of these has a letter only Ukrainian writes.
    expect(detectLanguage("шо юсов казав про гарматне мясо")).toBe("uk");
    expect(detectLanguage("kyiv independent на кого посилались з цими 220")).toBe("uk");
    expect(detectLanguage("До кого Newsweek звертався по коментар?")).toBe("uk");
    expect(detectLanguage("розкажи якийсь анекдот")).toBe("uk");
    expect(detectLanguage("кто сдался первым")).toBe("ru");
    expect(detectLanguage("чё там юсов говорил")).toBe("ru");
  });

  it("goes by words once two are Cyrillic: a Latin outlet's name does not make the question English", () => {
    expect(detectLanguage("хто автор статті kyiv independent")).toBe("uk");
    expect(detectLanguage("what does хочу жити mean")).toBe("en");
    expect(detectLanguage("who is Юсов")).toBe("en");
  });
});
