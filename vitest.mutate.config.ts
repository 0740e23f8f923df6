import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// The test run Stryker uses for `npm run mutate` (stryker.config.json); `npm test` uses vitest.config.ts and
// runs every test. Left out here: tests whose code runs in a child process (the bot, the CLIs,
// `npm run …`), where a mutant is never switched on, so they cannot kill one and only slow every run down;
// the confidence model's refit (~15 s), which checks src/calibrate; and two slow tests of folders not mutated,
// hot reload with a real file watcher (src/reload, ~4 s) and the benchmark's synthetic knowledge (src/bench),
// which build whole engines the answer tests already cover, and would run for every engine mutant that survives;
// likewise the reload tests that build their engine in a worker thread (where no mutant is switched on) and
// compare it with one built here: several seconds each under Stryker's instrumentation, over the 5 s limit.
// Also left out: the question sets and the dev set, which ask thousands of questions against thresholds of
// whole sets (90% right, …): a mutant they would kill breaks answers the other answer tests check one by one,
// and every mutant that survives them paid for all of them (seconds each, for some 2,000 answer mutants).
// isolate: false reuses loaded modules between test files and between mutants (Stryker switches a mutant on
// at run time): importing the answer, bot, knowledge and reload tests drops from 4.7 s to 1.1 s a run, and they
// pass either way.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      isolate: false,
      exclude: [
        "tests/e2e/**",
        "tests/cli/**",
        "tests/gaps/gaps-cli.test.ts",
        "tests/answer/calibration.test.ts",
        "tests/answer/question-sets.test.ts",
        "tests/answer/dev-set.test.ts",
        "tests/reload/hot-reload.integration.test.ts",
        "tests/reload/packed-engine.test.ts",
        "tests/reload/worker-reload.test.ts",
        "tests/bench/**",
      ],
    },
  }),
);
