import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/answer/types.js";
import { buildInWorker } from "../../src/reload/build-thread.js";
import { fromPacked } from "../../src/reload/packed-build.js";
import { createKnowledgeReloader } from "../../src/reload/reloader.js";
import { recordingLogger } from "./fakes.js";

// The bot's reload as main.ts sets it up: built in a worker thread, through the index cache.
const KNOWLEDGE = resolve(import.meta.dirname, "../../knowledge");
const QUESTION = "Which agency launched the I Want to Live hotline?";

let root: string;
let dir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "factline-worker-"));
  dir = join(root, "knowledge");
  await cp(KNOWLEDGE, dir, { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("a reload built in a worker", () => {
  it("answers with the old engine while the new one is built, then swaps", async () => {
    const events: string[] = [];
    let serving: Engine | undefined;
    const reloader = createKnowledgeReloader({
      dir,
      // The default build without the cache, and with a word when the worker starts building the engine.
      build: async (from) => {
        const built = await buildInWorker(
          { dir: from },
          {
            onValidated: () => {
              if (!serving) return; // the first load: nothing is served yet
              events.push("validated");
              // Asked once the worker is building: answered before it is done, by the engine serving.
              setImmediate(() => {
                const old = reloader.current();
                events.push(old.ask(QUESTION).answered ? "answered" : "not answered");
                events.push(old === serving ? "by the old engine" : "by another engine");
              });
            },
          },
        );
        events.push("built");
        return fromPacked(built);
      },
    });
    expect((await reloader.reload()).ok).toBe(true);
    serving = reloader.current();
    events.length = 0;

    const result = await reloader.reload();
    events.push("swapped");
    expect(result.ok).toBe(true);
    expect(events).toEqual(["validated", "answered", "by the old engine", "built", "swapped"]);
    expect(reloader.current()).not.toBe(serving);
    expect(reloader.current().ask(QUESTION)).toEqual(serving?.ask(QUESTION));
  }, 60_000);

  it("keeps the old engine when the new knowledge fails, and logs each error with file:line", async () => {
    const cacheDir = join(root, "cache");
    const { logger, lines } = recordingLogger();
    const reloader = createKnowledgeReloader({ dir, cacheDir, logger });
    expect(await reloader.reload({ trigger: "start" })).toMatchObject({ ok: true });
    const serving = reloader.current();
    const cached = await readdir(cacheDir);
    expect(cached).toHaveLength(1);

    const file = join(dir, "facts", "hotline.yaml");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("- id: hotline-overview", "- id: [hotline-overview"));
    const failed = await reloader.reload({ trigger: "test" });
    expect(failed).toMatchObject({ ok: false, facts: serving.knowledge.factIds.length });
    expect(reloader.current()).toBe(serving);
    expect(reloader.current().ask(QUESTION).answered).toBe(true);
    const errors = lines.filter((l) => l.level === "error").map((l) => l.msg);
    expect(
      errors.some((m) =>
        /^knowledge\/facts\/hotline\.yaml:\d+: yaml-syntax: |facts\/hotline\.yaml:\d+: /.test(m),
      ),
    ).toBe(true);
    expect(errors.at(-1)).toMatch(/^Reload failed: \d+ errors?\. Still serving the previous \d+ facts\./);
    // Nothing of the broken knowledge was cached.
    expect(await readdir(cacheDir)).toEqual(cached);

    // Restored: the cached index is found again, nothing is built.
    await writeFile(file, original);
    const restored = await reloader.reload({ trigger: "test" });
    expect(restored).toMatchObject({ ok: true, diff: { added: [], removed: [], changed: [] } });
    expect(lines.at(-1)?.obj).toMatchObject({ cached: true });
  }, 60_000);
});
