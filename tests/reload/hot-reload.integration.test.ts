import { EventEmitter } from "node:events";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeReloader, type KnowledgeReloader } from "../../src/reload/reloader.js";
import { startReloadTriggers } from "../../src/reload/triggers.js";
import { recordingLogger, waitFor } from "./fakes.js";

// The real loader and engine over a copy of the project's knowledge: what a maintainer does with the bot running.
const KNOWLEDGE = resolve(import.meta.dirname, "../../knowledge");

const NEW_SOURCE = `---
id: test-gazette-2026-11-01
title: "Lighthouse keepers of the test coast"
publisher: The Test Gazette
published: 2026-11-01
url: https://example.org/test-gazette/lighthouse-keepers
language: en
retrieved: 2026-11-23
---

Lighthouse keepers of the test coast

The coastal authority said on Sunday that exactly 17 lighthouse keepers still work on the test coast.
`;

const NEW_FACTS = `- id: test-lighthouse-keepers
  source: test-gazette-2026-11-01
  quote: "exactly 17 lighthouse keepers still work on the test coast"
  as_of: 2026-11
  attributed_to: "the coastal authority, via The Test Gazette"
  questions:
    en:
      - How many lighthouse keepers work on the test coast?
      - lighthouse keepers test coast
    ru:
      - Сколько смотрителей маяков работает на тестовом побережье?
    uk:
      - Скільки доглядачів маяків працює на тестовому узбережжі?
  answer:
    en: "According to the coastal authority (The Test Gazette, 1 November 2026), 17 lighthouse keepers still work on the test coast."
    ru: "По данным береговой службы (The Test Gazette, 1 ноября 2026 года), на тестовом побережье работают 17 смотрителей маяков."
    uk: "За даними берегової служби (The Test Gazette, 1 листопада 2026 року), на тестовому узбережжі працюють 17 доглядачів маяків."
`;

const QUESTION = "How many lighthouse keepers work on the test coast?";

// Each reload loads, validates and builds in a worker thread: seconds on a loaded machine, so the tests wait on
// conditions with room to spare rather than on the default 5 s.
describe("hot reload of the real knowledge", { timeout: 60_000 }, () => {
  let root: string;
  let dir: string;
  let reloader: KnowledgeReloader;
  let stopWatching = async () => {};
  const { logger, lines } = recordingLogger();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "factline-hot-"));
    dir = join(root, "knowledge");
    await cp(KNOWLEDGE, dir, { recursive: true });
    reloader = createKnowledgeReloader({ dir, logger });
    const first = await reloader.reload({ trigger: "start" });
    expect(first.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(first.ok).toBe(true);
    // The real file watcher (chokidar), as main.ts starts it.
    const signals = new EventEmitter() as unknown as NodeJS.Process;
    stopWatching = await startReloadTriggers({
      reloader,
      dir,
      watch: true,
      debounceMs: 100,
      signals,
      logger,
    });
  });
  afterAll(async () => {
    await stopWatching();
    await rm(root, { recursive: true, force: true });
  });

  it("makes a new source and fact answerable within seconds, without a restart", async () => {
    const before = reloader.current();
    expect(before.ask(QUESTION).factId).not.toBe("test-lighthouse-keepers");

    await writeFile(join(dir, "sources", "test-gazette-2026-11-01.md"), NEW_SOURCE);
    await writeFile(join(dir, "facts", "test-lighthouse.yaml"), NEW_FACTS);

    await waitFor(() => expect(reloader.current().ask(QUESTION)).toMatchObject({ answered: true }), 5000);
    const result = reloader.current().ask(QUESTION);
    expect(result.factId).toBe("test-lighthouse-keepers");
    expect(result.citation?.sourceId).toBe("test-gazette-2026-11-01");
    expect(lines.at(-1)).toMatchObject({
      level: "info",
      msg: expect.stringMatching(/^Knowledge reloaded/),
      obj: { added: 1, diff: { added: ["test-lighthouse-keepers"] } },
    });
    // The engine taken before the reload is untouched.
    expect(before.ask(QUESTION).answered).toBe(false);
  });

  it("keeps the old answers when a broken file is saved, and logs the error with its file and line", async () => {
    const serving = reloader.current();
    const errorsBefore = lines.filter((l) => l.level === "error").length;
    await writeFile(join(dir, "facts", "broken.yaml"), "- id: broken-fact\n  source: [unclosed\n");

    await waitFor(() =>
      expect(lines.filter((l) => l.level === "error").length).toBeGreaterThan(errorsBefore),
    );
    expect(reloader.current()).toBe(serving);
    expect(reloader.current().ask(QUESTION).factId).toBe("test-lighthouse-keepers");
    const logged = lines.filter((l) => l.level === "error").map((l) => l.msg);
    expect(logged.some((m) => /broken\.yaml:\d+: yaml-syntax: /.test(m))).toBe(true);

    // Fixing (here: removing) the file recovers without a restart.
    await rm(join(dir, "facts", "broken.yaml"));
    await waitFor(() => expect(lines.at(-1)?.msg).toMatch(/^Knowledge reloaded/));
  });

  it("reads questions with a changed lexicon.yaml, and keeps the old one while it is broken", async () => {
    const lexiconFile = join(dir, "lexicon.yaml");
    const original = await readFile(lexiconFile, "utf8");
    const withRule = (pattern: string) =>
      original.replace(
        "  out_of_scope:\n",
        `  out_of_scope:\n    - pattern: '${pattern}'\n      reason: a test\n`,
      );
    expect(withRule("x")).not.toBe(original);
    const serving = reloader.current();
    expect(serving.ask(QUESTION).factId).toBe("test-lighthouse-keepers");

    const errorsBefore = lines.filter((l) => l.level === "error").length;
    await writeFile(lexiconFile, withRule("(lighthouse"));
    await waitFor(() =>
      expect(lines.filter((l) => l.level === "error").length).toBeGreaterThan(errorsBefore),
    );
    expect(lines.some((l) => /lexicon\.yaml:\d+: invalid-pattern: /.test(l.msg))).toBe(true);
    expect(reloader.current()).toBe(serving);

    // A new out-of-scope rule: the same question, the same facts, no longer answered.
    await writeFile(lexiconFile, withRule("\\blighthouse\\b"));
    await waitFor(() => expect(reloader.current().ask(QUESTION).answered).toBe(false), 20_000);
    expect(lines.at(-1)).toMatchObject({ level: "info", obj: { lexiconChanged: true } });

    await writeFile(lexiconFile, original);
    await waitFor(() => expect(reloader.current().ask(QUESTION).answered).toBe(true), 20_000);
  });

  it("refuses a set that drops more than RELOAD_MAX_DROP of the facts unless forced", async () => {
    await stopWatching(); // driven by hand from here, so the watcher does not race the assertions
    const total = reloader.current().knowledge.factIds.length;
    // Other facts reference most facts (related:), so removing the test fact is the clean removal; a zero
    // allowance makes even that one fact too many.
    const strict = createKnowledgeReloader({ dir, maxDrop: 0 });
    expect(await strict.reload()).toMatchObject({ ok: true, facts: total });
    const serving = strict.current();
    await rm(join(dir, "facts", "test-lighthouse.yaml"));
    const refused = await strict.reload({ trigger: "test" });
    expect(refused.refused).toMatchObject({ removed: 1, before: total, maxDrop: 0 });
    expect(refused.diff.removed).toEqual(["test-lighthouse-keepers"]);
    expect(strict.current()).toBe(serving);
    const forced = await strict.reload({ force: true });
    expect(forced).toMatchObject({ ok: true, facts: total - 1 });
    expect(strict.current().ask(QUESTION).answered).toBe(false);
  });
});
