import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { trackInFlightUpdates } from "../../src/bot/in-flight-updates.js";

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("in-flight updates", () => {
  it("drains exactly the updates in flight, or reports the ones left at the deadline", async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const inFlight = trackInFlightUpdates(async (u: Update) => {
      const gate = deferred();
      gates.set(u.update_id, gate);
      await gate.promise;
    });
    inFlight.start({ update_id: 1 });
    inFlight.start({ update_id: 2 });
    expect(inFlight.pending()).toEqual([1, 2]);
    expect(await inFlight.drain(20)).toBe(false);
    gates.get(1)?.resolve();
    gates.get(2)?.resolve();
    expect(await inFlight.drain(1000)).toBe(true);
    expect(inFlight.pending()).toEqual([]);
  });

  it("settled() is one promise for every caller until an update finishes, then a new one", async () => {
    const gate = deferred();
    const inFlight = trackInFlightUpdates(() => gate.promise);
    inFlight.start({ update_id: 1 });
    expect(inFlight.oldest()).toBe(1);
    const first = inFlight.settled();
    expect(inFlight.settled()).toBe(first);
    gate.resolve();
    await first;
    expect(inFlight.oldest()).toBeUndefined();
    expect(inFlight.settled()).not.toBe(first);
  });

  it("applies back-pressure at its concurrency", async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const inFlight = trackInFlightUpdates(
      (u) => {
        const gate = deferred();
        gates.set(u.update_id, gate);
        return gate.promise;
      },
      { concurrency: 2 },
    );
    inFlight.start({ update_id: 1 });
    await inFlight.capacity(); // one in flight of two: room at once
    inFlight.start({ update_id: 2 });
    let roomy = false;
    const room = inFlight.capacity().then(() => {
      roomy = true;
    });
    // Several turns of the event loop, not one microtask: a capacity() that merely defers (a tick, a timer)
    // would have resolved by now. A correct one never resolves here, so a slow machine cannot flake this.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(roomy).toBe(false);
    gates.get(1)?.resolve();
    await room;
    expect(roomy).toBe(true);
    expect(inFlight.pending()).toEqual([2]);
    gates.get(2)?.resolve();
  });
});
