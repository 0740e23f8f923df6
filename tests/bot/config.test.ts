import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, shutdownBudget } from "../../src/config.js";
import { createRedactor } from "../../src/logger.js";
import { captureLogger } from "./harness.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ_0123456789";

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("has defaults for everything but the token", () => {
    expect(parseConfig({})).toEqual({
      botToken: undefined,
      apiRoot: "https://api.telegram.org",
      knowledgeDir: "./knowledge",
      logLevel: "info",
      webhook: undefined,
      port: 8080,
      dataDir: "./data",
      redisUrl: undefined,
      adminIds: [],
      retentionDays: 90,
      reloadMaxDrop: 0.2,
      knowledgeWatch: true,
      stopTimeoutSeconds: 10,
      warnings: [],
    });
  });

  it("parses every setting; blank values count as unset", () => {
    const config = parseConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      KNOWLEDGE_DIR: "kb",
      LOG_LEVEL: "DEBUG",
      WEBHOOK_URL: "https://bot.example.com/tg/hook",
      WEBHOOK_SECRET: "s3cret_s3cret_s3cret",
      PORT: "3000",
      DATA_DIR: "/var/lib/factline",
      REDIS_URL: "",
      ADMIN_IDS: "1, 22,333",
      RETENTION_DAYS: "30",
      RELOAD_MAX_DROP: "0.5",
      KNOWLEDGE_WATCH: " Off ",
      STOP_TIMEOUT: "30",
    });
    expect(config).toMatchObject({
      botToken: TOKEN,
      apiRoot: "http://127.0.0.1:8081",
      logLevel: "debug",
      webhook: { url: "https://bot.example.com/tg/hook", path: "/tg/hook", secret: "s3cret_s3cret_s3cret" },
      port: 3000,
      redisUrl: undefined,
      adminIds: [1, 22, 333],
      retentionDays: 30,
      reloadMaxDrop: 0.5,
      knowledgeWatch: false,
      stopTimeoutSeconds: 30,
      warnings: [],
    });
  });

  it("warns about WEBHOOK_SECRET without WEBHOOK_URL (the bot long-polls and ignores it)", () => {
    const config = parseConfig({ WEBHOOK_SECRET: "s3cret_s3cret_s3cret" });
    expect(config.webhook).toBeUndefined();
    expect(config.warnings).toEqual([expect.stringMatching(/^WEBHOOK_SECRET is set but WEBHOOK_URL is not/)]);
    expect(config.warnings.join("")).not.toContain("s3cret_s3cret_s3cret");
  });

  it("stops with one line naming the variable", () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: "eighty" }, "PORT"],
      [{ PORT: "70000" }, "PORT"],
      [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
      [{ TELEGRAM_API_ROOT: "ftp://x" }, "TELEGRAM_API_ROOT"],
      [{ WEBHOOK_URL: "http://example.com/hook", WEBHOOK_SECRET: "s3cret_s3cret_s3cret" }, "WEBHOOK_URL"],
      [{ WEBHOOK_URL: "https://example.com/hook" }, "WEBHOOK_SECRET"],
      [{ ADMIN_IDS: "alice" }, "ADMIN_IDS"],
      [{ RETENTION_DAYS: "0" }, "RETENTION_DAYS"],
      [{ RELOAD_MAX_DROP: "2" }, "RELOAD_MAX_DROP"],
      [{ KNOWLEDGE_WATCH: "maybe" }, "KNOWLEDGE_WATCH"],
      [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
      [{ STOP_TIMEOUT: "1" }, "STOP_TIMEOUT"],
      [{ STOP_TIMEOUT: "10s" }, "STOP_TIMEOUT"],
    ];
    for (const [env, variable] of cases) {
      const error = configError(env);
      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(`${variable}: `)).toBe(true);
      expect(error.message).not.toContain("\n");
    }
  });

  it("never repeats the token or the secret in an error", () => {
    const badToken = "123456:short-but-secret";
    const error = configError({ BOT_TOKEN: badToken });
    expect(error.variable).toBe("BOT_TOKEN");
    expect(error.message).not.toContain("short-but-secret");
    const secretError = configError({ WEBHOOK_URL: "https://x.example/h", WEBHOOK_SECRET: "bad secret!" });
    expect(secretError.message).not.toContain("bad secret!");
  });
});

describe("logger", () => {
  it("removes the token from every line, including error messages and stacks", () => {
    const { logger, lines } = captureLogger("info", [TOKEN]);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`) }, "boom");
    logger.info(
      { url: `https://x/bot${encodeURIComponent(TOKEN)}/y`, token: TOKEN },
      `half ${TOKEN.split(":")[1]}`,
    );
    const all = lines.join("");
    expect(all).not.toContain(TOKEN.split(":")[1]);
    expect(all).toContain("[redacted]");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("the redactor leaves text alone without secrets", () => {
    expect(createRedactor([undefined])("abc")).toBe("abc");
  });

  it("spends STOP_TIMEOUT on a stop: half a second in reserve, a margin to exit, the rest for draining and confirming", () => {
    expect(shutdownBudget(10)).toEqual({ limitMs: 9500, marginMs: 700, confirmMs: 3000 });
    // A short STOP_TIMEOUT scales the parts down, so the confirmation still fits before the limit.
    const short = shutdownBudget(2);
    expect(short).toEqual({ limitMs: 1500, marginMs: 150, confirmMs: 500 });
    expect(short.marginMs + short.confirmMs).toBeLessThan(short.limitMs);
  });
});
