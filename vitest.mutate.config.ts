import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

// The test run Stryker uses for `npm run mutate` (stryker.config.json); `npm test` uses vitest.config.ts and
// runs every test. Left out here: tests whose code runs in a child process (the bot, the CLIs,
// `npm run …`), where a mutant is never switched on, so they cannot kill one and only slow every run down;
// and the confidence model's refit (~15 s), which checks src/calibrate, not the folders mutated.
// isolate: false reuses loaded modules between test files and between mutants (Stryker switches a mutant on
// at run time), which makes each mutant's run about three times faster here; the suite passes either way.
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
      ],
    },
  }),
);
