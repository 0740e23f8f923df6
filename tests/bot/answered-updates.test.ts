import { describe, expect, it } from "vitest";
import { storedAnsweredUpdates } from "../../src/bot/answered-updates.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { DamagedRecord } from "../../src/storage/storage.js";

const KEY = "polling:answered-past-offset";
const now = () => new Date("2026-11-23T12:00:00.000Z");

describe("storedAnsweredUpdates", () => {
  it("keeps the ids answered past the offset across a restart, for a day at most", async () => {
    const storage = createMemoryStorage();
    await storedAnsweredUpdates(storage, { now }).save([7, 8]);
    expect(await storedAnsweredUpdates(storage, { now }).load()).toEqual([7, 8]);
    const dayLater = () => new Date("2026-11-24T12:00:01.000Z");
    expect(await storedAnsweredUpdates(storage, { now: dayLater }).load()).toEqual([]);
  });

  it("ignores a stored list of the wrong shape, and says where it is and why", async () => {
    const storage = createMemoryStorage();
    await storage.set(KEY, { at: "yesterday", ids: ["7"] });
    const damaged: DamagedRecord[] = [];
    const answered = storedAnsweredUpdates(storage, { now, report: (d) => damaged.push(d) });
    expect(await answered.load()).toEqual([]);
    expect(damaged).toEqual([
      {
        where: `memory key ${KEY}`,
        reason: expect.stringMatching(/^not the shape expected \(at: .*; ids\.0: /),
      },
    ]);
  });
});
