import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import type { LoadResult } from "../../src/knowledge/load.js";
import { createKnowledgeReloader } from "../../src/reload/reloader.js";
import { startReloadTriggers } from "../../src/reload/triggers.js";
import {
  fakeBuild,
  fakeWatcher,
  ids,
  knowledge,
  manualClock,
  ok,
  recordingLogger,
  served,
  waitFor,
} from "./fakes.js";

function setup() {
  const signals = new EventEmitter();
  const load = vi.fn(async (): Promise<LoadResult> => ok(knowledge(ids(1))));
  const reloader = createKnowledgeReloader({ dir: "knowledge", build: fakeBuild(load) });
  const reload = vi.spyOn(reloader, "reload");
  return { signals, load, reloader, reload };
}

describe("startReloadTriggers", () => {
  it("reloads on SIGHUP until stopped", async () => {
    const { signals, load, reloader } = setup();
    const stop = await startReloadTriggers({
      reloader,
      dir: "knowledge",
      watch: false,
      signals: signals as never,
    });
    signals.emit("SIGHUP");
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await stop();
    signals.emit("SIGHUP");
    await reloader.close();
    expect(load).toHaveBeenCalledTimes(1);
    expect(signals.listenerCount("SIGHUP")).toBe(0);
  });

  it("reloads after file changes when watching, and not at all when not", async () => {
    const { signals, reloader, reload } = setup();
    const clock = manualClock();
    const watcher = fakeWatcher();
    const { logger, lines } = recordingLogger();
    const options = { reloader, dir: "knowledge", signals: signals as never, clock, logger };
    const off = await startReloadTriggers({ ...options, watch: false, startWatcher: watcher.start });
    expect(watcher.state.started).toBe(0);
    await off();

    const stop = await startReloadTriggers({
      ...options,
      watch: true,
      debounceMs: 50,
      startWatcher: watcher.start,
    });
    watcher.emit("knowledge/facts/a.yaml");
    watcher.emit("knowledge/facts/b.yaml");
    clock.advance(50);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reload).toHaveBeenCalledWith({ trigger: "watch" });
    watcher.fail(new Error("EMFILE"));
    expect(lines.at(-1)).toMatchObject({ level: "error", msg: "knowledge watcher failed" });

    await stop();
    expect(watcher.state.closed).toBe(true);
  });

  it("waits on stop for a reload in progress", async () => {
    const signals = new EventEmitter();
    let release: (r: LoadResult) => void = () => {};
    const reloader = createKnowledgeReloader({
      dir: "knowledge",
      build: fakeBuild(() => new Promise<LoadResult>((resolve) => (release = resolve))),
    });
    const stop = await startReloadTriggers({
      reloader,
      dir: "knowledge",
      watch: false,
      signals: signals as never,
    });
    signals.emit("SIGHUP");
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release(ok(knowledge(ids(2))));
    await stopping;
    expect(served(reloader.current()).facts).toHaveLength(2);
  });
});
