import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createFileStorage } from "../../src/storage/file.js";
import { connectRedis, createRedisStorage } from "../../src/storage/redis.js";
import type { Storage } from "../../src/storage/storage.js";
import { startRedisServer } from "../storage/redis-server.js";

// `npm run gaps` end to end: a question the bot logged shows up, read from the same storage the bot writes.
const ROOT = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function gaps(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "src/cli/gaps.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: "", DATA_DIR: "", ...env },
  });
}

async function logQuestion(storage: Storage, question: string) {
  await storage.append("unanswered", {
    at: new Date().toISOString(),
    question,
    language: "en",
    chatType: "private",
    nearest: [{ factId: "hotline-overview", score: 0.21 }],
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("npm run gaps", () => {
  it("shows an unanswered question from the file storage under DATA_DIR", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-gaps-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await logQuestion(createFileStorage(dir), "how many penguins defected");

    const { stdout } = await gaps({ DATA_DIR: dir }, "--since", "7d");
    expect(stdout).toContain(`(files under ${dir}): 1 question in 1 cluster`);
    expect(stdout).toContain('1. 1 × "how many penguins defected"  (en 1;');
    // The real knowledge supplies the nearest fact's first question.
    expect(stdout).toMatch(/nearest fact: hotline-overview \(score 0\.21, in 1 of 1\) "[^"]+"/);

    const json = JSON.parse((await gaps({ DATA_DIR: dir }, "--json")).stdout);
    expect(json.clusters[0].label).toBe("how many penguins defected");
  }, 30_000);

  it("explains a bad argument with the usage and exit code 2", async () => {
    const failure = await gaps({}, "--since", "soon").catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /--since: expected a duration.*\n\nusage: npm run gaps/s,
    );
  }, 30_000);

  it("reads Redis when REDIS_URL is set", async (context) => {
    const server = await startRedisServer();
    if (!("url" in server)) {
      console.warn(`⚠ SKIPPING gaps over Redis: ${server.unavailable}`);
      context.skip();
      return;
    }
    cleanups.push(server.stop);
    const storage = createRedisStorage(await connectRedis(server.url), { ownsConnection: true });
    await logQuestion(storage, "where is the redis question");
    await storage.close();

    const { stdout } = await gaps({ REDIS_URL: server.url });
    expect(stdout).toContain(`(redis ${server.url}`);
    expect(stdout).toContain('"where is the redis question"');
  }, 30_000);
});
