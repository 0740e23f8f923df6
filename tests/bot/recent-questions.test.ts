import { expect, it } from "vitest";
import { RecentQuestions } from "../../src/bot/recent-questions.js";

it("remembers recent answers' questions up to its capacity, dropping the oldest first", () => {
  const recent = new RecentQuestions(2);
  recent.remember(1, 10, "first");
  recent.remember(1, 11, "second");
  recent.remember(2, 10, "third");
  expect(recent.get(1, 10)).toBeUndefined();
  expect(recent.get(1, 11)).toBe("second");
  expect(recent.get(2, 10)).toBe("third");
});
