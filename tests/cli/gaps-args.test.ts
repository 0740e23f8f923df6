import { describe, expect, it } from "vitest";
import { parseGapsArgs, parseSince } from "../../src/cli/gaps-args.js";

const NOW = new Date("2026-11-23T12:00:00.000Z");

describe("parseSince", () => {
  it("reads durations back from now and dates", () => {
    expect(parseSince("7d", NOW).toISOString()).toBe("2026-11-16T12:00:00.000Z");
    expect(parseSince("24h", NOW).toISOString()).toBe("2026-11-22T12:00:00.000Z");
    expect(parseSince("2w", NOW).toISOString()).toBe("2026-11-09T12:00:00.000Z");
    expect(parseSince("2026-11-01", NOW).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parseSince("2026-11-01T08:30:00Z", NOW).toISOString()).toBe("2026-11-01T08:30:00.000Z");
  });

  it("explains what it expects", () => {
    expect(() => parseSince("last week", NOW)).toThrow(
      '--since: expected a duration like 7d, 24h, 2w or a date like 2026-11-01, got "last week"',
    );
    expect(() => parseSince("2026-13-45", NOW)).toThrow(/--since/);
  });
});

describe("parseGapsArgs", () => {
  it("parses flags, with defaults", () => {
    expect(parseGapsArgs([], NOW)).toEqual({
      json: false,
      feedback: false,
      suggest: false,
      since: undefined,
      sinceText: undefined,
      limit: 30,
      help: false,
    });
    expect(parseGapsArgs(["--json", "--feedback", "--since", "7d", "--limit", "0"], NOW)).toMatchObject({
      json: true,
      feedback: true,
      since: new Date("2026-11-16T12:00:00.000Z"),
      limit: 0,
    });
  });

  it("rejects unknown flags and bad limits", () => {
    expect(() => parseGapsArgs(["--sinse", "7d"], NOW)).toThrow(/sinse/);
    expect(() => parseGapsArgs(["--limit", "ten"], NOW)).toThrow(
      '--limit: expected a whole number, got "ten"',
    );
  });
});
