/**
 * A small fake Telegram Bot API server for end-to-end tests and the benchmark. It speaks the HTTP API the bot
 * uses (point TELEGRAM_API_ROOT at `url`), serves long-polling getUpdates from updates the test pushes,
 * validates outgoing HTML like Telegram does ("can't parse entities"), enforces the limits that matter
 * (4096-character texts, 64-byte callback data and inline result ids) and can inject faults (429, 500, ...).
 *
 *   const api = await startFakeBotApi();
 *   // start the bot with TELEGRAM_API_ROOT=api.url BOT_TOKEN=api.token
 *   api.pushUpdate(privateText(1, "How many calls?"));
 *   const [reply] = await api.waitForSent(1);
 *   await api.close();
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message, Update, UserFromGetMe } from "grammy/types";

export const DEFAULT_TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmn";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** ms since the server started. */
  at: number;
  /** HTTP status of the answer (200 when ok); undefined while the call is still open (a long poll). */
  status?: number;
  ok?: boolean;
  /** `result` when ok, `description` otherwise. */
  result?: unknown;
  description?: string;
}

export interface Fault {
  /** Method name, or "*" for every method. */
  method: string;
  code: number;
  description?: string;
  /** For 429: the retry_after Telegram sends. */
  retryAfter?: number;
  /** How many calls fail (default 1). */
  times?: number;
}

export interface FakeBotApiOptions {
  /** Default 0: any free port. */
  port?: number;
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** Status per "chatId:userId" for getChatMember; everyone else is a plain member. */
  chatMembers?: Record<string, "creator" | "administrator" | "member" | "restricted" | "left" | "kicked">;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Says what was awaited when the wait times out. */
  what?: string;
}

export interface FakeBotApi {
  /** Use as TELEGRAM_API_ROOT. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** Every API call, in arrival order. */
  readonly calls: RecordedCall[];
  /** The highest offset the bot confirmed with getUpdates (updates below it are gone). */
  readonly confirmedOffset: number;
  /** The last update_id handed out. */
  readonly lastUpdateId: number;
  chatMembers: NonNullable<FakeBotApiOptions["chatMembers"]>;
  /** Queues an update (update_id assigned when missing) and wakes a waiting getUpdates; returns the id. */
  pushUpdate(update: UpdateInput): number;
  pushUpdates(updates: readonly UpdateInput[]): number[];
  /** The next update_id pushUpdate would assign (to post updates to a webhook yourself). */
  nextUpdateId(): number;
  /** Successful calls of a method (default sendMessage). */
  sent(method?: string): RecordedCall[];
  /** Resolves with the first truthy value of `check`, re-evaluated after every call; rejects on timeout. */
  waitFor<T>(check: () => T | undefined | false | null, options?: WaitOptions): Promise<T>;
  /** Waits until at least `count` messages were sent successfully (sendMessage), and returns them all. */
  waitForSent(count: number, options?: WaitOptions): Promise<RecordedCall[]>;
  /** Waits until the bot is waiting in a long poll (getUpdates with a timeout, still open): it is ready. */
  waitForPoll(options?: WaitOptions): Promise<RecordedCall>;
  /** Waits for a call to `method` (arrived; maybe not answered yet) matching `match`. */
  waitForCall(
    method: string,
    match?: (call: RecordedCall) => boolean,
    options?: WaitOptions,
  ): Promise<RecordedCall>;
  injectFault(fault: Fault): void;
  /** Answers the next `times` calls of `method` (default 1) as usual, but only after `ms`: a slow Telegram. */
  delay(method: string, ms: number, times?: number): void;
  /**
   * Holds the next `times` calls of `method` (default 1) unanswered until `release()`, which answers those
   * waiting and lets the rest through: a Telegram that is slow for exactly as long as a test needs.
   */
  hold(method: string, times?: number): { release(): void };
  /** Forgets recorded calls (not updates or faults). */
  clearCalls(): void;
  close(): Promise<void>;
}

export type UpdateInput = Omit<Update, "update_id"> & { update_id?: number };

interface ApiAnswer {
  status: number;
  body: { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: object };
}

const ok = (result: unknown): ApiAnswer => ({ status: 200, body: { ok: true, result } });
const fail = (status: number, description: string, parameters?: object): ApiAnswer => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});
const badRequest = (description: string) => fail(400, `Bad Request: ${description}`);

// ---------------------------------------------------------------------------------------------------------
// Telegram's HTML parse mode

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

export interface ParsedEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export type ParseResult = { ok: true; text: string; entities: ParsedEntity[] } | { ok: false; error: string };

function decodeEntity(name: string): string | undefined {
  if (name === "lt") return "<";
  if (name === "gt") return ">";
  if (name === "amp") return "&";
  if (name === "quot") return '"';
  const num = /^#(\d+)$/.exec(name) ?? undefined;
  const hex = /^#x([0-9a-f]+)$/i.exec(name) ?? undefined;
  const code = num ? Number(num[1]) : hex ? Number.parseInt(hex[1] as string, 16) : undefined;
  if (code === undefined || code > 0x10ffff) return undefined;
  return String.fromCodePoint(code);
}

/** Decodes &...; entities in text or attribute values; undefined when one is unsupported or malformed. */
function decodeText(raw: string): { text: string } | { error: string } {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const end = raw.indexOf(";", i);
    const name = end > i ? raw.slice(i + 1, end) : "";
    const decoded = end > i && end - i <= 10 ? decodeEntity(name) : undefined;
    if (decoded === undefined) return { error: `Unsupported HTML entity or bare "&" at byte offset ${i}` };
    out += decoded;
    i = end;
  }
  return { text: out };
}

/**
 * Parses text the way Telegram's HTML parse mode does: only the documented tags, balanced, with the four named
 * entities and numeric ones. Returns the plain text (whose length Telegram limits) and the entities.
 */
export function parseTelegramHtml(html: string): ParseResult {
  const tagRe =
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/y;
  const attrRe = /([a-zA-Z-]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  let text = "";
  const entities: ParsedEntity[] = [];
  const stack: { name: string; start: number; url?: string }[] = [];
  let i = 0;
  const flushText = (raw: string): string | undefined => {
    if (raw.includes("<")) return "Unexpected <";
    const decoded = decodeText(raw);
    if ("error" in decoded) return decoded.error;
    text += decoded.text;
    return undefined;
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const chunk = lt === -1 ? html.slice(i) : html.slice(i, lt);
    const textError = flushText(chunk);
    if (textError) return { ok: false, error: `Bad Request: can't parse entities: ${textError}` };
    if (lt === -1) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(html);
    if (!m) {
      return {
        ok: false,
        error: `Bad Request: can't parse entities: Unclosed start tag at byte offset ${lt}`,
      };
    }
    const closing = m[1] === "/";
    const name = (m[2] as string).toLowerCase();
    if (!ALLOWED_TAGS.has(name)) {
      return {
        ok: false,
        error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${lt}`,
      };
    }
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) {
        return {
          ok: false,
          error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${lt}, expected "</${open?.name ?? ""}>", found "</${name}>"`,
        };
      }
      const length = text.length - open.start;
      if (length > 0) {
        entities.push({ type: name, offset: open.start, length, ...(open.url ? { url: open.url } : {}) });
      }
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? "").matchAll(attrRe)) {
        const value = a[3] ?? a[4] ?? a[5] ?? "";
        const decoded = decodeText(value);
        if ("error" in decoded)
          return { ok: false, error: `Bad Request: can't parse entities: ${decoded.error}` };
        attrs[(a[1] as string).toLowerCase()] = decoded.text;
      }
      if (name === "span" && attrs.class !== "tg-spoiler") {
        return {
          ok: false,
          error: `Bad Request: can't parse entities: Tag "span" must have class "tg-spoiler"`,
        };
      }
      let url: string | undefined;
      if (name === "a") {
        url = attrs.href ?? "";
        if (!/^(https?:\/\/|tg:\/\/)\S+$/i.test(url)) {
          return { ok: false, error: `Bad Request: can't parse entities: Wrong URL "${url}" in <a href>` };
        }
      }
      stack.push({ name, start: text.length, url });
    }
    i = lt + m[0].length;
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1] as { name: string };
    return {
      ok: false,
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.name}"`,
    };
  }
  return { ok: true, text, entities };
}

// ---------------------------------------------------------------------------------------------------------
// Validation of what the bot sends

function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function validateMarkup(markup: unknown): string | undefined {
  if (markup === undefined) return undefined;
  const parsed = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
  const rows = (parsed as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows))
    return "can't parse inline keyboard button: InlineKeyboardMarkup must be an Array";
  for (const row of rows) {
    if (!Array.isArray(row)) return "can't parse inline keyboard button: row must be an Array";
    for (const b of row as Record<string, unknown>[]) {
      if (typeof b.text !== "string" || b.text === "")
        return "can't parse inline keyboard button: Text is empty";
      if ("callback_data" in b) {
        const data = b.callback_data;
        if (typeof data !== "string" || byteLength(data) < 1 || byteLength(data) > 64)
          return "BUTTON_DATA_INVALID";
      } else if ("url" in b) {
        if (typeof b.url !== "string" || !/^(https?|tg):\/\/\S+$/.test(b.url)) return "BUTTON_URL_INVALID";
      } else if (!("switch_inline_query" in b) && !("switch_inline_query_current_chat" in b)) {
        return "can't parse inline keyboard button: button kind is not specified";
      }
    }
  }
  return undefined;
}

/** The text as Telegram would store it, or the 400 it would answer. */
function validateText(
  text: unknown,
  parseMode: unknown,
): { ok: true; text: string; entities: ParsedEntity[] } | ApiAnswer {
  if (typeof text !== "string" || text.trim() === "") return badRequest("message text is empty");
  let plain = text;
  let entities: ParsedEntity[] = [];
  if (parseMode === "HTML") {
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) return fail(400, parsed.error);
    plain = parsed.text;
    entities = parsed.entities;
  } else if (parseMode !== undefined) {
    return badRequest(`unsupported parse_mode ${String(parseMode)} in the fake`);
  }
  if (plain.trim() === "") return badRequest("message text is empty");
  if (plain.length > 4096) return badRequest("message is too long");
  return { ok: true, text: plain, entities };
}

// ---------------------------------------------------------------------------------------------------------
// Update builders (shared by tests and the benchmark)

let messageIds = 1_000_000;
const now = () => Math.floor(Date.now() / 1000);

export interface UserInput {
  id: number;
  first_name?: string;
  language_code?: string;
  is_bot?: boolean;
  username?: string;
}

function user(u: UserInput) {
  return { is_bot: false, first_name: `User ${u.id}`, ...u };
}

export function privateMessage(from: UserInput, fields: Partial<Message>): UpdateInput {
  return {
    message: {
      message_id: messageIds++,
      date: now(),
      chat: { id: from.id, type: "private", first_name: user(from).first_name },
      from: user(from),
      ...fields,
    } as NonNullable<Update["message"]>,
  };
}

/** A private text message; a leading /command gets its bot_command entity like Telegram adds. */
export function privateText(from: UserInput | number, text: string): UpdateInput {
  const u = typeof from === "number" ? { id: from } : from;
  return privateMessage(u, { text, ...commandEntities(text) });
}

export function commandEntities(text: string): Pick<Message, "entities"> {
  const m = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return m ? { entities: [{ type: "bot_command", offset: 0, length: m[0].length }] } : {};
}

export interface GroupMessageInput {
  chatId: number;
  from: UserInput;
  text?: string;
  fields?: Partial<Message>;
}

export function groupMessage({ chatId, from, text, fields }: GroupMessageInput): UpdateInput {
  const entities =
    text === undefined ? [] : [...(commandEntities(text).entities ?? []), ...mentionEntities(text)];
  return {
    message: {
      message_id: messageIds++,
      date: now(),
      chat: { id: chatId, type: "supergroup", title: `Group ${chatId}` },
      from: user(from),
      ...(text !== undefined ? { text } : {}),
      ...(entities.length ? { entities } : {}),
      ...fields,
    } as NonNullable<Update["message"]>,
  };
}

let callbackIds = 1;

/** A button press on a message the bot sent (`message` as returned by sendMessage), or on nothing known. */
export function callbackQuery(from: UserInput, data: string, message?: Record<string, unknown>): UpdateInput {
  return {
    callback_query: {
      id: String(callbackIds++),
      from: user(from),
      chat_instance: "test-instance",
      data,
      ...(message ? { message: message as unknown as Message } : {}),
    },
  } as UpdateInput;
}

let inlineIds = 1;

export function inlineQuery(from: UserInput, query: string): UpdateInput {
  return { inline_query: { id: String(inlineIds++), from: user(from), query, offset: "" } };
}

/** An edit of an earlier private text message. */
export function editedText(from: UserInput, text: string): UpdateInput {
  const message = privateText(from, text).message as Message;
  return { edited_message: { ...message, edit_date: now() } } as UpdateInput;
}

export function channelPost(chatId: number, text: string): UpdateInput {
  return {
    channel_post: {
      message_id: messageIds++,
      date: now(),
      chat: { id: chatId, type: "channel", title: `Channel ${chatId}` },
      sender_chat: { id: chatId, type: "channel", title: `Channel ${chatId}` },
      text,
    },
  } as UpdateInput;
}

/** @username mentions as Telegram marks them (UTF-16 offsets, like JS strings). */
export function mentionEntities(text: string): NonNullable<Message["entities"]> {
  return [...text.matchAll(/@[A-Za-z0-9_]{5,32}/g)]
    .filter((m) => !(m.index > 0 && text[m.index - 1] !== " " && text[m.index - 1] !== "\n"))
    .map((m) => ({ type: "mention" as const, offset: m.index, length: m[0].length }));
}

// ---------------------------------------------------------------------------------------------------------
// The server

async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const type = req.headers["content-type"] ?? "";
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (raw === "") return payload;
  if (type.includes("application/json"))
    return { ...payload, ...(JSON.parse(raw) as Record<string, unknown>) };
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ...payload, ...Object.fromEntries(new URLSearchParams(raw)) };
  }
  throw new Error(`unsupported content type ${type}`);
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botId = Number(token.split(":")[0]);
  const botInfo: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: "Factline Test",
    username: "factline_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    ...options.botInfo,
  } as UserFromGetMe;
  const started = Date.now();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const calls: RecordedCall[] = [];
  const queue: Update[] = [];
  const faults: (Fault & { left: number })[] = [];
  const delays: { method: string; ms: number; left: number }[] = [];
  const holds: { method: string; left: number; released: Promise<void> }[] = [];
  const chatMembers = { ...options.chatMembers };
  let nextId = 1;
  let lastUpdateId = 0;
  let confirmedOffset = 0;
  let sentIds = 1;
  /** The long poll waiting now; a new getUpdates ends it with 409 like Telegram does. */
  let pendingPoll: { finish: (answer: ApiAnswer) => void } | undefined;
  const sockets = new Set<import("node:net").Socket>();

  function takeFault(method: string): ApiAnswer | undefined {
    const fault = faults.find((f) => (f.method === method || f.method === "*") && f.left > 0);
    if (!fault) return undefined;
    fault.left--;
    if (fault.code === 429) {
      const retryAfter = fault.retryAfter ?? 1;
      return fail(429, fault.description ?? `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    const defaults: Record<number, string> = {
      400: "Bad Request",
      401: "Unauthorized",
      403: "Forbidden: bot was blocked by the user",
      409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      500: "Internal Server Error",
      502: "Bad Gateway",
    };
    return fail(fault.code, fault.description ?? defaults[fault.code] ?? "Error");
  }

  function confirm(offset: number) {
    if (offset <= 0) return;
    if (offset > confirmedOffset) confirmedOffset = offset;
    while (queue.length > 0 && (queue[0] as Update).update_id < offset) queue.shift();
  }

  function available(offset: number, limit: number): Update[] {
    return queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  function getUpdates(payload: Record<string, unknown>, req: IncomingMessage): Promise<ApiAnswer> {
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
    const timeout = Math.max(0, Number(payload.timeout ?? 0));
    confirm(offset);
    pendingPoll?.finish(
      fail(
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      ),
    );
    pendingPoll = undefined;
    const ready = available(offset, limit);
    if (ready.length > 0 || timeout === 0) return Promise.resolve(ok(ready));
    return new Promise((resolve) => {
      const poll = {
        finish: (answer: ApiAnswer) => {
          clearTimeout(timer);
          events.off("update", onUpdate);
          req.off("close", onClose);
          if (pendingPoll === poll) pendingPoll = undefined;
          resolve(answer);
        },
      };
      const onUpdate = () => {
        const list = available(offset, limit);
        if (list.length > 0) poll.finish(ok(list));
      };
      // The bot aborted the request (shutdown): nothing to answer.
      const onClose = () => poll.finish(ok([]));
      const timer = setTimeout(() => poll.finish(ok([])), timeout * 1000);
      events.on("update", onUpdate);
      req.on("close", onClose);
      pendingPoll = poll;
    });
  }

  function chatFor(chatId: unknown) {
    const id = Number(chatId);
    return id < 0
      ? { id, type: "supergroup" as const, title: `Group ${id}` }
      : { id, type: "private" as const, first_name: `User ${id}` };
  }

  function sentMessage(payload: Record<string, unknown>, text: string, entities: ParsedEntity[]) {
    const reply = payload.reply_parameters as { message_id?: number } | undefined;
    return {
      message_id: sentIds++,
      date: now(),
      chat: chatFor(payload.chat_id),
      from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
      text,
      ...(entities.length ? { entities } : {}),
      ...(reply?.message_id ? { reply_to_message: { message_id: reply.message_id } } : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    };
  }

  function handle(
    method: string,
    payload: Record<string, unknown>,
    req: IncomingMessage,
  ): ApiAnswer | Promise<ApiAnswer> {
    const fault = takeFault(method);
    if (fault) return fault;
    switch (method) {
      case "getMe":
        return ok(botInfo);
      case "getUpdates":
        return getUpdates(payload, req);
      case "sendMessage":
      case "editMessageText": {
        if (payload.chat_id === undefined && payload.inline_message_id === undefined) {
          return badRequest("chat_id is empty");
        }
        const checked = validateText(payload.text, payload.parse_mode);
        if (!("ok" in checked && checked.ok === true)) return checked as ApiAnswer;
        const markupError = validateMarkup(payload.reply_markup);
        if (markupError) return badRequest(markupError);
        return ok(sentMessage(payload, checked.text, checked.entities));
      }
      case "editMessageReplyMarkup": {
        const markupError = validateMarkup(payload.reply_markup);
        return markupError ? badRequest(markupError) : ok(true);
      }
      case "answerCallbackQuery": {
        const text = payload.text;
        if (typeof text === "string" && text.length > 200) return badRequest("MESSAGE_TOO_LONG");
        return typeof payload.callback_query_id === "string" ? ok(true) : badRequest("query id is invalid");
      }
      case "answerInlineQuery": {
        const results = (payload.results ?? []) as Record<string, unknown>[];
        if (!Array.isArray(results) || results.length > 50) return badRequest("RESULTS_TOO_MUCH");
        const ids = new Set<string>();
        for (const r of results) {
          const id = String(r.id ?? "");
          if (byteLength(id) < 1 || byteLength(id) > 64) return badRequest("RESULT_ID_INVALID");
          if (ids.has(id)) return badRequest("RESULT_ID_DUPLICATE");
          ids.add(id);
          const content = r.input_message_content as Record<string, unknown> | undefined;
          if (!content) return badRequest("input_message_content is missing");
          const checked = validateText(content.message_text, content.parse_mode);
          if (!("ok" in checked && checked.ok === true)) return checked as ApiAnswer;
          const markupError = validateMarkup(r.reply_markup);
          if (markupError) return badRequest(markupError);
          if (typeof r.title !== "string" || r.title === "") return badRequest("RESULT_TITLE_EMPTY");
        }
        return ok(true);
      }
      case "setMyCommands": {
        const commands = (payload.commands ?? []) as { command?: string; description?: string }[];
        for (const c of commands) {
          if (!/^[a-z0-9_]{1,32}$/.test(c.command ?? "")) return badRequest("BOT_COMMAND_INVALID");
          if (!c.description || c.description.length > 256)
            return badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        return ok(true);
      }
      case "setMyDescription":
        return String(payload.description ?? "").length > 512
          ? badRequest("description is too long")
          : ok(true);
      case "setMyShortDescription":
        return String(payload.short_description ?? "").length > 120
          ? badRequest("short description is too long")
          : ok(true);
      case "getChatMember": {
        const status = chatMembers[`${payload.chat_id}:${payload.user_id}`] ?? "member";
        return ok({ status, user: { id: Number(payload.user_id), is_bot: false, first_name: "Member" } });
      }
      case "setWebhook":
      case "deleteWebhook":
      case "sendChatAction":
        return ok(true);
      case "getWebhookInfo":
        return ok({ url: "", has_custom_certificate: false, pending_update_count: queue.length });
      default:
        return fail(404, "Not Found: method not found");
    }
  }

  const server = createServer(async (req, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const respond = (answer: ApiAnswer) => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    };
    if (!m) return respond(fail(404, "Not Found"));
    const method = m[2] as string;
    let payload: Record<string, unknown>;
    try {
      payload = await readPayload(req, url);
    } catch (error) {
      return respond(badRequest(String(error)));
    }
    // Recorded on arrival (a long poll can stay open for its whole timeout), completed when answered.
    const call: RecordedCall = { method, payload, at: Date.now() - started };
    calls.push(call);
    events.emit("call");
    const delay = delays.find((d) => d.method === method && d.left > 0);
    if (delay) {
      delay.left--;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
    }
    const held = holds.find((h) => h.method === method && h.left > 0);
    if (held) {
      held.left--;
      await held.released;
    }
    const answer =
      decodeURIComponent(m[1] as string) === token
        ? await handle(method, payload, req)
        : fail(401, "Unauthorized");
    call.status = answer.status;
    call.ok = answer.body.ok;
    if (answer.body.ok) call.result = answer.body.result;
    else call.description = answer.body.description;
    respond(answer);
    events.emit("call");
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  function waitFor<T>(check: () => T | undefined | false | null, wait: WaitOptions = {}): Promise<T> {
    const { timeoutMs = 10_000, what = "a condition" } = wait;
    return new Promise<T>((resolve, reject) => {
      const evaluate = () => {
        const value = check();
        if (value !== undefined && value !== false && value !== null) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Bot API: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        events.off("call", evaluate);
      };
      events.on("call", evaluate);
      evaluate();
    });
  }

  const sent = (method = "sendMessage") => calls.filter((c) => c.method === method && c.ok);
  function enqueue(input: UpdateInput): number {
    const update = { ...input, update_id: input.update_id ?? nextId } as Update;
    nextId = Math.max(nextId, update.update_id + 1);
    lastUpdateId = Math.max(lastUpdateId, update.update_id);
    queue.push(update);
    return update.update_id;
  }
  function pushUpdate(input: UpdateInput): number {
    const id = enqueue(input);
    events.emit("update");
    return id;
  }
  // All queued before the waiting long poll wakes, so they arrive in one batch, as a real burst does.
  function pushUpdates(inputs: readonly UpdateInput[]): number[] {
    const ids = inputs.map(enqueue);
    events.emit("update");
    return ids;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    botInfo,
    calls,
    chatMembers,
    get confirmedOffset() {
      return confirmedOffset;
    },
    get lastUpdateId() {
      return lastUpdateId;
    },
    nextUpdateId: () => nextId,
    pushUpdate,
    pushUpdates,
    sent,
    waitFor,
    waitForSent(count, wait = {}) {
      return waitFor(() => sent().length >= count && sent(), { what: `${count} sent messages`, ...wait });
    },
    waitForCall(method, match = () => true, wait = {}) {
      return waitFor(() => calls.find((c) => c.method === method && match(c)), {
        what: `a ${method} call`,
        ...wait,
      });
    },
    waitForPoll(wait = {}) {
      return waitFor(() => (pendingPoll ? calls.findLast((c) => c.method === "getUpdates") : undefined), {
        what: "the bot to long-poll getUpdates",
        ...wait,
      });
    },
    injectFault(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    delay(method, ms, times = 1) {
      delays.push({ method, ms, left: times });
    },
    hold(method, times = 1) {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ method, left: times, released });
      return { release };
    },
    clearCalls() {
      calls.length = 0;
    },
    async close() {
      pendingPoll?.finish(ok([]));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
