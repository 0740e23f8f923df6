import { describe, expect, it } from "vitest";
import { givesFigure } from "../../src/answer/fact-terms.js";
import type { Fact } from "../../src/knowledge/types.js";

const fact = (en: string) => ({ answer: { en, ru: "", uk: "" } }) as Fact;

describe("givesFigure", () => {
  it("finds counts, amounts and shares, and not dates", () => {
    expect(givesFigure(fact("More than 220 soldiers surrendered."))).toBe(true);
    expect(givesFigure(fact("It had received more than 2,000 appeals by October 2022."))).toBe(true);
    expect(givesFigure(fact("One soldier got $10,000 for a tank."))).toBe(true);
    expect(givesFigure(fact("About 70% of visitors came from Russia."))).toBe(true);
    expect(givesFigure(fact("It was launched in September 2022, on 18 August by another account."))).toBe(
      false,
    );
  });
});
