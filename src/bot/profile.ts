import type { Api } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import { type About, LANGUAGES, type Lang } from "../knowledge/types.js";
import type { Logger } from "../logger.js";
import { texts } from "../texts/texts.js";

function commandList(lang: Lang, admin: boolean): BotCommand[] {
  const c = texts(lang).commands;
  const list: BotCommand[] = [
    { command: "ask", description: c.ask },
    { command: "help", description: c.help },
    { command: "sources", description: c.sources },
    { command: "about", description: c.about },
    { command: "start", description: c.start },
  ];
  return admin ? [...list, { command: "settings", description: c.settings }] : list;
}

/**
 * The bot's command menu, description and short description in en/ru/uk. English also goes in without a
 * language code: that is what users with any other interface language see. Called again after a reload that
 * changed knowledge/about.yaml.
 */
export async function setUpProfile(api: Api, logger: Logger, about?: Record<Lang, About>): Promise<void> {
  const targets: { lang: Lang; code?: LanguageCode }[] = [
    { lang: "en" },
    ...LANGUAGES.map((lang) => ({ lang, code: lang })),
  ];
  for (const { lang, code } of targets) {
    const language = code ? { language_code: code } : {};
    const t = texts(lang);
    const calls: [string, () => Promise<unknown>][] = [
      [
        "setMyCommands",
        () => api.setMyCommands(commandList(lang, false), { scope: { type: "default" }, ...language }),
      ],
      [
        "setMyCommands(admins)",
        () =>
          api.setMyCommands(commandList(lang, true), {
            scope: { type: "all_chat_administrators" },
            ...language,
          }),
      ],
      // What the knowledge is about (knowledge/about.yaml) first: Telegram shows it before the first /start.
      [
        "setMyDescription",
        () =>
          api.setMyDescription(
            about ? `${about[lang].summary}\n\n${t.shortDescription}`.slice(0, 512) : t.description,
            language,
          ),
      ],
      ["setMyShortDescription", () => api.setMyShortDescription(t.shortDescription, language)],
    ];
    for (const [name, call] of calls) {
      // Cosmetic: a failure (often a 429 with a long retry_after) is logged and the bot runs on.
      await call().catch((error) =>
        logger.warn({ err: error, call: name, lang: code ?? "default" }, "profile update failed"),
      );
    }
  }
  logger.info("command menu and descriptions set");
}
