import { beforeAll, describe, expect, it } from "vitest";
import { renderSourcesText, renderText } from "../../src/answer/render-text.js";
import type { AnswerResult, Engine } from "../../src/answer/types.js";
import {
  renderAnswerHtml,
  renderNotAnsweredHtml,
  renderSmallTalkHtml,
  renderSourcesHtml,
} from "../../src/bot/render-html.js";
import { LANGUAGES } from "../../src/knowledge/types.js";
import { parseTelegramHtml } from "../../src/testing/fake-bot-api.js";
import { realEngine } from "../answer/real-engine.js";

/**
 * The console chat and CLI (plain text) and Telegram (HTML) render the same replies from one texts table and
 * one citation model: every line a Telegram reader sees is a line the console shows too. The renderers may
 * differ only in markup: the emoji before a label, the separator between facts, quotes around a title (the
 * console has no link to mark it), and the link the console writes out.
 */

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

/** The lines of a message without markup: no emoji prefix, no separators, no quotes around titles. */
function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^(📄|✅|⚠️|🕑) /u, "")
        .replace(/[“”«»]/g, "")
        .trim(),
    )
    .filter((line) => line !== "" && line !== "———");
}

function telegramLines(html: string): string[] {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`${parsed.error}: ${html}`);
  return lines(parsed.text);
}

function expectSameWords(html: string, text: string) {
  const shown = new Set(lines(text));
  const missing = telegramLines(html).filter((line) => !shown.has(line));
  expect(missing, `Telegram says what the console does not:\n${html}\n---\n${text}`).toEqual([]);
}

describe("the console chat and Telegram say the same things", () => {
  it("for every fact's answer in every language: answer, citation, reports that agree or differ, other dates", () => {
    let checked = 0;
    let withNotes = 0;
    for (const factId of engine.knowledge.factIds) {
      for (const lang of LANGUAGES) {
        const result = engine.answerFact(factId, lang) as AnswerResult;
        expectSameWords(renderAnswerHtml(result), renderText(result, engine.knowledge));
        checked++;
        if (result.conflicts.length || result.timeline.length || result.citation?.dateUnverified) withNotes++;
      }
    }
    expect(checked).toBe(engine.knowledge.factIds.length * 3);
    // Not vacuous: conflicts, timelines and unverified dates are among them.
    expect(withNotes).toBeGreaterThan(10);
  });

  it("when there is no answer, and for small talk, in every language", () => {
    const asked = {
      en: ["What is the capital of France?", "hotline callz numbr?", "thanks!", "hi"],
      ru: ["Какая столица Франции?", "спасибо!", "привет"],
      uk: ["Яка столиця Франції?", "дякую!", "привіт"],
    };
    for (const lang of LANGUAGES) {
      for (const question of asked[lang]) {
        const result = engine.ask(question);
        expect(result.answered, question).toBe(false);
        const html = result.smallTalk
          ? renderSmallTalkHtml(result, engine.knowledge)
          : renderNotAnsweredHtml(result, true);
        expectSameWords(html, renderText(result, engine.knowledge));
      }
    }
  });

  it("for /sources", () => {
    for (const lang of LANGUAGES) {
      const html = renderSourcesHtml(engine.knowledge.sources.values(), lang).join("\n\n");
      expectSameWords(html, renderSourcesText(engine.knowledge.sources.values(), lang));
    }
  });
});
