import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/types.js";
import {
  escapeHtml,
  escapeTrim,
  MESSAGE_LIMIT,
  packBlocks,
  renderAnswerHtml,
  renderNotAnsweredHtml,
  renderSourcesHtml,
  stripTags,
  trimPlain,
} from "../../src/bot/render-html.js";
import type { Source } from "../../src/knowledge/types.js";
import { parseTelegramHtml } from "../../src/testing/fake-bot-api.js";

const citation = {
  sourceId: "s",
  title: 'A <title> & "quotes"',
  publisher: "Pub & Co",
  published: "2024-01-04",
  url: "https://example.com/?a=1&b=<2>",
};

function answered(answer: string, conflicts = 0): AnswerResult {
  return {
    answered: true,
    language: "en",
    more: [],
    timeline: [],
    factId: "f",
    score: 1,
    answer,
    citation,
    agreements: [],
    conflicts: Array.from({ length: conflicts }, (_, i) => ({
      factId: `c${i}`,
      answer: `conflicting <${i}> ${"x".repeat(700)}`,
      citation: { ...citation, title: `Other ${i}` },
    })),
    alternatives: [],
    nearest: [],
  };
}

function expectValid(html: string) {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`${parsed.error}: ${html}`);
  expect(parsed.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  expect(html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  return parsed;
}

describe("render-html", () => {
  it("renders the same figure at other dates as a dated timeline, oldest first, each with its citation", () => {
    const result = {
      ...answered("more than 26,000 calls <by now>"),
      timeline: [
        {
          factId: "t1",
          asOf: "2022-10",
          answer: "about 2,000 appeals",
          citation: { ...citation, title: "Early" },
        },
        {
          factId: "t2",
          asOf: "2023-03",
          answer: "about 10,000 contacts",
          citation: { ...citation, title: "Later" },
        },
      ],
    };
    const html = renderAnswerHtml(result);
    expectValid(html);
    const text = (parseTelegramHtml(html) as { text: string }).text;
    expect(text).toContain(
      "🕑 The same figure at other dates:\n• October 2022: about 2,000 appeals\nEarly, Pub & Co",
    );
    expect(text.indexOf("October 2022")).toBeLessThan(text.indexOf("March 2023"));
    expect(text).not.toContain("Another report differs");
  });

  it("escapes & < > and double quotes", () => {
    expect(escapeHtml(`<a href="x">&amp;</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("trims escaped text within a budget without splitting entities or surrogate pairs", () => {
    const out = escapeTrim("&&&&&&&&&&", 12);
    expect(out).toBe("&amp;&amp;…");
    expect(escapeTrim("😀😀😀😀", 6)).toBe("😀😀…");
    expect(trimPlain("one  two\nthree", 9)).toBe("one two…");
  });

  it("renders the answer, a linked citation and conflicts as valid Telegram HTML", () => {
    const html = renderAnswerHtml(answered("Over 26,000 <calls> & more", 1));
    const parsed = expectValid(html);
    expect(parsed.text).toContain("Over 26,000 <calls> & more");
    expect(parsed.text).toContain('Source: A <title> & "quotes", Pub & Co, 4 January 2024');
    expect(parsed.text).toContain("Another report differs: conflicting <0>");
    expect(parsed.entities.find((e) => e.type === "a")?.url).toBe("https://example.com/?a=1&b=<2>");
  });

  it("renders a report that agrees before one that differs, each with its citation", () => {
    const result = {
      ...answered("Over 26,000 calls", 1),
      agreements: [{ factId: "a0", answer: "agreeing <0>", citation: { ...citation, title: "Same" } }],
    };
    const text = expectValid(renderAnswerHtml(result)).text;
    expect(text).toContain("✅ Another report agrees: agreeing <0>\nSame, Pub & Co, 4 January 2024");
    expect(text.indexOf("Another report agrees")).toBeLessThan(text.indexOf("Another report differs"));
  });

  it("stays within 4096 characters for huge answers and many conflicts, keeping the citation", () => {
    const html = renderAnswerHtml(answered(`${"<&>".repeat(3000)}`, 5));
    const parsed = expectValid(html);
    expect(parsed.text).toContain("Source:");
  });

  it("does not link a URL that is not http(s)", () => {
    const html = renderAnswerHtml({
      ...answered("x"),
      citation: { ...citation, url: "javascript:alert(1)" },
    });
    expect(html).not.toContain("<a ");
    expectValid(html);
  });

  it("renders the honest no-answer reply pointing at the 'did you mean' buttons, without repeating them", () => {
    const result: AnswerResult = {
      answered: false,
      language: "ru",
      more: [],
      timeline: [],
      score: 0.3,
      agreements: [],
      conflicts: [],
      alternatives: [{ factId: "a", question: "Сколько <звонков>?", score: 0.4 }],
      nearest: [],
    };
    const text = expectValid(renderNotAnsweredHtml(result, true)).text;
    expect(text).toMatch(/Возможно, вы имели в виду:$/);
    expect(text).not.toContain("Сколько");
    expect(renderNotAnsweredHtml(result, false)).not.toContain("Возможно");
  });

  it("splits a long source list into several valid messages", () => {
    const sources: Source[] = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      title: `Report number ${i} & ${"long title ".repeat(10)}`,
      publisher: "Publisher <Inc>",
      published: `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
      url: `https://example.com/${i}`,
      language: "en",
      retrieved: "2024-02-01",
      text: "",
      file: "x",
    }));
    const messages = renderSourcesHtml(sources, "en");
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectValid(m);
    expect(messages.join("\n")).toContain("Report number 59");
  });

  it("packs blocks and never emits a message over the limit", () => {
    const messages = packBlocks(["a".repeat(3000), "b".repeat(3000), "<b>c</b>"]);
    expect(messages.map((m) => m.length)).toEqual([3000, 3000 + 2 + 8]);
    const oversized = packBlocks([`<b>${"x".repeat(5000)}</b>`]);
    expect(oversized[0]?.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expectValid(oversized[0] as string);
    expect(stripTags("<b>a &lt;b&gt; &amp;</b>")).toBe("a <b> &");
  });
});
