import { describe, expect, it } from "vitest";
import {
  createSettingsStore,
  DEFAULT_SETTINGS,
  formatQuiet,
  isQuiet,
  parseQuiet,
} from "../../src/bot/group-settings.js";
import { createMemoryStorage } from "../../src/storage/memory.js";

const at = (iso: string) => new Date(iso);

describe("group settings", () => {
  it("quiet hours wrap past midnight and honour the UTC offset", () => {
    const quiet = { from: 22, to: 7, offsetMinutes: 120 };
    expect(isQuiet(quiet, at("2024-05-01T19:59:00Z"))).toBe(false); // 21:59 local
    expect(isQuiet(quiet, at("2024-05-01T20:00:00Z"))).toBe(true); // 22:00
    expect(isQuiet(quiet, at("2024-05-02T04:59:00Z"))).toBe(true); // 06:59
    expect(isQuiet(quiet, at("2024-05-02T05:00:00Z"))).toBe(false); // 07:00
    expect(isQuiet({ from: 1, to: 5, offsetMinutes: -300 }, at("2024-05-01T07:00:00Z"))).toBe(true); // 02:00
    expect(isQuiet(null, at("2024-05-01T23:00:00Z"))).toBe(false);
  });

  it("parses the /settings quiet forms", () => {
    expect(parseQuiet("22-07")).toEqual({ from: 22, to: 7, offsetMinutes: 0 });
    expect(parseQuiet("22:00–07:00 +02:00")).toEqual({ from: 22, to: 7, offsetMinutes: 120 });
    expect(parseQuiet("23-8 UTC-5")).toEqual({ from: 23, to: 8, offsetMinutes: -300 });
    expect(parseQuiet("off")).toBe("off");
    for (const bad of ["", "7-7", "25-3", "night", "22-07 +15:00"]) expect(parseQuiet(bad)).toBeUndefined();
    expect(formatQuiet({ from: 0, to: 8, offsetMinutes: -330 })).toBe("00:00–08:00 UTC-05:30");
  });

  it("are kept in storage, survive a new store (a restart) and fall back on damaged values", async () => {
    const storage = createMemoryStorage();
    const store = createSettingsStore(storage);
    expect(await store.get(-1)).toEqual(DEFAULT_SETTINGS);
    await store.set(-1, { language: "ru", didYouMean: false, quiet: { from: 22, to: 7, offsetMinutes: 0 } });
    expect(await createSettingsStore(storage).get(-1)).toEqual({
      language: "ru",
      didYouMean: false,
      quiet: { from: 22, to: 7, offsetMinutes: 0 },
    });
  });

  it("treat a stored value of the wrong shape as absent and report where it is and why; an older shape keeps its fields", async () => {
    const storage = createMemoryStorage();
    const warnings: { obj: unknown; msg?: string }[] = [];
    const logger = { warn: (obj: unknown, msg?: string) => void warnings.push({ obj, msg }) };
    await storage.set("settings:-2", { language: "de", didYouMean: "yes", quiet: { from: 99 } });
    expect(await createSettingsStore(storage, logger).get(-2)).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(
      /^ignored damaged group settings at memory key settings:-2: not the shape expected \(language: .*; didYouMean: .*; quiet\.from: .*\); the group gets the defaults/,
    );
    expect(warnings[0]?.obj).toMatchObject({ chatId: -2, where: "memory key settings:-2" });

    // Saved before quiet hours existed: the language it chose stays.
    await storage.set("settings:-3", { language: "uk", didYouMean: false });
    expect(await createSettingsStore(storage, logger).get(-3)).toEqual({
      language: "uk",
      didYouMean: false,
      quiet: null,
    });
    expect(warnings).toHaveLength(1);
  });
});

/** A change feed driven by the test, and a storage that counts reads and can hold one back. */
function sharedSetup() {
  const listeners = new Set<(key: string | undefined) => void>();
  const feed = {
    live: true,
    published: [] as string[],
    async publish(key: string) {
      this.published.push(key);
    },
    subscribe(listener: (key: string | undefined) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tell: (key: string | undefined) => {
      for (const l of listeners) l(key);
    },
  };
  const storage = createMemoryStorage();
  let reads = 0;
  let hold: Promise<void> | undefined;
  const counting = {
    ...storage,
    async get(key: string) {
      reads++;
      const value = await storage.get(key);
      await hold;
      return value;
    },
  };
  return {
    feed,
    storage,
    store: createSettingsStore(counting, undefined, { changes: feed }),
    reads: () => reads,
    holdReads: (until: Promise<void>) => {
      hold = until;
    },
  };
}

describe("group settings shared by several instances", () => {
  const ru = { ...DEFAULT_SETTINGS, language: "ru" as const };

  it("announce a change and drop a cached copy when told another instance changed it", async () => {
    const { feed, storage, store, reads } = sharedSetup();
    await store.set(-1, ru);
    expect(feed.published).toEqual(["settings:-1"]);
    expect(await store.get(-1)).toEqual(ru);
    expect(reads()).toBe(0);

    await storage.set("settings:-1", DEFAULT_SETTINGS); // written by another instance
    expect(await store.get(-1)).toEqual(ru);
    feed.tell("settings:-1");
    expect(await store.get(-1)).toEqual(DEFAULT_SETTINGS);
    expect(reads()).toBe(1);

    await storage.set("settings:-1", ru);
    feed.tell(undefined); // the feed reconnected: changes may have been missed
    expect(await store.get(-1)).toEqual(ru);
  });

  it("do not cache a value read while a change was announced", async () => {
    const { feed, storage, store, holdReads, reads } = sharedSetup();
    let release = () => {};
    holdReads(new Promise<void>((r) => (release = r)));
    const reading = store.get(-1); // reads the defaults, then is held
    await new Promise((r) => setImmediate(r));
    await storage.set("settings:-1", ru);
    feed.tell("settings:-1");
    release();
    expect(await reading).toEqual(DEFAULT_SETTINGS);
    holdReads(Promise.resolve());
    expect(await store.get(-1)).toEqual(ru);
    expect(reads()).toBe(2);
  });

  it("read the storage every time while the feed is down", async () => {
    const { feed, store, reads } = sharedSetup();
    await store.get(-1);
    await store.get(-1);
    expect(reads()).toBe(1);
    feed.live = false;
    await store.get(-1);
    await store.get(-1);
    expect(reads()).toBe(3);
  });
});
