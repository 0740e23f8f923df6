import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type { Logger } from "pino";

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never reach a log line, e.g. the bot token and the webhook secret. */
  secrets?: readonly (string | undefined)[];
  /** Defaults to stderr, so stdout stays free for the console chat and CLI output. */
  destination?: DestinationStream;
}

const REDACTED = "[redacted]";

/** Every form a secret can take in a log line: as is, URL-encoded, and a token's secret half on its own. */
function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    const colon = secret.indexOf(":");
    // The part before the colon is the bot's public id; the part after it is what must stay secret.
    if (colon > 0 && secret.length - colon > 8) forms.add(secret.slice(colon + 1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Scrubs secrets from any text (log lines, error messages printed without the logger). */
export function createRedactor(secrets: readonly (string | undefined)[]): (text: string) => string {
  const forms = secretForms(secrets);
  if (forms.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
}

/**
 * Structured JSON logs to stderr. Secrets are removed from the finished line rather than by key paths,
 * because a token can hide anywhere: in a URL inside an error message, a stack or a request payload.
 */
export function createLogger(options: LoggerOptions): Logger {
  const redact = createRedactor(options.secrets ?? []);
  const destination = options.destination ?? pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ["token", "botToken", "*.token", "*.botToken"], censor: REDACTED },
      hooks: { streamWrite: redact },
    },
    destination,
  );
}
