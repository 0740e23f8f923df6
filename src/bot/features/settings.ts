import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { LANGUAGES } from "../../knowledge/types.js";
import { texts } from "../../texts/texts.js";
import { isCommandForUs } from "../addressing.js";
import { isGroupChat } from "../chat.js";
import type { BotContext } from "../context.js";
import { formatOffset, formatQuiet, type GroupSettings, parseQuiet } from "../group-settings.js";
import { type CallbackAction, decodeCallback, encodeCallback, type QuietPreset } from "../keyboards.js";
import { escapeHtml } from "../render-html.js";
import { sendHtml } from "../reply.js";

const QUIET_PRESETS: readonly QuietPreset[] = [
  { from: 22, to: 7 },
  { from: 23, to: 8 },
  { from: 0, to: 8 },
];

/**
 * Group admins only. An anonymous admin posts as the group itself (sender_chat = the group), which only an
 * admin can do. Everyone else is checked with getChatMember, so a fresh promotion counts at once.
 */
async function isGroupAdmin(ctx: BotContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || !isGroupChat(ctx)) return false;
  if (ctx.msg?.sender_chat?.id === chat.id && ctx.callbackQuery === undefined) return true;
  if (!ctx.from) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
    return member.status === "creator" || member.status === "administrator";
  } catch (error) {
    ctx.log.warn({ err: error }, "could not check admin rights");
    return false;
  }
}

/** The command as it works in a group: a bare /settings there is for every bot, and this one ignores it. */
const settingsCommand = (ctx: BotContext) => `/settings@${ctx.me.username}`;

function settingsHtml(settings: GroupSettings, ctx: BotContext): string {
  const t = texts(ctx.uiLang);
  const language = settings.language === "auto" ? t.settingsAuto : settings.language;
  const quiet = settings.quiet ? formatQuiet(settings.quiet) : t.off;
  return [
    `<b>${escapeHtml(t.settingsTitle)}</b>`,
    "",
    `${escapeHtml(t.settingsLanguage)}: <b>${escapeHtml(language)}</b>`,
    `${escapeHtml(t.settingsDidYouMean)}: <b>${escapeHtml(settings.didYouMean ? t.on : t.off)}</b>`,
    `${escapeHtml(t.settingsQuiet)}: <b>${escapeHtml(quiet)}</b>`,
    "",
    `<i>${escapeHtml(t.settingsQuietHint(settingsCommand(ctx)))}</i>`,
  ].join("\n");
}

function settingsKeyboard(settings: GroupSettings, ctx: BotContext): InlineKeyboardMarkup {
  const t = texts(ctx.uiLang);
  const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);
  const button = (label: string, on: boolean, action: CallbackAction): InlineKeyboardButton => ({
    text: mark(on, label),
    callback_data: encodeCallback(action),
  });
  const offset = settings.quiet?.offsetMinutes ?? 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    inline_keyboard: [
      [
        button(t.settingsAuto, settings.language === "auto", { kind: "settings-language", value: "auto" }),
        ...LANGUAGES.map((lang) =>
          button(lang, settings.language === lang, { kind: "settings-language", value: lang }),
        ),
      ],
      [
        button(`${t.settingsDidYouMean}: ${t.on}`, settings.didYouMean, {
          kind: "settings-did-you-mean",
          value: true,
        }),
        button(t.off, !settings.didYouMean, { kind: "settings-did-you-mean", value: false }),
      ],
      [
        button(`${t.settingsQuiet}: ${t.off}`, settings.quiet === null, {
          kind: "settings-quiet",
          value: "off",
        }),
        ...QUIET_PRESETS.map((p) =>
          button(
            `${pad(p.from)}–${pad(p.to)}${offset ? ` ${formatOffset(offset)}` : ""}`,
            settings.quiet?.from === p.from && settings.quiet?.to === p.to,
            { kind: "settings-quiet", value: p },
          ),
        ),
      ],
    ],
  };
}

/** The settings after a settings button's action; undefined for an action that is not a settings one. */
function applySettingsAction(settings: GroupSettings, action: CallbackAction): GroupSettings | undefined {
  switch (action.kind) {
    case "settings-language":
      return { ...settings, language: action.value };
    case "settings-did-you-mean":
      return { ...settings, didYouMean: action.value };
    case "settings-quiet":
      return {
        ...settings,
        quiet:
          action.value === "off"
            ? null
            : { ...action.value, offsetMinutes: settings.quiet?.offsetMinutes ?? 0 },
      };
    default:
      return undefined;
  }
}

/** Stores the settings; false (logged) when the storage fails, so the admin can be told it did not stick. */
async function saveSettings(ctx: BotContext, chatId: number, settings: GroupSettings): Promise<boolean> {
  try {
    await ctx.settingsStore.set(chatId, settings);
  } catch (error) {
    ctx.log.warn({ err: error }, "could not save group settings");
    return false;
  }
  ctx.log.info({ settings }, "group settings changed");
  return true;
}

export const settingsFeature = new Composer<BotContext>();

settingsFeature.command("settings", async (ctx) => {
  const t = texts(ctx.uiLang);
  if (!isGroupChat(ctx) || !ctx.chat) {
    await sendHtml(ctx, escapeHtml(t.settingsGroupOnly));
    return;
  }
  // A bare /settings in a group is for every bot there; /settings@ourbot is ours.
  if (!isCommandForUs(ctx)) return;
  const replyTo = ctx.msg.message_id;
  if (!(await isGroupAdmin(ctx))) {
    await sendHtml(ctx, escapeHtml(t.settingsAdminsOnly), { replyTo });
    return;
  }
  let settings = await ctx.settingsStore.get(ctx.chat.id);
  const [sub, ...rest] = ctx.match.trim().split(/\s+/);
  if (sub?.toLowerCase() === "quiet") {
    const quiet = parseQuiet(rest.join(" "));
    if (quiet === undefined) {
      await sendHtml(ctx, escapeHtml(t.settingsBadQuiet(settingsCommand(ctx))), { replyTo });
      return;
    }
    settings = { ...settings, quiet: quiet === "off" ? null : quiet };
    if (!(await saveSettings(ctx, ctx.chat.id, settings))) {
      await sendHtml(ctx, escapeHtml(t.settingsFailed), { replyTo });
      return;
    }
  }
  await sendHtml(ctx, settingsHtml(settings, ctx), { replyTo, markup: settingsKeyboard(settings, ctx) });
});

settingsFeature.on("callback_query:data", async (ctx, next) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (!action?.kind.startsWith("settings-")) return next();
  const t = texts(ctx.uiLang);
  if (!ctx.chat || !isGroupChat(ctx)) {
    await ctx.answerCallbackQuery({ text: t.staleButton });
    return;
  }
  if (!(await isGroupAdmin(ctx))) {
    await ctx.answerCallbackQuery({ text: t.settingsAdminsOnly, show_alert: true });
    return;
  }
  const current = await ctx.settingsStore.get(ctx.chat.id);
  const settings = applySettingsAction(current, action);
  if (!settings) return next();
  if (!(await saveSettings(ctx, ctx.chat.id, settings))) {
    // Always answered, or the button keeps spinning.
    await ctx.answerCallbackQuery({ text: t.settingsFailed });
    return;
  }
  await ctx.answerCallbackQuery({ text: t.settingsSaved });
  await ctx
    .editMessageText(settingsHtml(settings, ctx), {
      parse_mode: "HTML",
      reply_markup: settingsKeyboard(settings, ctx),
    })
    // Pressing the already-selected option leaves the text unchanged, which Telegram reports as an error.
    .catch((error) => ctx.log.debug({ err: error }, "settings message not edited"));
});
