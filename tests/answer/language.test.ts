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
