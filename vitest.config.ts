import { configDefaults, defineConfig } from "vitest/config";

// `npm test` runs every test. Stryker's sandboxes (.stryker-tmp/, left behind by an interrupted
// `npm run mutate`) hold copies of the tests, which must not run too.
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, ".stryker-tmp/**"],
  },
});
