import { configDefaults, defineConfig } from "vitest/config";

// The test run Stryker uses for `npm run mutate` (stryker.config.json), not `npm test`, which has no config
// file and runs every test. Left out here: tests whose code runs in a child process (the bot, the CLIs,
// `npm run …`), where a mutant is never switched on, so they cannot kill one and only slow every run down;
// and the confidence model's refit (~15 s), which checks src/calibrate, not the folders mutated.
export default defineConfig({
  test: {
    exclude: [
      ...configDefaults.exclude,
      "tests/e2e/**",
      "tests/cli/**",
      "tests/gaps/gaps-cli.test.ts",
      "tests/answer/calibration.test.ts",
    ],
  },
});
