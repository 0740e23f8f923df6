import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// README's promise: `npm start` without a token is a chat in the terminal, and `npm run build` then
// `node dist/main.js` runs the same bot without tsx. `script` (util-linux) gives the process a real
// terminal, so this is the path a person takes, not the piped one the other tests use.
const root = join(import.meta.dirname, "../..");

function inTerminal(command: string, lines: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // A DATA_DIR of its own: the index cache is written there, not into the project.
    const dataDir = mkdtempSync(join(tmpdir(), "factline-terminal-"));
    const env = { ...process.env, BOT_TOKEN: "", LOG_LEVEL: "warn", DATA_DIR: dataDir };
    const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: root, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // Type the next line once the chat shows its prompt.
      if (output.endsWith("> ") && lines.length) child.stdin.write(`${lines.shift()}\n`);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, output });
    });
  });
}

describe("the console chat in a terminal", () => {
  it("npm start without a token answers with a citation and leaves on /quit", async () => {
    const { code, output } = await inTerminal("node --import tsx src/main.ts", [
      "Which agency launched the I Want to Live hotline?",
      "/quit",
    ]);
    expect(output).toMatch(/factline console chat: \d+ sourced facts/);
    expect(output).toMatch(/Source: .+/);
    expect(code).toBe(0);
  }, 60_000);

  it("node dist/main.js after npm run build does the same without tsx", async () => {
    await promisify(execFile)("npm", ["run", "--silent", "build"], { cwd: root });
    const { code, output } = await inTerminal("node dist/main.js", [
      "Which agency launched the I Want to Live hotline?",
      "/quit",
    ]);
    expect(output).toMatch(/Source: .+/);
    expect(code).toBe(0);
  }, 120_000);
});
