import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/**
 * The layers of src/, lowest first: a module may import its own layer and layers of a lower rank, never a
 * higher one, and layers of one rank never import each other. An entry is a file, a directory, or "dir/*"
 * (each child of dir is a layer of its own: the bot's features never import each other).
 */
const LAYERS: readonly (readonly string[])[] = [
  ["common"],
  ["config.ts"],
  ["logger.ts"],
  ["knowledge"],
  ["texts"],
  ["answer", "storage"],
  ["reload", "cluster", "calibrate", "gaps", "testing"],
  ["bot", "bench"],
  ["bot/features/*"],
  ["bot/create-bot.ts"],
  ["bot/polling.ts"],
  ["cli"],
  ["main.ts"],
];

/** Test doubles live in src/ only so the benchmark can drive the bot; nothing else may use them. */
const RESTRICTED: Record<string, readonly string[]> = { testing: ["bench"] };

interface Layer {
  name: string;
  rank: number;
}

/** The layer of a path relative to src/ (posix), by its most specific entry; undefined when none fits. */
function layerOf(path: string): Layer | undefined {
  let best: (Layer & { length: number }) | undefined;
  LAYERS.forEach((entries, rank) => {
    for (const entry of entries) {
      let name: string | undefined;
      if (entry.endsWith("/*")) {
        const parent = entry.slice(0, -1);
        if (path.startsWith(parent)) name = parent + path.slice(parent.length).split("/")[0];
      } else if (path === entry || path.startsWith(`${entry}/`)) {
        name = entry;
      }
      if (name !== undefined && (!best || entry.length > best.length))
        best = { name, rank, length: entry.length };
    }
  });
  return best && { name: best.name, rank: best.rank };
}

/** Every relative import (static, dynamic, type-only, re-export) of one module, as written. */
function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."));
}

/** One line per import that breaks the layering, for `files` given as path (relative to src/) → text. */
function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [from, text] of files) {
    const own = layerOf(from);
    if (!own) {
      problems.push(`${from}: belongs to no layer (add it to LAYERS)`);
      continue;
    }
    for (const spec of importsOf(text)) {
      const to = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, ".ts");
      const where = `${from} imports ${spec}`;
      if (to.startsWith("../")) {
        problems.push(`${where}: outside src/ (src never depends on tests/ or scripts)`);
        continue;
      }
      const target = layerOf(to);
      if (!target) problems.push(`${where}: ${to} belongs to no layer`);
      else if (target.name === own.name) continue;
      else if (target.rank > own.rank) problems.push(`${where}: upward, ${own.name} is below ${target.name}`);
      else if (target.rank === own.rank) problems.push(`${where}: sideways, ${own.name} and ${target.name}`);
      else if (RESTRICTED[target.name] && !RESTRICTED[target.name]?.includes(own.name)) {
        problems.push(`${where}: only ${RESTRICTED[target.name]?.join(", ")} may use ${target.name}`);
      }
    }
  }
  return problems;
}

function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(SRC, path).split("\\").join("/"), readFileSync(path, "utf8"));
  }
  return files;
}

describe("layers", () => {
  it("no module in src/ imports upward, sideways or out of src/", () => {
    const files = sourceFiles(SRC);
    expect(files.size).toBeGreaterThan(50);
    expect(layerViolations(files)).toEqual([]);
  });

  it("catches each kind of violation (the check itself can fail)", () => {
    const files = new Map([
      ["knowledge/load.ts", 'import type { Engine } from "../answer/types.js";'],
      ["answer/engine.ts", 'import { x } from "../storage/storage.js";\nimport "../knowledge/types.js";'],
      ["bot/features/ask.ts", 'import { y } from "./groups/addressing.js";\nimport "../reply.js";'],
      ["bot/context.ts", 'const z = await import("./create-bot.js");'],
      ["bench/throughput.ts", 'export { f } from "../../tests/fake-bot-api.js";\nimport "../testing/a.js";'],
      ["bot/webhook.ts", 'import type { T } from "../testing/fake-bot-api.js";'],
      ["somewhere.ts", ""],
    ]);
    expect(layerViolations(files)).toEqual([
      "knowledge/load.ts imports ../answer/types.js: upward, knowledge is below answer",
      "answer/engine.ts imports ../storage/storage.js: sideways, answer and storage",
      "bot/features/ask.ts imports ./groups/addressing.js: sideways, bot/features/ask.ts and bot/features/groups",
      "bot/context.ts imports ./create-bot.js: upward, bot is below bot/create-bot.ts",
      "bench/throughput.ts imports ../../tests/fake-bot-api.js: outside src/ (src never depends on tests/ or scripts)",
      "bot/webhook.ts imports ../testing/fake-bot-api.js: only bench may use testing",
      "somewhere.ts: belongs to no layer (add it to LAYERS)",
    ]);
  });

  it("places files by their most specific entry", () => {
    expect(layerOf("bot/context.ts")).toEqual({ name: "bot", rank: 7 });
    expect(layerOf("bot/features/groups/addressing.ts")).toEqual({ name: "bot/features/groups", rank: 8 });
    expect(layerOf("bot/create-bot.ts")?.rank).toBeGreaterThan(layerOf("bot/features/ask.ts")?.rank ?? 99);
    expect(layerOf("mainx.ts")).toBeUndefined();
  });
});
