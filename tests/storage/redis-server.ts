import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

export interface RedisServer {
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throw-away redis-server on a free loopback port, without persistence.
 * Returns the reason when redis-server cannot run, so a developer's suite can skip visibly; under CI=true it
 * throws instead, so CI can never be green with the Redis backend untested.
 */
export async function startRedisServer(
  options: { port?: number } = {},
): Promise<RedisServer | { unavailable: string }> {
  const started = await spawnRedisServer(options.port);
  if ("unavailable" in started && process.env.CI) {
    throw new Error(`CI=true needs redis-server for the Redis tests: ${started.unavailable}`);
  }
  return started;
}

/** On `port` when given (to restart a stopped server where its clients expect it), a free one otherwise. */
async function spawnRedisServer(wanted?: number): Promise<RedisServer | { unavailable: string }> {
  const port = wanted ?? (await freePort());
  let child: ChildProcess;
  try {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    return { unavailable: String(error) };
  }
  const ready = await new Promise<true | string>((resolve) => {
    let output = "";
    const timer = setTimeout(() => resolve(`redis-server did not start within 10 s: ${output}`), 10_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve(
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "redis-server is not installed" : String(error),
      );
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(`redis-server exited with code ${code}: ${output}`);
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(true);
      }
    });
  });
  if (ready !== true) {
    child.kill("SIGKILL");
    return { unavailable: ready };
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
