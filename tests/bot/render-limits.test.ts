import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/types.js";
import {
  escapeTrim,
  packBlocks,
  renderNotAnsweredHtml,
  renderSourcesHtml,
  stripTags,
  trimPlain,
} from "../../src/bot/render-html.js";
import type { Source } from "../../src/knowledge/types.js";
import { texts } from "../../src/texts/texts.js";

// Telegram refuses a message over its limit and a button label over 64 bytes: these cut exactly at the limit.

describe("cutting text to a limit", () => {
  it("escapeTrim keeps text of exactly the limit, and cuts longer text to the limit with …", () => {
    expect(escapeTrim("abcde", 5)).toBe("abcde");
    expect(escapeTrim("abcdef", 5)).toBe("abcd…");
    // The limit counts the escaped text, and an entity is never cut in two.
    expect(escapeTrim("a&b&c", 9)).toBe("a&amp;b…");
    expect(escapeTrim("a&b&c", 7)).toBe("a&amp;…");
    // Nor is an emoji (two UTF-16 units).
    expect(escapeTrim("😀😀😀", 5)).toBe("😀😀…");
  });

  it("trimPlain flattens whitespace, keeps text of exactly the limit, and never ends with a space before …", () => {
    expect(trimPlain("  how\n many   calls  ", 14)).toBe("how many calls");
    expect(trimPlain("abcdef", 6)).toBe("abcdef");
    expect(trimPlain("abcdefg", 6)).toBe("abcde…");
    expect(trimPlain("abc defgh", 5)).toBe("abc…");
    expect(trimPlain("😀😀😀", 5)).toBe("😀😀…");
  });

  it("stripTags gives back the plain text, entities decoded once", () => {
    expect(stripTags('<b>a &amp; b</b> &lt;tag&gt; <a href="x">&quot;q&quot;</a> &amp;lt;')).toBe(
      'a & b <tag> "q" &lt;',
    );
  });
});

describe("packing blocks into messages", () => {
  it("joins blocks while the message stays within the limit, counting the separator", () => {
    expect(packBlocks(["aaa", "bbb"], 8)).toEqual(["aaa\n\nbbb"]);
    expect(packBlocks(["aaa", "bbb"], 7)).toEqual(["aaa", "bbb"]);
    expect(packBlocks(["aaa", "bbb", "c"], 9, " + ")).toEqual(["aaa + bbb", "c"]);
    expect(packBlocks([])).toEqual([]);
  });

  it("keeps a block of exactly the limit, and turns a longer one into cut plain text", () => {
    expect(packBlocks(["<b>abc</b>"], 10)).toEqual(["<b>abc</b>"]);
    expect(packBlocks(["<b>abcdefgh</b>"], 5)).toEqual(["abcd…"]);
  });
});

describe("replies built from fixed texts", () => {
  const result = (alternatives: number): AnswerResult =>
    ({
      answered: false,
      language: "en",
      alternatives: Array(alternatives).fill({}),
    }) as unknown as AnswerResult;

  it("points at the 'did you mean' buttons only when there are some and they are shown", () => {
    const t = texts("en");
    expect(renderNotAnsweredHtml(result(2), true)).toBe(`${t.notAnswered}\n\n${t.didYouMean}`);
    expect(renderNotAnsweredHtml(result(2), false)).toBe(t.notAnswered);
    expect(renderNotAnsweredHtml(result(0), true)).toBe(t.notAnswered);
  });

  it("lists sources newest first, then by id, with an estimated date marked", () => {
    const source = (id: string, published: string, publishedNote?: string): Source => ({
      id,
      title: `Title ${id}`,
      publisher: `Publisher ${id}`,
      published,
      ...(publishedNote ? { publishedNote } : {}),
      url: `https://example.org/${id}`,
      language: "en",
      retrieved: "2024-06-01",
      text: "",
      file: `${id}.md`,
    });
    const [html] = renderSourcesHtml(
      [
        source("b", "2024-01-02"),
        source("c", "2024-03", "only the month is known"),
        source("a", "2024-01-02"),
      ],
      "en",
    );
    const lines = html?.split("\n").filter((l) => l.startsWith("•")) ?? [];
    expect(lines.map((l) => /Title (\w)/.exec(l)?.[1])).toEqual(["c", "a", "b"]);
    expect(html).toContain(`Publisher c, March 2024 (${texts("en").dateUnverified})`);
    expect(html).not.toContain(`Publisher a, 2 January 2024 (`);
    expect(
      html?.startsWith(
        `<b>${texts("en").sourcesTitle(3)}</b>\n\n• <a href="https://example.org/c">Title c</a>`,
      ),
    ).toBe(true);
  });
});
