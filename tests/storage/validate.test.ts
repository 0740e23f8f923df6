import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createFileStorage } from "../../src/storage/file.js";
import { unansweredRecordSchema } from "../../src/storage/log-records.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { DamagedRecord, Storage } from "../../src/storage/storage.js";
import { readValue, validRecords } from "../../src/storage/validate.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fileStorage() {
  const dir = await mkdtemp(join(tmpdir(), "factline-validate-"));
  dirs.push(dir);
  return { dir, storage: createFileStorage(dir) };
}

const point = z.object({ x: z.number(), y: z.number() });

describe("readValue", () => {
  it("returns a value of the expected shape, and undefined without a report when there is none", async () => {
    const storage = createMemoryStorage();
    const damaged: DamagedRecord[] = [];
    expect(await readValue(storage, "p", point, (d) => damaged.push(d))).toBeUndefined();
    await storage.set("p", { x: 1, y: 2 });
    expect(await readValue(storage, "p", point, (d) => damaged.push(d))).toEqual({ x: 1, y: 2 });
    expect(damaged).toEqual([]);
  });

  it("treats a value of the wrong shape as absent and reports where it is stored and what is wrong", async () => {
    const { dir, storage } = await fileStorage();
    await storage.set("chart:1", { x: 1, y: "two" });
    const damaged: DamagedRecord[] = [];
    expect(await readValue(storage, "chart:1", point, (d) => damaged.push(d))).toBeUndefined();
    expect(damaged).toEqual([
      {
        where: join(dir, "settings", "chart%3A1.json"),
        reason: "not the shape expected (y: Invalid input: expected number, received string)",
      },
    ]);
  });

  it("treats a value that is not JSON as absent too, with the file and how to fix it", async () => {
    const { dir, storage } = await fileStorage();
    await storage.set("p", { x: 1, y: 2 });
    await writeFile(join(dir, "settings", "p.json"), "{ x: 1");
    const damaged: DamagedRecord[] = [];
    expect(await readValue(storage, "p", point, (d) => damaged.push(d))).toBeUndefined();
    expect(damaged).toEqual([
      {
        where: join(dir, "settings", "p.json"),
        reason: expect.stringMatching(/^invalid JSON .*delete the file to fall back to the default$/),
      },
    ]);
  });

  it("passes on a storage that fails (Redis down): that is not damage, and the caller decides", async () => {
    const failing: Storage = {
      ...createMemoryStorage(),
      async get() {
        throw new Error("connection refused");
      },
    };
    await expect(readValue(failing, "p", point)).rejects.toThrow("connection refused");
  });
});

describe("validRecords", () => {
  it("keeps the records of the log's shape and reports each other one with its file:line and why", async () => {
    const { dir, storage } = await fileStorage();
    const good = {
      at: "2026-11-20T10:00:00.000Z",
      question: "q",
      language: "en",
      chatType: "private",
      nearest: [],
    };
    await storage.append("unanswered", good as never);
    await storage.append("unanswered", { ...good, language: "de", nearest: "none" } as never);
    const damaged: DamagedRecord[] = [];
    const records = validRecords(await storage.read("unanswered"), unansweredRecordSchema, (d) =>
      damaged.push(d),
    );
    expect(records).toEqual([good]);
    expect(damaged).toEqual([
      {
        where: `${join(dir, "logs", "unanswered", "2026-11-20.jsonl")}:2`,
        reason: expect.stringMatching(/^not a record of this log \(language: .*; nearest: .*expected array/),
      },
    ]);
  });
});
