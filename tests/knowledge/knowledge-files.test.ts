import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { knowledgeFiles } from "../../src/knowledge/files.js";

// Which files a knowledge directory's hash covers: what the loader reads, in a fixed order.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "factline-files-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the files of a knowledge directory", () => {
  it("lists sources, then facts, each sorted, then the optional files at the top that are there", async () => {
    await mkdir(join(dir, "sources"));
    await mkdir(join(dir, "facts"));
    for (const name of ["b.md", "a.MD", "notes.txt", "c.md.bak"])
      await writeFile(join(dir, "sources", name), "");
    for (const name of ["z.yaml", "y.yml", "x.YAML", "readme.md"])
      await writeFile(join(dir, "facts", name), "");
    for (const name of ["lexicon.yaml", "about.yaml", "other.yaml"]) await writeFile(join(dir, name), "");
    expect(await knowledgeFiles(dir)).toEqual([
      join("sources", "a.MD"),
      join("sources", "b.md"),
      join("facts", "x.YAML"),
      join("facts", "y.yml"),
      join("facts", "z.yaml"),
      "about.yaml",
      "lexicon.yaml",
    ]);
    await writeFile(join(dir, "unanswerable.yaml"), "");
    await writeFile(join(dir, "learned-words.json"), "");
    expect((await knowledgeFiles(dir)).slice(-4)).toEqual([
      "about.yaml",
      "unanswerable.yaml",
      "lexicon.yaml",
      "learned-words.json",
    ]);
  });

  it("leaves a missing folder, or a missing directory, for the loader to report", async () => {
    await mkdir(join(dir, "facts"));
    await writeFile(join(dir, "facts", "a.yaml"), "");
    expect(await knowledgeFiles(dir)).toEqual([join("facts", "a.yaml")]);
    expect(await knowledgeFiles(join(dir, "missing"))).toEqual([]);
  });
});
