import { afterEach, describe, expect, it, vi } from "vitest";
import { createOutageReporter } from "../../src/storage/outage-reporter.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("outage reporter", () => {
  it("one warning when Redis goes, a count a minute while it is down, one line when it is back", () => {
    vi.useFakeTimers();
    const lines: { level: string; msg: string }[] = [];
    const logger = {
      warn: (_obj: object, msg: string) => lines.push({ level: "warn", msg }),
      info: (_obj: object, msg: string) => lines.push({ level: "info", msg }),
    };
    const reporter = createOutageReporter({ name: "Redis (redis://h:6379)", logger, now: Date.now });
    const refused = new Error("connect ECONNREFUSED 127.0.0.1:6379");
    // ioredis fails a reconnect attempt about every 2 s, more often at first: 90 s of that.
    for (let s = 0; s < 90; s++) {
      reporter.failed(refused);
      if (s % 2 === 0) reporter.failed(refused);
      vi.advanceTimersByTime(1000);
    }
    reporter.recovered();
    vi.advanceTimersByTime(5 * 60_000);

    expect(lines).toEqual([
      {
        level: "warn",
        msg: "Redis (redis://h:6379) is unreachable (connect ECONNREFUSED 127.0.0.1:6379); retrying, with a summary every 60 s until it is back",
      },
      {
        level: "warn",
        msg: "Redis (redis://h:6379) still unreachable after 60 s (90 failed attempts; last: connect ECONNREFUSED 127.0.0.1:6379)",
      },
      { level: "info", msg: "Redis (redis://h:6379) is reachable again after 90 s (135 failed attempts)" },
    ]);

    // A second outage is reported afresh; a "ready" without an outage says nothing.
    reporter.recovered();
    reporter.failed(refused);
    expect(lines).toHaveLength(4);
    reporter.stop();
  });
});
