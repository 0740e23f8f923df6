import { describe, expect, it } from "vitest";
import { withoutSourceFrame } from "../../src/answer/source-frame.js";

// "Which outlet reported X" is read as "X": the fact that says X names its report.

describe("a question asking which report says something", () => {
  it("is read without the words that ask for the report", () => {
    expect(withoutSourceFrame("Which newspaper first reported the figure of 220 surrenders?")).toBe(
      "the figure of 220 surrenders?",
    );
    expect(withoutSourceFrame("Яке видання посилається на інтерв'ю Юсова Радіо Свобода?")).toBe(
      "на інтерв'ю Юсова Радіо Свобода?",
    );
    expect(withoutSourceFrame("шо за газета першою написала про 220 зданих?")).toBe("про 220 зданих?");
    expect(withoutSourceFrame("а откуда цифра 220 вообще")).toBe("а цифра 220 вообще");
    expect(withoutSourceFrame("where did the 220 number come from")).toBe("the 220 number");
  });

  it("takes a site for an outlet only when the question speaks of reporting", () => {
    expect(withoutSourceFrame("which site quoted the interview with yusov")).toBe("the interview with yusov");
    expect(withoutSourceFrame("which site do soldiers use to reach the hotline")).toBeUndefined();
  });

  it("is not a question about who wrote an article, about a journalist, or about a law's article", () => {
    expect(withoutSourceFrame("кто написал статью в Newsweek")).toBeUndefined();
    expect(
      withoutSourceFrame("What is the name of the journalist who reported the 220 figure?"),
    ).toBeUndefined();
    expect(withoutSourceFrame("Какой журналист писал про 220 сдавшихся?")).toBeUndefined();
    expect(
      withoutSourceFrame("Which article of the Russian Criminal Code punishes surrender?"),
    ).toBeUndefined();
    expect(withoutSourceFrame("по якій статті в рф судять за здачу в полон")).toBeUndefined();
  });

  it("leaves other questions alone", () => {
    expect(withoutSourceFrame("How many calls has the hotline received?")).toBeUndefined();
    expect(withoutSourceFrame("Which Ukrainian agency does Yusov speak for?")).toBeUndefined();
    expect(
      withoutSourceFrame("Which article of the Geneva Convention defines a prisoner of war?"),
    ).toBeUndefined();
  });
});
