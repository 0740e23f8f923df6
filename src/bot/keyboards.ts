import { createHash } from "node:crypto";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { KnowledgeSummary } from "../answer/knowledge-summary.js";
import type { AnswerResult, Suggestion } from "../answer/types.js";
import { isHttpUrl } from "../common/http-url.js";
import { LANGUAGES, type Lang } from "../knowledge/types.js";
import { texts } from "../texts/texts.js";
import { trimPlain } from "./render-html.js";

/** Telegram's limit for callback_data, in bytes. */
const CALLBACK_DATA_LIMIT = 64;

export type LanguageSetting = "auto" | Lang;
export interface QuietPreset {
  from: number;
  to: number;
}

/** What a button asks for. Fact references are resolved against the current knowledge when pressed. */
export type CallbackAction =
  | { kind: "answer"; lang: Lang; factRef: string }
  | { kind: "vote"; vote: "up" | "down"; lang: Lang; factRef: string }
  | { kind: "settings-language"; value: LanguageSetting }
  | { kind: "settings-did-you-mean"; value: boolean }
  | { kind: "settings-quiet"; value: QuietPreset | "off" };

// The digit is the format version: buttons from an older format decode as unknown (a "stale" notice),
// never as some other action.
const FACT_ID = /^[A-Za-z0-9._-]+$/;
const HASH_REF = /^#[A-Za-z0-9_-]{16}$/;
const LANG = `(${LANGUAGES.join("|")})`;
const PATTERNS = {
  answer: new RegExp(`^a1:${LANG}:(.+)$`),
  vote: new RegExp(`^v1:([ud]):${LANG}:(.+)$`),
  language: new RegExp(`^s1:l:(auto|${LANGUAGES.join("|")})$`),
  didYouMean: /^s1:d:([01])$/,
  quiet: /^s1:q:(off|(\d{1,2})-(\d{1,2}))$/,
};

function hashRef(factId: string): string {
  return `#${createHash("sha256").update(factId).digest("base64url").slice(0, 16)}`;
}

/** A fact id when it is short and plain enough to fit; otherwise a hash of it. */
export function factRef(factId: string, budget: number): string {
  return FACT_ID.test(factId) && factId.length <= budget ? factId : hashRef(factId);
}

// Room for a fact reference after the longest prefix ("v1:u:en:"), so one budget serves every button.
const REF_BUDGET = CALLBACK_DATA_LIMIT - "v1:u:en:".length;

export function encodeCallback(action: CallbackAction): string {
  let data: string;
  switch (action.kind) {
    case "answer":
      data = `a1:${action.lang}:${action.factRef}`;
      break;
    case "vote":
      data = `v1:${action.vote === "up" ? "u" : "d"}:${action.lang}:${action.factRef}`;
      break;
    case "settings-language":
      data = `s1:l:${action.value}`;
      break;
    case "settings-did-you-mean":
      data = `s1:d:${action.value ? 1 : 0}`;
      break;
    case "settings-quiet":
      data = `s1:q:${action.value === "off" ? "off" : `${action.value.from}-${action.value.to}`}`;
      break;
  }
  if (Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) throw new Error(`callback data over 64 bytes: ${data}`);
  return data;
}

/** Production buttons go through encodeCallback too, so tests of the codec test what users press. */
export const answerData = (factId: string, lang: Lang) =>
  encodeCallback({ kind: "answer", lang, factRef: factRef(factId, REF_BUDGET) });
export const voteData = (factId: string, lang: Lang, vote: "up" | "down") =>
  encodeCallback({ kind: "vote", vote, lang, factRef: factRef(factId, REF_BUDGET) });

const validRef = (ref: string) => (FACT_ID.test(ref) || HASH_REF.test(ref)) && ref.length <= 60;
const hour = (s: string) => {
  const n = Number(s);
  return n >= 0 && n <= 23 ? n : undefined;
};

/** Parses callback data; anything malformed, oversized or from another format version gives undefined. */
export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (data === undefined || Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) return undefined;
  let m = PATTERNS.answer.exec(data);
  if (m)
    return validRef(m[2] as string)
      ? { kind: "answer", lang: m[1] as Lang, factRef: m[2] as string }
      : undefined;
  m = PATTERNS.vote.exec(data);
  if (m) {
    if (!validRef(m[3] as string)) return undefined;
    return { kind: "vote", vote: m[1] === "u" ? "up" : "down", lang: m[2] as Lang, factRef: m[3] as string };
  }
  m = PATTERNS.language.exec(data);
  if (m) return { kind: "settings-language", value: m[1] as LanguageSetting };
  m = PATTERNS.didYouMean.exec(data);
  if (m) return { kind: "settings-did-you-mean", value: m[1] === "1" };
  m = PATTERNS.quiet.exec(data);
  if (m) {
    if (m[1] === "off") return { kind: "settings-quiet", value: "off" };
    const from = hour(m[2] as string);
    const to = hour(m[3] as string);
    return from === undefined || to === undefined || from === to
      ? undefined
      : { kind: "settings-quiet", value: { from, to } };
  }
  return undefined;
}

const hashIndex = new WeakMap<readonly string[], Map<string, string>>();

/** The fact a reference points to in this knowledge, or undefined when it is gone (a stale button). */
export function resolveFactRef(
  ref: string,
  knowledge: Pick<KnowledgeSummary, "factIds">,
): string | undefined {
  const ids = knowledge.factIds;
  if (!ref.startsWith("#")) return ids.includes(ref) ? ref : undefined;
  let index = hashIndex.get(ids);
  if (!index) {
    index = new Map(ids.map((id) => [hashRef(id), id]));
    hashIndex.set(ids, index);
  }
  return index.get(ref);
}

function suggestionRows(suggestions: readonly Suggestion[], lang: Lang): InlineKeyboardButton[][] {
  const seen = new Set<string>();
  const rows: InlineKeyboardButton[][] = [];
  for (const s of suggestions) {
    if (seen.has(s.factId) || rows.length >= 3) continue;
    seen.add(s.factId);
    rows.push([{ text: trimPlain(s.question, 60), callback_data: answerData(s.factId, lang) }]);
  }
  return rows;
}

export interface AnswerKeyboardOptions {
  /** Related questions (answered) or "did you mean" questions (not answered). */
  suggestions: boolean;
  feedback: boolean;
}

/** Open article (URL), up to 3 related / "did you mean" questions, then 👍 / 👎. */
export function answerKeyboard(
  result: AnswerResult,
  options: AnswerKeyboardOptions,
): InlineKeyboardMarkup | undefined {
  const t = texts(result.language);
  const rows: InlineKeyboardButton[][] = [];
  if (result.answered && result.citation && isHttpUrl(result.citation.url)) {
    rows.push([{ text: `📄 ${t.openArticle}`, url: result.citation.url }]);
  }
  if (options.suggestions) rows.push(...suggestionRows(result.alternatives, result.language));
  if (options.feedback && result.answered && result.factId) {
    rows.push([
      { text: "👍", callback_data: voteData(result.factId, result.language, "up") },
      { text: "👎", callback_data: voteData(result.factId, result.language, "down") },
    ]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** The same keyboard without the vote buttons, once a vote is in. */
export function withoutVotes(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup {
  const rows = (markup?.inline_keyboard ?? [])
    .map((row) =>
      row.filter((b) => !("callback_data" in b) || decodeCallback(b.callback_data)?.kind !== "vote"),
    )
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}
