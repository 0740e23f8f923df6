import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import { GrammyError, HttpError } from "grammy";
import { ALLOWED_UPDATES, createBot, processUpdate } from "./bot/create-bot.js";
import { isFatalTelegramError, type Polling, startPolling } from "./bot/polling.js";
import { setUpProfile } from "./bot/profile.js";
import { createUpdateQueue, type UpdateQueue } from "./bot/update-queue.js";
import { startWebhookServer, type WebhookServer } from "./bot/webhook.js";
import { runConsoleChat } from "./cli/console-chat.js";
import { openCluster } from "./cluster/open-cluster.js";
import { type Config, ConfigError, parseConfig } from "./config.js";
import type { Knowledge } from "./knowledge/types.js";
import { createLogger, createRedactor } from "./logger.js";
import { createKnowledgeReloader } from "./reload/reloader.js";
import { startReloadTriggers } from "./reload/triggers.js";
import { describeStorage, openStorage } from "./storage/open-storage.js";
import { scheduleRetention } from "./storage/retention.js";

// The only module with side effects: read the environment, load knowledge, start the bot, stop it cleanly.

// Orchestrators (systemd, Docker) kill after 10 s. Everything in the shutdown works back from one deadline.
const SHUTDOWN_LIMIT_MS = 9500;
/** Left at the end for closing storage and exiting after the updates are drained (and the offset confirmed). */
const SHUTDOWN_MARGIN_MS = 700;
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

const redact = createRedactor([config.botToken, config.webhook?.secret]);
const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.webhook?.secret] });

/** A human-readable line on stderr (next to the JSON log), then exit. Never prints a secret. */
function fail(message: string, code = 1): never {
  logger.fatal(message);
  process.stderr.write(`factline: ${redact(message)}\n`);
  process.exit(code);
}

function describeTelegramFailure(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 401) {
    return (
      "Telegram rejected BOT_TOKEN (401 Unauthorized): the token is wrong or was revoked. " +
      "Open @BotFather, send /mybots, pick the bot, choose API Token, and put the current token in BOT_TOKEN."
    );
  }
  if (error instanceof GrammyError && error.error_code === 409) {
    return (
      `Another instance is already receiving updates for this bot (409 Conflict: ${error.description}). ` +
      "Stop the other instance (or remove its webhook), then start this one again."
    );
  }
  if (error instanceof HttpError) {
    return `Cannot reach the Telegram Bot API at ${config.apiRoot} (${error.message}). Check the network and TELEGRAM_API_ROOT.`;
  }
  return `Telegram refused to start the bot: ${error instanceof Error ? error.message : String(error)}`;
}

let polling: Polling | undefined;
let webhook: { server: WebhookServer; queue: UpdateQueue } | undefined;
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
  try {
    if (polling) await polling.stop(deadline);
    if (webhook) {
      await webhook.server.close();
      if (!(await webhook.queue.drain(Math.max(0, deadline - Date.now())))) {
        logger.warn({ unfinished: webhook.queue.pending() }, "shutdown: gave up waiting for some updates");
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
// In the console chat (no token) the terminal shows stderr too: only problems, not the load report.
const reloadLogger = config.botToken ? logger : logger.child({}, { level: "warn" });
// A reload that changes knowledge/about.yaml updates the bot's Telegram description (once the bot exists).
let onAboutChange: ((about: Knowledge["about"]) => void) | undefined;
let aboutShown = "";
const reloader = createKnowledgeReloader({
  dir: knowledgeDir,
  maxDrop: config.reloadMaxDrop,
  logger: reloadLogger,
  onSwap: (engine) => {
    const about = JSON.stringify(engine.knowledge.about ?? null);
    if (about !== aboutShown && onAboutChange) onAboutChange(engine.knowledge.about);
    aboutShown = about;
  },
});
const first = await reloader.reload({ trigger: "start" });
if (!first.ok) {
  fail(
    `the knowledge in ${knowledgeDir} is not valid (see the errors above; npm run validate lists them all)`,
  );
}

if (!config.botToken) {
  if (process.stdin.isTTY) {
    await runConsoleChat(reloader.current(), { input: process.stdin, output: process.stdout });
    process.exit(0);
  }
  fail(
    "BOT_TOKEN is not set. Get a token from @BotFather in Telegram (send /newbot and follow the steps), " +
      "put it in .env as BOT_TOKEN=<token> (see .env.example), and run npm start again. " +
      "Without a token, run npm start in a terminal to chat with the bot locally.",
  );
}
const token = config.botToken;

const storage = await openStorage({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger }).catch(
  (error) =>
    fail(
      `cannot open storage (${describeStorage(config)}): ${error instanceof Error ? error.message : error}`,
    ),
);
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
    logger: reloadLogger,
  }),
);

const bot = createBot(
  { token, apiRoot: config.apiRoot },
  { getEngine: () => reloader.current(), storage, logger, adminIds: config.adminIds, reloader, cluster },
);

// Start-up calls are bounded: a silent server, or auto-retry backing off on 5xx and 429, must not hold start-up
// with nothing said.
const startSignal = () => AbortSignal.timeout(START_TIMEOUT_MS) as Parameters<typeof bot.api.getMe>[0];
function failToStart(error: unknown): never {
  fail(
    error instanceof GrammyError || error instanceof HttpError
      ? describeTelegramFailure(error)
      : // Aborted while auto-retry waited to try again.
        `Cannot reach the Telegram Bot API at ${config.apiRoot} within ${START_TIMEOUT_MS / 1000} s. ` +
          "Check the network and TELEGRAM_API_ROOT.",
  );
}

try {
  bot.botInfo = await bot.api.getMe(startSignal());
} catch (error) {
  failToStart(error);
}
logger.info(
  { bot: bot.botInfo.username, facts: first.facts, storage: describeStorage(config) },
  `@${bot.botInfo.username} starting`,
);
// Cosmetic and sometimes rate-limited: never holds up answering.
void setUpProfile(bot.api, logger, reloader.current().knowledge.about);
onAboutChange = (about) => void setUpProfile(bot.api, logger, about);

if (config.webhook) {
  const queue = createUpdateQueue((update) => processUpdate(bot, update), {
    onError: (error, update) =>
      logger.error({ err: error, update: update.update_id }, "update handling crashed"),
  });
  const server = await startWebhookServer({
    path: config.webhook.path,
    secret: config.webhook.secret,
    port: config.port,
    queue,
    logger,
    claims: cluster?.claims,
  }).catch((error) =>
    fail(`cannot listen on PORT ${config.port}: ${error instanceof Error ? error.message : error}`),
  );
  webhook = { server, queue };
  try {
    await bot.api.setWebhook(
      config.webhook.url,
      { secret_token: config.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] },
      startSignal(),
    );
  } catch (error) {
    failToStart(error);
  }
  logger.info({ port: server.port, path: config.webhook.path }, "webhook mode: listening");
} else {
  try {
    // A webhook left over from an earlier deployment makes getUpdates fail with 409.
    await bot.api.deleteWebhook(undefined, startSignal());
  } catch (error) {
    failToStart(error);
  }
  polling = startPolling(bot, { logger });
  logger.info("long polling: started");
  polling.done.catch(async (error) => {
    if (stopping) return;
    stopping = true;
    await release();
    fail(isFatalTelegramError(error) ? describeTelegramFailure(error) : `polling stopped: ${String(error)}`);
  });
}
