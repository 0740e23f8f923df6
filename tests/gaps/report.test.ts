import { describe, expect, it } from "vitest";
import { parseSince } from "../../src/cli/gaps-args.js";
import { type GapsArgs, gapsReport } from "../../src/gaps/report.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { DamagedRecord } from "../../src/storage/storage.js";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const args = (over: Partial<GapsArgs> = {}): GapsArgs => ({
  json: false,
  feedback: false,
  suggest: false,
  limit: 30,
  help: false,
  ...over,
});

describe("gapsReport", () => {
  async function seeded() {
    const storage = createMemoryStorage();
    const ask = (at: string, question: string, language: "en" | "ru" | "uk", score = 0.3) =>
      storage.append("unanswered", {
        at,
        question,
        language,
        chatType: "group",
        nearest: [{ factId: "kuzminov-reward", score }],
      });
    await ask("2026-11-01T10:00:00.000Z", "old question about bonuses", "en");
    await ask("2026-11-20T10:00:00.000Z", "how much do pilots get paid", "en", 0.4);
    await ask("2026-11-21T10:00:00.000Z", "How much do pilots get paid?", "en", 0.2);
    await ask("2026-11-21T11:00:00.000Z", "how much do pilots get", "en", 0.3);
    await ask("2026-11-22T10:00:00.000Z", "погода в Києві", "uk");
    await storage.append("feedback", {
      at: "2026-11-22T10:00:00.000Z",
      factId: "kuzminov-reward",
      vote: "down",
      language: "en",
      chatType: "private",
      question: "pilot salary",
      voter: "abc",
    });
    return storage;
  }
  const factLabel = (id: string) => (id === "kuzminov-reward" ? "How much did Kuzminov get?" : undefined);

  it("prints clusters largest first with counts, languages and the nearest fact", async () => {
    const storage = await seeded();
    const text = await gapsReport({
      storage,
      args: args({ since: parseSince("7d", NOW), sinceText: "7d" }),
      factLabel,
      where: "files under ./data",
    });
    expect(text.split("\n").slice(0, 7)).toEqual([
      "Unanswered questions since 2026-11-16 12:00 UTC (last 7d) (files under ./data): 4 questions in 2 clusters, largest first.",
      "",
      '1. 3 × "how much do pilots get paid"  (en 3; last 2026-11-21)',
      '   also: "how much do pilots get"',
      '   nearest fact: kuzminov-reward (score 0.30, in 3 of 3) "How much did Kuzminov get?"',
      '2. 1 × "погода в Києві"  (uk 1; last 2026-11-22)',
      '   nearest fact: kuzminov-reward (score 0.30, in 1 of 1) "How much did Kuzminov get?"',
    ]);
    expect(text).not.toContain("old question");
  });

  it("limits the clusters printed and says how to see all", async () => {
    const text = await gapsReport({ storage: await seeded(), args: args({ limit: 1 }), where: "memory" });
    expect(text).toContain("… 2 more clusters (--limit 0 shows all)");
    expect(text).toContain("in the whole log");
  });

  it("gives every cluster as JSON for tools", async () => {
    const json = JSON.parse(
      await gapsReport({ storage: await seeded(), args: args({ json: true }), where: "m" }),
    );
    expect(json.total).toBe(5);
    expect(json.since).toBeNull();
    expect(json.clusters[0]).toMatchObject({
      label: "how much do pilots get paid",
      count: 3,
      languages: { en: 3 },
      chatTypes: { group: 3 },
      nearest: { factId: "kuzminov-reward", score: 0.3, seen: 3 },
    });
  });

  it("with --suggest, turns a miss close to a fact into a YAML snippet for it, and an unrelated one into 'new fact'", async () => {
    const storage = createMemoryStorage();
    const ask = (question: string, language: "en" | "uk", nearest: { factId: string; score: number }[]) =>
      storage.append("unanswered", {
        at: "2026-11-21T10:00:00.000Z",
        question,
        language,
        chatType: "private",
        nearest,
      });
    await ask("how much was the pilot paid", "en", [{ factId: "kuzminov-reward", score: 0.45 }]);
    await ask("how much was the pilot paid?", "en", [{ factId: "kuzminov-reward", score: 0.5 }]);
    await ask("погода в Києві", "uk", [{ factId: "kuzminov-reward", score: 0.05 }]);
    const locate = (id: string) =>
      id === "kuzminov-reward" ? { file: "knowledge/facts/rewards.yaml", line: 42 } : undefined;
    const text = await gapsReport({ storage, args: args({ suggest: true }), locate, where: "m" });
    expect(text).toContain(
      "   suggest: if kuzminov-reward answers these, add them to its en questions at knowledge/facts/rewards.yaml:42:",
    );
    expect(text).toContain('           - "how much was the pilot paid"');
    expect(text).toContain(
      "suggest: no fact is close (the nearest fact (kuzminov-reward, score 0.05) is about something else)",
    );
    const json = JSON.parse(
      await gapsReport({ storage, args: args({ suggest: true, json: true }), locate, where: "m" }),
    );
    expect(json.clusters[0].suggestion).toMatchObject({
      kind: "add-questions",
      factId: "kuzminov-reward",
      line: 42,
    });
    expect(json.clusters[1].suggestion).toMatchObject({ kind: "new-fact" });
  });

  it("prints 👍/👎 per fact with --feedback", async () => {
    const storage = await seeded();
    const text = await gapsReport({ storage, args: args({ feedback: true }), factLabel, where: "memory" });
    expect(text).toContain("Feedback in the whole log (memory): 1 vote on 1 fact, most 👎 first.");
    expect(text).toMatch(/kuzminov-reward\s+0\s+1 {2}"How much did Kuzminov get\?"/);
    expect(text).toContain('👎 after: "pilot salary"');
    const json = JSON.parse(
      await gapsReport({ storage, args: args({ feedback: true, json: true }), where: "m" }),
    );
    expect(json.facts).toEqual([expect.objectContaining({ factId: "kuzminov-reward", up: 0, down: 1 })]);
  });

  it("leaves out records of the wrong shape and reports each with where it is and why", async () => {
    const storage = await seeded();
    await storage.append("unanswered", { at: "2026-11-22T11:00:00.000Z", question: 7 } as never);
    await storage.append("feedback", { at: "2026-11-22T11:00:00.000Z", factId: "x", vote: "meh" } as never);
    const damaged: DamagedRecord[] = [];
    const onDamaged = (d: DamagedRecord) => damaged.push(d);
    const text = await gapsReport({ storage, args: args(), where: "memory", onDamaged });
    expect(text).toContain("5 questions in 3 clusters");
    const votes = await gapsReport({ storage, args: args({ feedback: true }), where: "memory", onDamaged });
    expect(votes).toContain("1 vote on 1 fact");
    expect(damaged).toEqual([
      {
        where: "memory log unanswered #6",
        reason: expect.stringMatching(/^not a record of this log \(question: /),
      },
      {
        where: "memory log feedback #2",
        reason: expect.stringMatching(/^not a record of this log \(vote: /),
      },
    ]);
  });

  it("says so when there is nothing to show", async () => {
    const storage = createMemoryStorage();
    expect(await gapsReport({ storage, args: args(), where: "memory" })).toBe(
      "No unanswered questions in the whole log (memory).",
    );
    expect(await gapsReport({ storage, args: args({ feedback: true }), where: "memory" })).toBe(
      "No feedback in the whole log (memory).",
    );
  });
});
