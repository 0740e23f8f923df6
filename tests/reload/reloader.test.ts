import { describe, expect, it, vi } from "vitest";
import type { LoadResult } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/types.js";
import { describeReload } from "../../src/reload/messages.js";
import { createKnowledgeReloader } from "../../src/reload/reloader.js";
import { lexiconLanguage } from "../answer/builders.js";
import { error, fakeBuild, ids, initialOf, knowledge, ok, recordingLogger, served } from "./fakes.js";

/** A reloader whose loader returns whatever the test queued, in order. */
function setup(results: (LoadResult | Error)[], options: { initial?: Knowledge; maxDrop?: number } = {}) {
  const queue = [...results];
  const load = vi.fn(async () => {
    const next = queue.shift();
    if (next === undefined) throw new Error("test loaded more often than expected");
    if (next instanceof Error) throw next;
    return next;
  });
  const { logger, lines } = recordingLogger();
  const onSwap = vi.fn();
  const reloader = createKnowledgeReloader({
    dir: "knowledge",
    build: fakeBuild(load),
    logger,
    onSwap,
    initial: options.initial && initialOf(options.initial),
    maxDrop: options.maxDrop,
  });
  return { reloader, load, lines, onSwap, push: (r: LoadResult) => queue.push(r) };
}

describe("createKnowledgeReloader", () => {
  it("serves nothing until the first good load, then reports every fact as added", async () => {
    const k = knowledge(ids(3));
    const { reloader, onSwap } = setup([ok(k)]);
    expect(() => reloader.current()).toThrow(/no knowledge loaded yet from knowledge/);
    const result = await reloader.reload();
    expect(result).toMatchObject({ ok: true, facts: 3, previousFacts: 0 });
    expect(result.diff).toEqual({ added: ["fact-0", "fact-1", "fact-2"], removed: [], changed: [] });
    expect(served(reloader.current())).toBe(k);
    expect(onSwap).toHaveBeenCalledWith(reloader.current(), result);
  });

  it("keeps the last good index when the new set has an error, and logs each error with file:line", async () => {
    const good = knowledge(ids(5));
    const problems = [error("knowledge/facts/x.yaml", 12), error("knowledge/facts/y.yaml", 3, "yaml-syntax")];
    const { reloader, lines, onSwap } = setup([{ problems }], { initial: good });
    const before = reloader.current();
    const result = await reloader.reload({ trigger: "test" });
    expect(result).toMatchObject({ ok: false, problems, facts: 5, previousFacts: 5 });
    expect(result.diff).toEqual({ added: [], removed: [], changed: [] });
    expect(reloader.current()).toBe(before);
    expect(onSwap).not.toHaveBeenCalled();
    const errors = lines.filter((l) => l.level === "error").map((l) => l.msg);
    expect(errors[0]).toBe(
      "knowledge/facts/x.yaml:12: quote-not-found: quote not found in source src-a (copy the words exactly)",
    );
    expect(errors[1]).toMatch(/^knowledge\/facts\/y\.yaml:3: yaml-syntax: /);
    expect(errors[2]).toMatch(/^Reload failed: 2 errors\. Still serving the previous 5 facts\./);
  });

  it("refuses a set that removes more than maxDrop of the facts unless forced", async () => {
    const before = knowledge(ids(10));
    const smaller = knowledge(ids(7));
    const { reloader, lines } = setup([ok(smaller), ok(smaller)], { initial: before });
    const refused = await reloader.reload();
    expect(refused.ok).toBe(false);
    expect(refused.refused).toEqual({ removed: 3, before: 10, share: 0.3, maxDrop: 0.2 });
    expect(refused.diff.removed).toEqual(["fact-7", "fact-8", "fact-9"]);
    expect(served(reloader.current())).toBe(before);
    expect(lines.at(-1)).toMatchObject({ level: "warn" });
    expect(lines.at(-1)?.msg).toMatch(
      /removes 3 of 10 facts \(30%\), more than the allowed 20%.*\/reload force/s,
    );

    const forced = await reloader.reload({ force: true });
    expect(forced).toMatchObject({ ok: true, facts: 7, previousFacts: 10 });
    expect(served(reloader.current())).toBe(smaller);
  });

  it("allows removing exactly maxDrop, and counts renamed ids as removed", async () => {
    const { reloader } = setup([ok(knowledge(ids(8))), ok(knowledge([...ids(6), ...ids(4, "renamed")]))], {
      initial: knowledge(ids(10)),
    });
    expect((await reloader.reload()).ok).toBe(true);
    const renamed = await reloader.reload();
    expect(renamed.refused).toMatchObject({ removed: 2, before: 8, share: 0.25 });
  });

  it("honours a configured maxDrop and rejects a nonsensical one", async () => {
    const { reloader } = setup([ok(knowledge(ids(5)))], { initial: knowledge(ids(10)), maxDrop: 0.5 });
    expect((await reloader.reload()).ok).toBe(true);
    expect(() => createKnowledgeReloader({ dir: "k", maxDrop: 20 })).toThrow(
      /RELOAD_MAX_DROP must be a share/,
    );
  });

  it("keeps the old index when the loader or the engine throws", async () => {
    const good = knowledge(ids(2));
    const { reloader } = setup([new Error("boom")], { initial: good });
    const crashed = await reloader.reload();
    expect(crashed.ok).toBe(false);
    expect(crashed.problems).toEqual([expect.objectContaining({ rule: "load-crashed", message: "boom" })]);
    expect(served(reloader.current())).toBe(good);

    const failing = createKnowledgeReloader({
      dir: "knowledge",
      build: fakeBuild(
        async () => ok(knowledge(ids(3))),
        () => {
          throw new Error("index build failed");
        },
      ),
      initial: initialOf(good),
    });
    const result = await failing.reload();
    expect(result.problems).toEqual([expect.objectContaining({ rule: "engine-failed" })]);
    expect(served(failing.current())).toBe(good);
  });

  it("swaps atomically: while a reload is loading, questions keep getting the old engine", async () => {
    const old = knowledge(ids(3));
    const next = knowledge(ids(4));
    let release: (r: LoadResult) => void = () => {};
    const reloader = createKnowledgeReloader({
      dir: "knowledge",
      build: fakeBuild(() => new Promise<LoadResult>((resolve) => (release = resolve))),
      initial: initialOf(old),
    });
    const inFlight = reloader.current();
    const pending = reloader.reload();
    await new Promise((r) => setTimeout(r, 10));
    expect(served(reloader.current())).toBe(old);
    release(ok(next));
    await pending;
    expect(served(reloader.current())).toBe(next);
    // A question that took its engine before the swap still holds the old one.
    expect(served(inFlight)).toBe(old);
  });

  it("runs concurrent reloads one after another, in the order asked", async () => {
    const order: string[] = [];
    let call = 0;
    const reloader = createKnowledgeReloader({
      dir: "knowledge",
      build: fakeBuild(async () => {
        const n = ++call;
        order.push(`start ${n}`);
        await new Promise((r) => setTimeout(r, n === 1 ? 30 : 1));
        order.push(`end ${n}`);
        return ok(knowledge(ids(n)));
      }),
    });
    const [first, second] = await Promise.all([reloader.reload(), reloader.reload({ force: true })]);
    expect(order).toEqual(["start 1", "end 1", "start 2", "end 2"]);
    expect(first.facts).toBe(1);
    expect(second).toMatchObject({ facts: 2, previousFacts: 1, diff: { added: ["fact-1"] } });
  });

  it("rebuilds on a lexicon change alone, and says so", async () => {
    const first = knowledge(ids(2));
    const lexicon = (synonyms: string[][]) => ({
      en: lexiconLanguage({ synonyms }),
      ru: lexiconLanguage(),
      uk: lexiconLanguage(),
    });
    const withGroup = { ...knowledge(ids(2)), lexicon: lexicon([["call", "ring"]]) };
    const sameAgain = { ...knowledge(ids(2)), lexicon: lexicon([["call", "ring"]]) };
    const { reloader, lines } = setup([ok(withGroup), ok(sameAgain), ok(knowledge(ids(2)))], {
      initial: first,
    });
    const added = await reloader.reload();
    expect(added).toMatchObject({ ok: true, lexiconChanged: true, diff: { added: [], changed: [] } });
    expect(served(reloader.current())).toBe(withGroup);
    // The log has the headline and says the lexicon changed; the reply to /reload says it in words.
    expect(lines.at(-1)?.obj).toMatchObject({ lexiconChanged: true });
    expect(describeReload(added)).toMatch(/no fact changed\nlexicon\.yaml changed/);
    const unchanged = await reloader.reload();
    expect(unchanged.lexiconChanged).toBeUndefined();
    expect(served(reloader.current())).toBe(sameAgain);
    // Removing the file is a change too: back to plain matching.
    expect((await reloader.reload()).lexiconChanged).toBe(true);
  });

  it("logs warnings of a good set but still applies it", async () => {
    const warning = { ...error("knowledge/sources/s.md", 2, "unused-source"), severity: "warning" as const };
    const { reloader, lines } = setup([ok(knowledge(ids(1)), [warning])]);
    const result = await reloader.reload();
    expect(result.ok).toBe(true);
    expect(lines.map((l) => `${l.level} ${l.msg.split("\n")[0]}`)).toEqual([
      "warn knowledge/sources/s.md:2: warning unused-source: quote not found in source src-a (copy the words exactly)",
      "info Knowledge loaded: 1 fact from 1 source.",
    ]);
  });

  it("logs the first load as one short line of counts, a reload as its headline with the diff once", async () => {
    const { reloader, lines } = setup([ok(knowledge(ids(3))), ok(knowledge(ids(4)))]);
    await reloader.reload({ trigger: "start" });
    await reloader.reload({ trigger: "watch" });
    expect(lines).toHaveLength(2);
    const [start, reload] = lines.map((l) => l.obj);
    expect(start).toMatchObject({ msg: "Knowledge loaded: 3 facts from 1 source.", facts: 3, sources: 1 });
    expect(JSON.stringify(start)).not.toContain("fact-0");
    expect(reload).toMatchObject({
      msg: "Knowledge reloaded: 4 facts (was 3).",
      added: 1,
      diff: { added: ["fact-3"] },
    });
    expect(JSON.stringify(reload).match(/fact-3/g)).toHaveLength(1);
  });
});
