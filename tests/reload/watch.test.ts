import { describe, expect, it, vi } from "vitest";
import { isEditorNoise, watchKnowledge } from "../../src/reload/watch.js";
import { fakeWatcher, manualClock } from "./fakes.js";

const DIR = "/srv/knowledge";

async function setup(debounceMs = 80) {
  const clock = manualClock();
  const watcher = fakeWatcher();
  const onChange = vi.fn();
  const onError = vi.fn();
  const watch = await watchKnowledge({
    dir: DIR,
    onChange,
    onError,
    debounceMs,
    clock,
    startWatcher: watcher.start,
  });
  return { clock, watcher, onChange, onError, watch };
}

describe("watchKnowledge", () => {
  it("reports a burst of changes once, debounceMs after the last event", async () => {
    const { clock, watcher, onChange } = await setup(80);
    for (let i = 0; i < 5; i++) {
      watcher.emit(`${DIR}/facts/a.yaml`);
      clock.advance(10);
    }
    clock.advance(69);
    expect(onChange).not.toHaveBeenCalled();
    clock.advance(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    clock.advance(1000);
    expect(onChange).toHaveBeenCalledTimes(1);

    watcher.emit(`${DIR}/sources/new.md`);
    clock.advance(80);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("ignores editor swap, backup and lock files, but not the directory itself or other dot-files", async () => {
    const { clock, watcher, onChange } = await setup();
    for (const noise of [
      ".a.yaml.swp",
      ".#a.yaml",
      "a.yaml~",
      "#a.yaml#",
      "a.yaml.tmp",
      "4913",
      ".DS_Store",
    ]) {
      watcher.emit(`${DIR}/facts/${noise}`);
    }
    clock.advance(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(clock.pending()).toBe(0);

    // Kubernetes swaps a ConfigMap's files through "..data".
    watcher.emit(`${DIR}/..data`);
    clock.advance(80);
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.emit(DIR);
    clock.advance(80);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("on close, stops the watcher and drops a change still waiting for its quiet time", async () => {
    const { clock, watcher, onChange, watch } = await setup();
    watcher.emit(`${DIR}/facts/a.yaml`);
    await watch.close();
    expect(watcher.state.closed).toBe(true);
    clock.advance(1000);
    watcher.emit(`${DIR}/facts/b.yaml`);
    clock.advance(1000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("passes watcher errors on", async () => {
    const { watcher, onError } = await setup();
    watcher.fail(new Error("EMFILE"));
    expect(onError).toHaveBeenCalledWith(new Error("EMFILE"));
  });
});

describe("isEditorNoise", () => {
  it("looks at the file name only", () => {
    expect(isEditorNoise("/home/me/.vim/facts/a.yaml")).toBe(false);
    expect(isEditorNoise("/srv/knowledge/facts/.a.yaml.swo")).toBe(true);
    expect(isEditorNoise("/srv/knowledge/facts/a.yaml")).toBe(false);
  });
});
