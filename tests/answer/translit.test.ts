import { describe, expect, it } from "vitest";
import { latinLanguage, latinToCyrillic } from "../../src/answer/translit.js";

// Russian or Ukrainian typed in Latin letters, read back into Cyrillic, one plausible spelling per language.

describe("Latin letters read back into Cyrillic", () => {
  it("writes y and i as each language does", () => {
    expect(latinToCyrillic("skolko zvonkov bylo", "ru")).toBe("сколко звонков было");
    expect(latinToCyrillic("skilky dzvinkiv", "uk")).toBe("скілки дзвінків");
  });

  it("reads the digraphs before single letters, the longest first", () => {
    expect(latinToCyrillic("shchuka schi zhuk khata chas shum tsar", "ru")).toBe(
      "щука щи жук хата час шум цар",
    );
    expect(latinToCyrillic("yula juk yama jama yozh jozh", "ru")).toBe("юла юк яма яма еж еж");
  });

  it("keeps apart what only one language writes: ye, yi, ie", () => {
    expect(latinToCyrillic("yest", "ru")).toBe("ест");
    expect(latinToCyrillic("yest yizha kiev", "uk")).toBe("єст їжа кєв");
  });

  it("reads i or y after a vowel and before a consonant or the end as й", () => {
    expect(latinToCyrillic("sait takoy", "ru")).toBe("сайт такой");
    expect(latinToCyrillic("raion", "ru")).toBe("раион");
    expect(latinToCyrillic("iod", "ru")).toBe("иод");
    // Not after i or y: "kiy" is кіи.
    expect(latinToCyrillic("kiy", "uk")).toBe("кіи");
  });

  it("writes every other letter, x as two and the apostrophe as the soft sign", () => {
    expect(latinToCyrillic("abcdefghjklmnopqrstuvwxz", "ru")).toBe("абцдефгхйклмнопкрстуввксз");
    expect(latinToCyrillic("mat'", "ru")).toBe("мать");
  });

  it("lower-cases the text and keeps words that are not all Latin letters", () => {
    expect(latinToCyrillic("Skolko звонков 2023?", "ru")).toBe("сколко звонков 2023?");
  });
});

describe("the language Latin letters type", () => {
  it("is told by the frequent words each language is typed with", () => {
    expect(latinLanguage("skilky dali za tank tomu soldatu")).toBe("uk");
    expect(latinLanguage("skolko deneg dali pilotu")).toBe("ru");
    expect(latinLanguage("In which country was Maksim Kuzminov killed?")).toBe("en");
  });

  it("is not told by names alone, nor when the words tie", () => {
    expect(latinLanguage("Maksim Kuzminov")).toBeUndefined();
    expect(latinLanguage("skolko skilky")).toBeUndefined();
  });
});
