import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { START_ENV, START_NODE_FLAGS } from "../../src/bench/start-settings.js";

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as {
  scripts: Record<string, string>;
};
const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

describe("the start command's settings", () => {
  it("are what the benchmark measures with: npm start sets each of them", () => {
    const start = pkg.scripts.start ?? "";
    for (const [name, value] of Object.entries(START_ENV)) expect(start).toContain(`${name}=${value} `);
    for (const flag of START_NODE_FLAGS) expect(start).toContain(` ${flag} `);
    expect(start).toMatch(/exec node .*src\/main\.ts$/);
  });

  it("are documented for `node dist/main.js` too", () => {
    for (const [name, value] of Object.entries(START_ENV)) expect(readme).toContain(`${name}=${value}`);
  });
});
