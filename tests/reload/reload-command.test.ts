import { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { pino } from "pino";
import { describe, expect, it, vi } from "vitest";
import type { BotContext, BotDeps } from "../../src/bot/context.js";
import { reloadFeature } from "../../src/bot/features/reload.js";
import type { KnowledgeReloader } from "../../src/reload/reloader.js";
import type { ReloadResult } from "../../src/reload/result.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { error, fakeEngine, ids, knowledge } from "./fakes.js";

const ADMIN = 1001;
const botInfo = { id: 42, is_bot: true, first_name: "Factline", username: "factline_bot" } as UserFromGetMe;

/** A bot with only /reload mounted, its outgoing API calls captured instead of sent. */
function harness(reloader?: Pick<KnowledgeReloader, "reload">) {
  const bot = new Bot<BotContext>("1:test", { botInfo });
  const calls: { method: string; payload: Record<string, unknown> }[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const result =
      method === "sendMessage" ? { message_id: calls.length, date: 0, chat: { id: 1 }, text: "" } : true;
    return { ok: true, result } as never;
  });
  const logger = pino({ level: "silent" });
  const engine = fakeEngine(knowledge(ids(3)));
  const deps: BotDeps = {
    getEngine: () => engine,
    storage: createMemoryStorage(),
    logger,
    adminIds: [ADMIN],
    reloader: reloader as KnowledgeReloader | undefined,
  };
  const fellThrough = vi.fn();
  bot.use((ctx, next) => {
    Object.assign(ctx, { deps, engine, uiLang: "en", log: logger });
    return next();
  });
  bot.use(reloadFeature);
  bot.use((ctx) => fellThrough(ctx.msg?.text));
  const send = (
    text: string,
    from = ADMIN,
    chat: { id: number; type: "private" | "supergroup" } = { id: from, type: "private" },
  ) =>
    bot.handleUpdate({
      update_id: 1,
      message: {
        message_id: 7,
        date: 0,
        chat:
          chat.type === "private"
            ? { ...chat, type: "private", first_name: "A" }
            : { ...chat, type: "supergroup", title: "G" },
        from: { id: from, is_bot: false, first_name: "A" },
        text,
        entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 0 }],
      },
    } as Update);
  const replies = () => calls.filter((c) => c.method === "sendMessage").map((c) => c.payload.text as string);
  return { send, replies, fellThrough, calls };
}

const success: ReloadResult = {
  ok: true,
  problems: [],
  diff: { added: ["new-fact"], removed: [], changed: ["kuzminov-reward"] },
  facts: 43,
  previousFacts: 42,
};

describe("/reload", () => {
  it("reloads for an admin and says what changed", async () => {
    const reload = vi.fn(async () => success);
    const { send, replies, calls } = harness({ reload });
    await send("/reload");
    expect(reload).toHaveBeenCalledWith({ force: false, trigger: "/reload" });
    expect(replies()).toEqual([
      "Knowledge reloaded: 43 facts (was 42).\nadded 1: new-fact\nchanged 1: kuzminov-reward",
    ]);
    const sent = calls.find((c) => c.method === "sendMessage")?.payload;
    expect(sent?.reply_parameters).toMatchObject({ message_id: 7 });
  });

  it("passes force, and replies with the errors when the new knowledge is broken", async () => {
    const failed: ReloadResult = {
      ok: false,
      problems: [error("knowledge/facts/x.yaml", 12)],
      diff: { added: [], removed: [], changed: [] },
      facts: 42,
      previousFacts: 42,
    };
    const reload = vi.fn(async () => failed);
    const { send, replies } = harness({ reload });
    await send("/reload@factline_bot force", ADMIN, { id: -100, type: "supergroup" });
    expect(reload).toHaveBeenCalledWith({ force: true, trigger: "/reload" });
    expect(replies()[0]).toContain("Reload failed: 1 error. Still serving the previous 42 facts.");
    expect(replies()[0]).toContain(
      "knowledge/facts/x.yaml:12: quote-not-found: quote not found in source src-a",
    );
  });

  it("escapes HTML in what it echoes", async () => {
    const reload = vi.fn(async () => ({ ...success, diff: { added: ["<b>"], removed: [], changed: [] } }));
    const { send, calls } = harness({ reload });
    await send("/reload");
    expect(calls.find((c) => c.method === "sendMessage")?.payload.text).toContain("added 1: &lt;b&gt;");
  });

  it("is invisible to anyone not in ADMIN_IDS: nothing reloads, the update falls through", async () => {
    const reload = vi.fn(async () => success);
    const { send, replies, fellThrough } = harness({ reload });
    await send("/reload force", 555);
    expect(reload).not.toHaveBeenCalled();
    expect(replies()).toEqual([]);
    expect(fellThrough).toHaveBeenCalledWith("/reload force");
  });

  it("rejects an unknown argument and explains when no reloader is configured", async () => {
    const reload = vi.fn(async () => success);
    const withReloader = harness({ reload });
    await withReloader.send("/reload now");
    expect(reload).not.toHaveBeenCalled();
    expect(withReloader.replies()).toEqual([
      "Unknown argument &quot;now&quot;. Use /reload or /reload force.",
    ]);

    const without = harness();
    await without.send("/reload");
    expect(without.replies()[0]).toMatch(/^Reloading is not available in this process/);
  });
});
