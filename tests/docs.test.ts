import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SETTING_NAMES } from "../src/config.js";

const REPO = join(import.meta.dirname, "..");
const read = (file: string) => readFileSync(join(REPO, file), "utf8");

describe("the docs agree with the code", () => {
  it("README names the Node version package.json requires", () => {
    const engines = JSON.parse(read("package.json")).engines.node as string;
    const version = /^>=\s*(\d+(?:\.\d+)*)$/.exec(engines)?.[1];
    expect(version, `engines.node is "${engines}"`).toBeDefined();
    const readme = read("README.md");
    expect(readme).toContain(`Node.js ${version} or newer`);
    expect([...readme.matchAll(/Node(?:\.js)? (\d+(?:\.\d+)*) or newer/g)].map((m) => m[1])).toEqual([
      version,
    ]);
  });

  it("README's settings table and .env.example list every setting", () => {
    const readme = read("README.md");
    const example = read(".env.example");
    for (const name of SETTING_NAMES) {
      expect(readme, name).toContain(`| \`${name}\` |`);
      expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
    }
  });
});
