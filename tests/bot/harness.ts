import { Writable } from "node:stream";
import type { Bot, BotError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { Engine } from "../../src/answer/types.js";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { createBot, processUpdate } from "../../src/bot/create-bot.js";
import type { RateLimit } from "../../src/bot/rate-limit.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/storage.js";
import { parseTelegramHtml, type UpdateInput } from "../../src/testing/fake-bot-api.js";
import { createFakeEngine } from "./fake-engine.js";

export const TOKEN = "987654321:AAUnitTestTokenThatMustNeverBeLogged_xyz";
export const BOT_INFO: UserFromGetMe = {
  id: 987654321,
  is_bot: true,
  first_name: "Factline",
  username: "factline_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

export interface ApiCall {
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are checked field by field in tests
  payload: Record<string, any>;
}

export interface TestBotOptions {
  engine?: Engine;
  storage?: Storage;
  now?: () => Date;
  rateLimit?: RateLimit;
  adminIds?: number[];
  /** Shared state of several instances (REDIS_URL); each bot keeps its own in memory without it. */
  cluster?: BotDeps["cluster"];
  /** getChatMember answers, by "chatId:userId". */
  members?: Record<string, string>;
  /** Make a method fail like Telegram would: return { error_code, description } for a call. */
  failWith?: (call: ApiCall) => { error_code: number; description: string } | undefined;
  /**
   * The test expects handler errors (they still reach bot.catch and are kept in `errors`). Without it, `send()`
   * fails on any error that reached bot.catch, so a "stays silent" test cannot pass because the handler threw.
   */
  expectErrors?: boolean;
}

export interface TestBot {
  bot: Bot<BotContext>;
  calls: ApiCall[];
  storage: Storage;
  /** Log lines written by the bot's logger (JSON strings). */
  logs: string[];
  members: Record<string, string>;
  /** Every error that reached bot.catch, in order. */
  errors: BotError<BotContext>[];
  /**
   * Runs one update through bot.handleUpdate and, on failure, bot.catch: exactly as polling does. Then rethrows
   * the first error bot.catch saw for this update, unless the bot was made with `expectErrors`.
   */
  send(update: UpdateInput): Promise<void>;
  /** Calls of one method (default sendMessage). */
  sent(method?: string): ApiCall[];
  /** Plain texts of the sent messages, as Telegram would show them. */
  texts(): string[];
}

let updateIds = 1;

/** A real pino logger (token redaction included) whose JSON lines are kept in `lines`. */
export function captureLogger(
  level: "debug" | "info" = "debug",
  secrets = [TOKEN],
): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    secrets,
    destination: new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { logger, lines };
}

/**
 * A bot wired exactly as in production (createBot), with botInfo preset and an outermost API transformer that
 * records every call and answers it locally: no network, and auto-retry never runs.
 * Every HTML text is checked with the fake Bot API's Telegram-like parser and refused the same way.
 */
export function createTestBot(options: TestBotOptions = {}): TestBot {
  const calls: ApiCall[] = [];
  const storage = options.storage ?? createMemoryStorage();
  const members = { ...options.members };
  const { logger, lines: logs } = captureLogger();
  const bot = createBot(
    { token: TOKEN, botInfo: BOT_INFO, rateLimit: options.rateLimit },
    {
      getEngine: (() => {
        const engine = options.engine ?? createFakeEngine();
        return () => engine;
      })(),
      storage,
      logger,
      adminIds: options.adminIds ?? [],
      now: options.now,
      cluster: options.cluster,
    },
  );
  const errors: BotError<BotContext>[] = [];
  const productionHandler = bot.errorHandler;
  bot.catch((error) => {
    errors.push(error);
    return productionHandler(error);
  });
  let messageIds = 500;
  bot.api.config.use(async (_prev, method, payload) => {
    const call = { method, payload: (payload ?? {}) as ApiCall["payload"] };
    calls.push(call);
    const failure = options.failWith?.(call);
    // biome-ignore lint/suspicious/noExplicitAny: a raw Bot API response
    const answer = (body: any) => body;
    if (failure) return answer({ ok: false, ...failure });
    if (method === "sendMessage" || method === "editMessageText") {
      const p = call.payload;
      if (p.parse_mode === "HTML") {
        const parsed = parseTelegramHtml(p.text);
        if (!parsed.ok) return answer({ ok: false, error_code: 400, description: parsed.error });
        if (parsed.text.length > 4096) {
          return answer({ ok: false, error_code: 400, description: "Bad Request: message is too long" });
        }
      } else if (String(p.text).length > 4096) {
        return answer({ ok: false, error_code: 400, description: "Bad Request: message is too long" });
      }
      return answer({
        ok: true,
        result: {
          message_id: messageIds++,
          date: 0,
          chat: { id: p.chat_id, type: p.chat_id < 0 ? "supergroup" : "private" },
          from: {
            id: BOT_INFO.id,
            is_bot: true,
            first_name: BOT_INFO.first_name,
            username: BOT_INFO.username,
          },
          text: p.text,
          ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
        },
      });
    }
    if (method === "getChatMember") {
      const status = members[`${call.payload.chat_id}:${call.payload.user_id}`] ?? "member";
      return answer({
        ok: true,
        result: { status, user: { id: call.payload.user_id, is_bot: false, first_name: "x" } },
      });
    }
    return answer({ ok: true, result: true });
  });

  return {
    bot,
    calls,
    storage,
    logs,
    members,
    errors,
    async send(update) {
      const before = errors.length;
      await processUpdate(bot, { ...update, update_id: update.update_id ?? updateIds++ } as Update);
      const thrown = errors[before];
      if (thrown && !options.expectErrors) {
        throw new Error(`a handler threw (bot.catch got it): ${String(thrown.error)}`, {
          cause: thrown.error,
        });
      }
    },
    sent: (method = "sendMessage") => calls.filter((c) => c.method === method),
    texts: () =>
      calls
        .filter((c) => c.method === "sendMessage")
        .map((c) => {
          const parsed = c.payload.parse_mode === "HTML" ? parseTelegramHtml(c.payload.text) : undefined;
          return parsed?.ok ? parsed.text : String(c.payload.text);
        }),
  };
}

/** Every sendMessage / editMessageText in HTML must parse as Telegram would parse it. */
export function expectValidHtml(calls: ApiCall[]): void {
  for (const c of calls) {
    if ((c.method === "sendMessage" || c.method === "editMessageText") && c.payload.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(c.payload.text);
      if (!parsed.ok) throw new Error(`invalid HTML (${parsed.error}): ${c.payload.text}`);
    }
  }
}
