import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { UnansweredRecord } from "../../src/storage/log-records.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { record } from "./records.js";

describe("memory storage", () => {
  it("reads many records appended in any order oldest first, and equal times in the order they came", async () => {
    const storage = createMemoryStorage();
    // 100 records, their minutes in a scrambled order (37 is prime to 100), each minute twice.
    const minutes = Array.from({ length: 100 }, (_, i) => (i * 37) % 50);
    for (const [i, m] of minutes.entries()) {
      await storage.append(
        "unanswered",
        record(`2026-11-20T10:${String(m).padStart(2, "0")}:00.000Z`, `q${i}`),
      );
    }
    const read = await storage.read("unanswered");
    const expected = minutes
      .map((m, i) => ({ m, q: `q${i}` }))
      .sort((a, b) => a.m - b.m)
      .map(({ q }) => q);
    expect(read.map((r) => (r.record as UnansweredRecord).question)).toEqual(expected);
  });
});

describe("openStorage without a logger", () => {
  it("skips a damaged log record without failing the read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-open-"));
    try {
      await mkdir(join(dir, "logs", "unanswered"), { recursive: true });
      await writeFile(join(dir, "logs", "unanswered", "2026-11-20.jsonl"), "{oops\n");
      const storage = await openStorage({ dataDir: dir });
      expect(await storage.read("unanswered")).toEqual([]);
      await storage.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
