import { cp, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedBuild } from "../../src/reload/cached-build.js";
import { knowledgeKey } from "../../src/reload/index-cache.js";
import { recordingLogger } from "./fakes.js";

const FIXTURE = join(import.meta.dirname, "../fixtures/valid");
const QUESTION = "How many calls did the demo hotline get?";
const FACTS = "facts/calls.yaml";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "factline-cache-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

let copies = 0;
async function copy(): Promise<string> {
  const dir = join(root, `knowledge-${++copies}`);
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

const edit = async (dir: string, file: string, change: (text: string) => string) => {
  const { readFile } = await import("node:fs/promises");
  await writeFile(join(dir, file), change(await readFile(join(dir, file), "utf8")));
};

describe("the index cache key", () => {
  it("changes when any file the loader reads changes, appears or goes, and only then", async () => {
    const dir = await copy();
    const key = await knowledgeKey(dir);
    expect(await knowledgeKey(dir)).toBe(key);

    // Not read by the loader: no change.
    await writeFile(join(dir, "README.md"), "notes");
    await writeFile(join(dir, "facts", "notes.txt"), "notes");
    await utimes(join(dir, FACTS), new Date(), new Date(2000, 0, 1));
    expect(await knowledgeKey(dir)).toBe(key);

    const changes: [string, () => Promise<unknown>][] = [
      ["a fact file", () => edit(dir, FACTS, (t) => `${t}\n# a comment\n`)],
      ["a source", () => edit(dir, "sources/demo-2024-01-01.md", (t) => `${t} More text.`)],
      ["a new fact file", () => writeFile(join(dir, "facts", "more.yaml"), "[]\n")],
      ["about.yaml", () => writeFile(join(dir, "about.yaml"), "en: {}\n")],
      ["unanswerable.yaml", () => writeFile(join(dir, "unanswerable.yaml"), "en: [x]\n")],
      ["lexicon.yaml", () => writeFile(join(dir, "lexicon.yaml"), "en: {}\n")],
      ["lexicon.yaml again", () => writeFile(join(dir, "lexicon.yaml"), "en: { stop_words: [x] }\n")],
      ["a removed file", () => rm(join(dir, "facts", "more.yaml"))],
    ];
    const seen = new Set([key]);
    for (const [what, change] of changes) {
      await change();
      const next = await knowledgeKey(dir);
      expect(seen.has(next), what).toBe(false);
      seen.add(next);
    }
  });

  it("is another for another directory with the same files", async () => {
    expect(await knowledgeKey(await copy())).not.toBe(await knowledgeKey(await copy()));
  });
});

describe("building through the index cache", () => {
  it("reads an unchanged knowledge from the cache, builds a changed one, and answers each as it is", async () => {
    const dir = await copy();
    const cacheDir = join(root, "cache-1");
    const build = cachedBuild({ cacheDir, inWorker: false });

    const first = await build(dir);
    expect(first.cached).toBeUndefined();
    expect(await readdir(cacheDir)).toHaveLength(1);
    const again = await build(dir);
    expect(again.cached).toBe(true);
    expect(again.engine?.ask(QUESTION)).toEqual(first.engine?.ask(QUESTION));
    expect(again.digest?.factIds).toEqual(["demo-calls"]);

    await edit(dir, FACTS, (t) => t.replace("more than 100 calls in its first week", "more than 100 calls"));
    const changed = await build(dir);
    expect(changed.cached).toBeUndefined();
    expect(changed.engine?.ask(QUESTION).answer).not.toMatch(/first week/);
    expect(first.engine?.ask(QUESTION).answer).toMatch(/first week/);
    expect(await readdir(cacheDir)).toHaveLength(2);
    expect((await build(dir)).cached).toBe(true);
  });

  it("never stores invalid knowledge, and reports its errors with file and line", async () => {
    const dir = await copy();
    const cacheDir = join(root, "cache-2");
    await edit(dir, FACTS, (t) => t.replace("quote: ", "quote: [unclosed "));
    const broken = await cachedBuild({ cacheDir, inWorker: false })(dir);
    expect(broken.engine).toBeUndefined();
    expect(broken.problems).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/calls\.yaml$/), line: 5, rule: "yaml-syntax" }),
    );
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
  });

  it("builds again over a damaged cache file, and says so", async () => {
    const dir = await copy();
    const cacheDir = join(root, "cache-3");
    const { logger, lines } = recordingLogger();
    const build = cachedBuild({ cacheDir, inWorker: false, logger });
    await build(dir);
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file as string), "not an index");
    const rebuilt = await build(dir);
    expect(rebuilt.cached).toBeUndefined();
    expect(rebuilt.engine?.ask(QUESTION).answered).toBe(true);
    expect(lines.map((l) => l.msg)).toContain("index cache unreadable: building the index");
    expect((await build(dir)).cached).toBe(true);
  });

  it("keeps the newest few files only", async () => {
    const dir = await copy();
    const cacheDir = join(root, "cache-4");
    const build = cachedBuild({ cacheDir, inWorker: false });
    for (let i = 0; i < 5; i++) {
      await edit(dir, FACTS, (t) => `${t}\n# version ${i}\n`);
      await build(dir);
    }
    expect((await readdir(cacheDir)).filter((n) => n.endsWith(".index"))).toHaveLength(3);
  });
});
