import { join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import { storedAnsweredUpdates } from "./bot/answered-updates.js";
import { ALLOWED_UPDATES, createBot, processUpdate } from "./bot/create-bot.js";
import { type InFlightUpdates, trackInFlightUpdates } from "./bot/in-flight-updates.js";
import { isFatalTelegramError, type Polling, startPolling } from "./bot/polling.js";
import { setUpProfile } from "./bot/profile.js";
import { type ApiFailure, describeTelegramFailure } from "./bot/telegram-failure.js";
import { startWebhookServer, type WebhookServer } from "./bot/webhook.js";
import { runConsoleChat } from "./cli/console-chat.js";
import { openCluster } from "./cluster/open-cluster.js";
import { type Config, ConfigError, type LogLevel, parseConfig, shutdownBudget } from "./config.js";
import type { Knowledge } from "./knowledge/types.js";
import { createLogger, createRedactor } from "./logger.js";
import { INDEX_CACHE_DIR } from "./reload/index-cache.js";
import { createKnowledgeReloader } from "./reload/reloader.js";
import { startReloadTriggers } from "./reload/triggers.js";
import { describeStorage, openStorage } from "./storage/open-storage.js";
import { scheduleRetention } from "./storage/retention.js";

// The bot's entry point (the CLIs in cli/ are the others): read the environment, load knowledge, start the
// bot or the console chat, stop it cleanly.

const START_TIMEOUT_MS = 20_000;

loadDotenv({ quiet: true });

let config: Config;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`factline: invalid setting ${error.message}\n`);
  process.exit(1);
}

// Everything in the shutdown works back from one limit: STOP_TIMEOUT is how long the orchestrator (Docker: 10 s,
// systemd, Kubernetes) waits after SIGTERM before it kills; half a second of it is kept in reserve.
const {
  limitMs: SHUTDOWN_LIMIT_MS,
  marginMs: SHUTDOWN_MARGIN_MS,
  confirmMs: CONFIRM_TIMEOUT_MS,
} = shutdownBudget(config.stopTimeoutSeconds);

// Without a token there is only the console chat (or a message saying how to get a token), and the terminal
// shows stderr too: only problems are logged, not the load report or the goodbye.
const chatty: readonly LogLevel[] = ["info", "debug", "trace"];
const logLevel = !config.botToken && chatty.includes(config.logLevel) ? "warn" : config.logLevel;
const redact = createRedactor([config.botToken, config.webhook?.secret]);
const logger = createLogger({ level: logLevel, secrets: [config.botToken, config.webhook?.secret] });
for (const warning of config.warnings) logger.warn(warning);

/** The one place a fatal problem is told: a human-readable line on stderr (never a secret), then exit. */
function fail(message: string, code = 1): never {
  process.stderr.write(`factline: ${redact(message)}\n`);
  process.exit(code);
}

let polling: Polling | undefined;
let webhook: { server: WebhookServer; inFlight: InFlightUpdates } | undefined;
/** Set while the console chat runs: Ctrl-C then just ends the chat. */
let consoleChat: AbortController | undefined;
let stopping = false;
/** What start-up opened, closed in reverse order on the way out. */
const cleanups: (() => Promise<void> | void)[] = [];

async function release(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error) => logger.warn({ err: error }, "cleanup failed"));
  }
}

async function shutdown(signal: string): Promise<void> {
  if (consoleChat) return consoleChat.abort();
  // With `npm start` under systemd, Docker or a terminal, the signal reaches npm and node alike, and npm
  // forwards it once more: repeats must not cut the graceful stop short. The timer is the backstop.
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: no new updates; finishing the answers in flight");
  const limit = Date.now() + SHUTDOWN_LIMIT_MS;
  setTimeout(() => {
    logger.error("shutdown took too long; exiting with answers possibly unsent");
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  // The drain gets what is left of the limit minus the margin (and, in polling, minus the offset confirmation),
  // so giving up on a slow answer still leaves time to confirm the offset and exit 0 before the backstop.
  const deadline = limit - SHUTDOWN_MARGIN_MS;
  const left = () => Math.max(0, deadline - Date.now());
  try {
    if (polling) await polling.stop(deadline);
    if (webhook) {
      // Requests in progress get a moment; a client holding a half-sent request is cut off, not waited for.
      await webhook.server.close(Math.min(1000, left()));
      if (!(await webhook.inFlight.drain(left()))) {
        logger.warn({ unfinished: webhook.inFlight.pending() }, "shutdown: gave up waiting for some updates");
      }
    }
  } catch (error) {
    logger.error({ err: error }, "error while stopping");
  }
  await release();
  logger.info("stopped");
  process.exit(0);
}

// Installed before anything starts, so a signal during start-up is a clean exit too.
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("unhandledRejection", (error) => logger.error({ err: error }, "unhandled promise rejection"));

const knowledgeDir = resolve(config.knowledgeDir);
// A reload that changes knowledge/about.yaml updates the bot's Telegram description (once the bot exists).
let onAboutChange: ((about: Knowledge["about"]) => void) | undefined;
let aboutShown = "";
const reloader = createKnowledgeReloader({
  dir: knowledgeDir,
  maxDrop: config.reloadMaxDrop,
  logger,
  // Built engines by the knowledge's content: a restart with unchanged knowledge reads its index in milliseconds.
  cacheDir: join(config.dataDir, INDEX_CACHE_DIR),
  onSwap: (engine) => {
    const about = JSON.stringify(engine.knowledge.about ?? null);
    if (about !== aboutShown && onAboutChange) onAboutChange(engine.knowledge.about);
    aboutShown = about;
  },
});
const initialLoad = await reloader.reload({ trigger: "start" });
if (!initialLoad.ok) {
  fail(
    `the knowledge in ${config.knowledgeDir} is not valid (see the errors above; npm run validate lists them all)`,
  );
}

if (!config.botToken) {
  if (process.stdin.isTTY) {
    consoleChat = new AbortController();
    await runConsoleChat(reloader.current(), {
      input: process.stdin,
      output: process.stdout,
      signal: consoleChat.signal,
    });
    process.exit(0);
  }
  fail(
    "BOT_TOKEN is not set. Get a token from @BotFather in Telegram (send /newbot and follow the steps), " +
      "put it in .env as BOT_TOKEN=<token> (see .env.example), and run npm start again. " +
      "Without a token, run npm start in a terminal to chat with the bot locally.",
  );
}
const token = config.botToken;

// Checked now (DATA_DIR written to, Redis answering), or every later vote and setting would be lost one by one.
const storage = await openStorage({
  dataDir: config.dataDir,
  redisUrl: config.redisUrl,
  logger,
  requireWritable: true,
}).catch((error) => fail(error instanceof Error ? error.message : String(error)));
cleanups.push(() => storage.close());
// Several instances behind one webhook URL share update claims, settings changes and rate limits through Redis.
const cluster = config.redisUrl
  ? await openCluster({ redisUrl: config.redisUrl, logger }).catch((error) =>
      fail(`cannot open Redis for the instances to share: ${error instanceof Error ? error.message : error}`),
    )
  : undefined;
if (cluster) cleanups.push(() => cluster.close());
const retention = scheduleRetention({ storage, retentionDays: config.retentionDays, logger });
cleanups.push(() => retention.stop());
cleanups.push(
  await startReloadTriggers({
    reloader,
    dir: knowledgeDir,
    watch: config.knowledgeWatch,
    logger,
  }),
);

// Auto-retry retries a 5xx or 429 until start-up gives up; the last of them says why it did.
let lastApiFailure: ApiFailure | undefined;
const bot = createBot(
  {
    token,
    apiRoot: config.apiRoot,
    onApiError: (failure) => {
      lastApiFailure = failure;
    },
  },
  { getEngine: () => reloader.current(), storage, logger, adminIds: config.adminIds, reloader, cluster },
);

type ApiSignal = Parameters<typeof bot.api.getMe>[0];
const failureContext = (waitedMs: number) => ({
  apiRoot: config.apiRoot,
  waitedMs,
  lastFailure: lastApiFailure,
});

/**
 * A start-up call, bounded: a silent server, or auto-retry backing off on 5xx and 429, must not hold start-up
 * with nothing said.
 */
async function startUpCall<T>(call: (signal: ApiSignal) => Promise<T>): Promise<T> {
  lastApiFailure = undefined;
  const started = Date.now();
  try {
    return await call(AbortSignal.timeout(START_TIMEOUT_MS) as ApiSignal);
  } catch (error) {
    fail(describeTelegramFailure(error, failureContext(Date.now() - started)));
  }
}

bot.botInfo = await startUpCall((signal) => bot.api.getMe(signal));
logger.info(
  { bot: bot.botInfo.username, facts: initialLoad.facts, storage: describeStorage(config) },
  `@${bot.botInfo.username} starting`,
);
// Cosmetic and sometimes rate-limited: never holds up answering.
void setUpProfile(bot.api, logger, reloader.current().knowledge.about);
onAboutChange = (about) => void setUpProfile(bot.api, logger, about);

if (config.webhook) {
  const { path, secret, url } = config.webhook;
  const inFlight = trackInFlightUpdates((update) => processUpdate(bot, update), {
    onError: (error, update) =>
      logger.error({ err: error, update: update.update_id }, "update handling crashed"),
  });
  const server = await startWebhookServer({
    path: config.webhook.path,
    secret: config.webhook.secret,
    port: config.port,
    inFlight,
    logger,
    claims: cluster?.claims,
  }).catch((error) =>
    fail(`cannot listen on PORT ${config.port}: ${error instanceof Error ? error.message : error}`),
  );
  webhook = { server, inFlight };
  await startUpCall((signal) =>
    bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }, signal),
  );
  logger.info({ port: server.port, path }, "webhook mode: listening");
} else {
  // A webhook left over from an earlier deployment makes getUpdates fail with 409.
  await startUpCall((signal) => bot.api.deleteWebhook(undefined, signal));
  polling = startPolling(bot, {
    logger,
    confirmTimeoutMs: CONFIRM_TIMEOUT_MS,
    answered: storedAnsweredUpdates(storage, {
      report: (damage) =>
        logger.warn(
          damage,
          `ignored the damaged list of answered updates at ${damage.where}: ${damage.reason}`,
        ),
    }),
  });
  logger.info("long polling: started");
  polling.done.catch(async (error) => {
    if (stopping) return;
    stopping = true;
    await release();
    fail(
      isFatalTelegramError(error)
        ? describeTelegramFailure(error, failureContext(0))
        : `polling stopped: ${String(error)}`,
    );
  });
}
