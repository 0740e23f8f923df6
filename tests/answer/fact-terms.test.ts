import { describe, expect, it } from "vitest";
import { givesFigure } from "../../src/answer/fact-terms.js";
import type { Fact } from "../../src/knowledge/types.js";

const fact = (en: string) => ({ id: "f", answer: { en, ru: "", uk: "" } }) as Fact;

describe("givesFigure", () => {
  it("finds counts, amounts and shares, and not dates", () => {
    expect(givesFigure(fact("More than 220 soldiers surrendered."))).toBe(true);
    expect(givesFigure(fact("It had received more than 2,000 appeals by October 2022."))).toBe(true);
    expect(givesFigure(fact("One soldier got $10,000 for a tank."))).toBe(true);
    expect(givesFigure(fact("About 70% of visitors came from Russia."))).toBe(true);
    // A report's own fact: the number is its headline's, not a figure it gives.
    const byline = {
      ...fact("“Over 220 Russian soldiers surrender” was written by Nate Ostiller."),
      id: "source:ki:author",
    };
    expect(givesFigure(byline)).toBe(false);
    expect(givesFigure(fact("It was launched in September 2022, on 18 August by another account."))).toBe(
      false,
    );
  });

  it("counts small numbers and counts in words, but not days of a month or numbers in names", () => {
    expect(givesFigure(fact("The wives and mothers of 21 mobilized soldiers said so."))).toBe(true);
    expect(givesFigure(fact("Those who surrender get three meals a day."))).toBe(true);
    expect(givesFigure(fact("The line received hundreds of offers a day."))).toBe(true);
    expect(givesFigure(fact("Published on 4 January, it was updated on January 5."))).toBe(false);
    expect(givesFigure(fact("The pilot flew a Mi-8 helicopter carrying parts for Su-27 jets."))).toBe(false);
  });
});
