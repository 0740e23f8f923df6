import type { Context } from "grammy";
import type { Engine } from "../answer/types.js";
import type { Cluster } from "../cluster/cluster.js";
import type { Lang } from "../knowledge/types.js";
import type { Logger } from "../logger.js";
import type { KnowledgeReloader } from "../reload/reloader.js";
import type { Storage } from "../storage/storage.js";
import type { SettingsStore } from "./group-settings.js";
import type { RecentQuestions } from "./recent-questions.js";

/** What the bot needs from the rest of the process; main.ts builds it, tests pass fakes. */
export interface BotDeps {
  /** The engine serving now; read once per update, so a reload never changes it mid-answer. */
  getEngine: () => Engine;
  storage: Storage;
  logger: Logger;
  /** Bot operators (ADMIN_IDS): may use /reload. Not the same as group admins. */
  adminIds: readonly number[];
  /** Present when knowledge can be reloaded at run time (the /reload command). */
  reloader?: Pick<KnowledgeReloader, "reload">;
  /**
   * Present when several instances share Redis (REDIS_URL): the rate limit, its notices and group settings are
   * then shared by all of them. Without it all three are kept in this process, as for a single instance.
   */
  cluster?: Pick<Cluster, "claims" | "changes" | "rateLimitClient">;
  /** The clock (quiet hours, the time logged with a question or vote); tests pin it. */
  now?: () => Date;
}

/** Set on every update by the first middleware in createBot. */
export interface BotContextFlavor {
  deps: BotDeps;
  /** Taken once from deps.getEngine() at the start of the update. */
  engine: Engine;
  /** When the update began to be handled (deps.now, else the clock): one time for all it decides and logs. */
  now: Date;
  /** The user's interface language (from Telegram's language_code), for fixed texts. */
  uiLang: Lang;
  settingsStore: SettingsStore;
  /** The questions recent answers answered, for the 👎 that follows one. */
  recentQuestions: RecentQuestions;
  /** A child logger carrying the update id. */
  log: Logger;
}

export type BotContext = Context & BotContextFlavor;
