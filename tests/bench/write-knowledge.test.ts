import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticKnowledge } from "../../src/bench/synthetic-knowledge.js";
import { writeKnowledge } from "../../src/bench/write-knowledge.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Fact } from "../../src/knowledge/types.js";

const REAL = join(import.meta.dirname, "../../knowledge");

describe("the benchmark's synthetic knowledge on disk", () => {
  it("loads and validates as the same facts the benchmark times in memory", async () => {
    const { knowledge: real } = await loadKnowledge(REAL);
    if (!real) throw new Error("the knowledge does not validate");
    const synthetic = syntheticKnowledge(real, 1200);
    const dir = await mkdtemp(join(tmpdir(), "factline-synthetic-"));
    try {
      await writeKnowledge(synthetic, REAL, dir);
      const loaded = await loadKnowledge(dir);
      expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
      const content = ({ file: _file, line: _line, ...rest }: Fact) => rest;
      expect(loaded.knowledge?.facts.map(content)).toEqual(synthetic.facts.map(content));
      expect(loaded.knowledge?.lexicon).toEqual(real.lexicon);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
