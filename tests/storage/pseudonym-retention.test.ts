import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { createOutageReporter } from "../../src/storage/outage-reporter.js";
import { hashWithSalt, pseudonymize } from "../../src/storage/pseudonym.js";
import { pruneExpired, scheduleRetention } from "../../src/storage/retention.js";
import { DamagedValueError, type Storage } from "../../src/storage/storage.js";

afterEach(() => {
  vi.useRealTimers();
});

const SALT_KEY = "privacy:salt";

function warnings() {
  const seen: { obj: object; msg: string }[] = [];
  return { seen, warn: (obj: object, msg: string) => seen.push({ obj, msg }) };
}

describe("pseudonymize: the salt", () => {
  it("uses the salt already stored, so pseudonyms survive a restart and agree between instances", async () => {
    const storage = createMemoryStorage();
    await storage.set(SALT_KEY, "stored salt");
    expect(await pseudonymize(storage, 42)).toBe(hashWithSalt("stored salt", 42));
  });

  it("creates and stores a salt on the first vote, without a warning", async () => {
    const storage = createMemoryStorage();
    const { seen, warn } = warnings();
    const first = await pseudonymize(storage, 42, warn);
    const salt = await storage.get(SALT_KEY);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(first).toBe(hashWithSalt(salt as string, 42));
    expect(seen).toEqual([]);
  });

  it.each([
    ["an empty string", ""],
    ["a number", 7],
    ["an object", { salt: "x" }],
  ])("replaces a stored salt that is %s, with a warning", async (_, damaged) => {
    const storage = createMemoryStorage();
    await storage.set(SALT_KEY, damaged);
    const { seen, warn } = warnings();
    await pseudonymize(storage, 42, warn);
    const salt = await storage.get(SALT_KEY);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(seen).toEqual([
      {
        obj: {
          where: `memory key ${SALT_KEY}`,
          reason: expect.stringMatching(/^not the shape expected \(the value: /),
          key: SALT_KEY,
        },
        msg: "the pseudonym salt was damaged; replaced it with a new one (stored votes are kept)",
      },
    ]);
  });

  it("replaces a salt that is not valid JSON, warning with the error; and without a listener too", async () => {
    for (const listening of [true, false]) {
      const storage = createMemoryStorage();
      const damage = new DamagedValueError(SALT_KEY, "salt.json", "invalid JSON");
      const get = storage.get.bind(storage);
      vi.spyOn(storage, "get").mockRejectedValueOnce(damage).mockImplementation(get);
      const { seen, warn } = warnings();
      const pseudonym = await pseudonymize(storage, 42, listening ? warn : undefined);
      expect(pseudonym).toBe(hashWithSalt((await storage.get(SALT_KEY)) as string, 42));
      expect(seen).toEqual(
        listening
          ? [{ obj: { where: "salt.json", reason: "invalid JSON", key: SALT_KEY }, msg: expect.any(String) }]
          : [],
      );
    }
  });

  it("fails a vote when the storage fails, and tries again on the next", async () => {
    const storage = createMemoryStorage();
    await storage.set(SALT_KEY, "stored salt");
    const get = storage.get.bind(storage);
    const spy = vi
      .spyOn(storage, "get")
      .mockRejectedValueOnce(new Error("redis down"))
      .mockImplementation(get);
    await expect(pseudonymize(storage, 42)).rejects.toThrow("redis down");
    expect(await storage.get(SALT_KEY)).toBe("stored salt"); // not replaced over an outage
    expect(await pseudonymize(storage, 42)).toBe(hashWithSalt("stored salt", 42));
    spy.mockRestore();
  });

  it("fails the vote when the new salt cannot be read back", async () => {
    const storage: Storage = { ...createMemoryStorage(), set: async () => {} };
    await expect(pseudonymize(storage, 42)).rejects.toThrow("the pseudonym salt was not stored");
    const blank: Storage = { ...createMemoryStorage(), get: async () => "" };
    await expect(pseudonymize(blank, 42)).rejects.toThrow("the pseudonym salt was not stored");
  });

  it("shares one salt lookup between concurrent first votes", async () => {
    const storage = createMemoryStorage();
    const [a, b] = await Promise.all([pseudonymize(storage, 1), pseudonymize(storage, 1)]);
    expect(a).toBe(b);
  });
});

describe("retention", () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses RETENTION_DAYS=%s", async (days) => {
    await expect(pruneExpired(createMemoryStorage(), days)).rejects.toThrow(
      `RETENTION_DAYS must be a positive number of days, got ${days}`,
    );
  });

  it("accepts a fraction of a day", async () => {
    const storage = createMemoryStorage();
    const prune = vi.spyOn(storage, "prune");
    await pruneExpired(storage, 0.5, new Date("2026-11-23T12:00:00.000Z"));
    expect(prune).toHaveBeenCalledWith(new Date("2026-11-23T00:00:00.000Z"));
  });

  it("logs what it dropped, says nothing when it dropped nothing, and counts from the real clock by default", async () => {
    const storage = createMemoryStorage();
    const prune = vi.spyOn(storage, "prune").mockResolvedValueOnce(0).mockResolvedValueOnce(3);
    const logged: { obj: object; msg: string }[] = [];
    const logger = {
      info: (obj: object, msg: string) => logged.push({ obj, msg }),
      error: (obj: object, msg: string) => logged.push({ obj, msg }),
    };
    const before = Date.now();
    const quiet = scheduleRetention({ storage, retentionDays: 1, logger });
    await quiet.first;
    quiet.stop();
    const cut = (prune.mock.calls[0] as [Date])[0].getTime();
    expect(cut).toBeGreaterThanOrEqual(before - 24 * 60 * 60 * 1000);
    expect(cut).toBeLessThanOrEqual(Date.now() - 24 * 60 * 60 * 1000);
    expect(logged).toEqual([]);

    const busy = scheduleRetention({ storage, retentionDays: 1, logger });
    await busy.first;
    busy.stop();
    expect(logged).toEqual([
      { obj: { dropped: 3, retentionDays: 1 }, msg: "retention: dropped old log records" },
    ]);
  });

  it("logs a failure with its error, and without a logger stays silent", async () => {
    const storage = createMemoryStorage();
    const failure = new Error("down");
    vi.spyOn(storage, "prune").mockRejectedValue(failure);
    const logged: { obj: object; msg: string }[] = [];
    const logger = { info: () => {}, error: (obj: object, msg: string) => logged.push({ obj, msg }) };
    const withLogger = scheduleRetention({ storage, retentionDays: 90, logger });
    await withLogger.first;
    withLogger.stop();
    expect(logged).toEqual([
      { obj: { err: failure, retentionDays: 90 }, msg: "retention: pruning old log records failed" },
    ]);
    const without = scheduleRetention({ storage, retentionDays: 90 });
    await expect(without.first).resolves.toBeUndefined();
    without.stop();
  });
});

describe("outage reporter: what the log lines carry for a log search", () => {
  it("the error, the failure count and how long it was down", () => {
    vi.useFakeTimers();
    const lines: { obj: object; msg: string }[] = [];
    const logger = {
      warn: (obj: object, msg: string) => lines.push({ obj, msg }),
      info: (obj: object, msg: string) => lines.push({ obj, msg }),
    };
    const reporter = createOutageReporter({ name: "Redis", logger, intervalMs: 10_000, now: Date.now });
    reporter.failed(new Error("refused"));
    vi.advanceTimersByTime(5_000);
    reporter.failed(new Error("timed out"));
    vi.advanceTimersByTime(5_000);
    reporter.recovered();
    reporter.stop();
    expect(lines).toEqual([
      {
        obj: { error: "refused" },
        msg: "Redis is unreachable (refused); retrying, with a summary every 10 s until it is back",
      },
      {
        obj: { failures: 2, downForS: 10, error: "timed out" },
        msg: "Redis still unreachable after 10 s (2 failed attempts; last: timed out)",
      },
      { obj: { failures: 2, downForS: 10 }, msg: "Redis is reachable again after 10 s (2 failed attempts)" },
    ]);
  });
});
