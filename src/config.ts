import { z } from "zod";
import { isHttpUrl } from "./common/http-url.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface WebhookConfig {
  url: string;
  /** The path of `url`: the only path the server accepts updates on. */
  path: string;
  secret: string;
}

/** Everything the process reads from the environment, parsed once in main.ts. */
export interface Config {
  /** Absent when not set: main.ts then offers the console chat or explains how to get one. */
  botToken?: string;
  apiRoot: string;
  knowledgeDir: string;
  logLevel: LogLevel;
  /** Present in webhook mode; long polling otherwise. */
  webhook?: WebhookConfig;
  port: number;
  dataDir: string;
  redisUrl?: string;
  adminIds: number[];
  retentionDays: number;
  reloadMaxDrop: number;
  knowledgeWatch: boolean;
  /** How long the orchestrator waits after SIGTERM before it kills (STOP_TIMEOUT); the bot exits within it. */
  stopTimeoutSeconds: number;
  /** Settings that are valid but probably not what was meant, for main.ts to log once at start. */
  warnings: string[];
}

/** How a stop spends STOP_TIMEOUT (main.ts); tests derive their timings from it instead of copying numbers. */
export interface ShutdownBudget {
  /** From the signal to exit: STOP_TIMEOUT less half a second in reserve; a timer kills the process then. */
  limitMs: number;
  /** Left at the end for closing storage and exiting after the updates are drained (and the offset confirmed). */
  marginMs: number;
  /** The most the offset confirmation may take: the drain gives up this much earlier. */
  confirmMs: number;
}

export function shutdownBudget(stopTimeoutSeconds: number): ShutdownBudget {
  const limitMs = stopTimeoutSeconds * 1000 - 500;
  return { limitMs, marginMs: Math.min(700, limitMs / 10), confirmMs: Math.min(3000, limitMs / 3) };
}

/** One line naming the variable; never contains the token's value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

const DEFAULT_API_ROOT = "https://api.telegram.org";
/** RELOAD_MAX_DROP when unset: a reload that removes more than a fifth of the facts needs /reload force. */
export const DEFAULT_RELOAD_MAX_DROP = 0.2;

// An empty value (`KEY=` copied from .env.example) means "not set", so defaults still apply.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const httpUrl = (what: string) => z.string().trim().refine(isHttpUrl, `must be an http(s) URL of ${what}`);

const bool = z
  .string()
  .trim()
  .pipe(z.stringbool({ error: "must be true or false" }));

const wholeNumber = (what: string) => z.string().trim().regex(/^\d+$/, what).transform(Number);

const schema = z.object({
  // Format check only: the real check is Telegram's 401, which main.ts turns into a clear message.
  BOT_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "does not look like a token from @BotFather (digits:letters)"),
  ),
  TELEGRAM_API_ROOT: optional(httpUrl("a Bot API server").transform((v) => v.replace(/\/+$/, ""))),
  KNOWLEDGE_DIR: optional(z.string().trim()),
  LOG_LEVEL: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  ),
  WEBHOOK_URL: optional(
    httpUrl("this bot, as Telegram reaches it").refine(
      (v) => v.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(v),
      "must be https:// (Telegram only delivers webhooks over HTTPS)",
    ),
  ),
  WEBHOOK_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -"),
  ),
  PORT: optional(
    wholeNumber("must be a port number").refine((n) => n <= 65535, "must be a port number (0-65535)"),
  ),
  DATA_DIR: optional(z.string().trim()),
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL"),
  ),
  ADMIN_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*,?$/, "must be comma-separated numeric Telegram user ids")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map(Number),
      ),
  ),
  RETENTION_DAYS: optional(
    wholeNumber("must be a whole number of days").refine((n) => n >= 1, "must be at least 1"),
  ),
  RELOAD_MAX_DROP: optional(
    z
      .string()
      .trim()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/, "must be a share between 0 and 1, e.g. 0.2"),
  ).transform((v) => (v === undefined ? undefined : Number(v))),
  KNOWLEDGE_WATCH: optional(bool),
  // Below 2 s there is no time to finish an answer; Docker's default is 10, systemd's 90, Kubernetes' 30.
  STOP_TIMEOUT: optional(
    wholeNumber("must be a whole number of seconds, e.g. 10").refine(
      (n) => n >= 2 && n <= 3600,
      "must be between 2 and 3600 seconds",
    ),
  ),
});

/** Every variable the settings are read from, for the docs' completeness test. */
export const SETTING_NAMES = Object.keys(schema.shape);

/** Parses the environment; throws ConfigError (one line, naming the variable) on the first invalid setting. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    // zod's messages never echo the value, which matters for BOT_TOKEN and WEBHOOK_SECRET.
    throw new ConfigError(variable, issue?.message ?? "is invalid");
  }
  const e = parsed.data;
  const warnings: string[] = [];
  let webhook: WebhookConfig | undefined;
  if (e.WEBHOOK_URL !== undefined) {
    if (e.WEBHOOK_SECRET === undefined) {
      throw new ConfigError(
        "WEBHOOK_SECRET",
        "is required with WEBHOOK_URL (16-256 characters of A-Z a-z 0-9 _ -)",
      );
    }
    webhook = { url: e.WEBHOOK_URL, path: new URL(e.WEBHOOK_URL).pathname, secret: e.WEBHOOK_SECRET };
  } else if (e.WEBHOOK_SECRET !== undefined) {
    warnings.push(
      "WEBHOOK_SECRET is set but WEBHOOK_URL is not, so the bot long-polls and the secret is unused: " +
        "set WEBHOOK_URL for webhook mode, or remove WEBHOOK_SECRET",
    );
  }
  return {
    botToken: e.BOT_TOKEN,
    apiRoot: e.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT,
    knowledgeDir: e.KNOWLEDGE_DIR ?? "./knowledge",
    logLevel: e.LOG_LEVEL ?? "info",
    webhook,
    port: e.PORT ?? 8080,
    dataDir: e.DATA_DIR ?? "./data",
    redisUrl: e.REDIS_URL,
    adminIds: e.ADMIN_IDS ?? [],
    retentionDays: e.RETENTION_DAYS ?? 90,
    reloadMaxDrop: e.RELOAD_MAX_DROP ?? DEFAULT_RELOAD_MAX_DROP,
    knowledgeWatch: e.KNOWLEDGE_WATCH ?? true,
    stopTimeoutSeconds: e.STOP_TIMEOUT ?? 10,
    warnings,
  };
}
