export interface OutageLogger {
  warn: (obj: object, msg: string) => void;
  info: (obj: object, msg: string) => void;
}

export interface OutageReporterOptions {
  /** What is unreachable, as the log lines name it (no password). */
  name: string;
  logger: OutageLogger;
  /** How often an outage is summed up while it lasts. */
  intervalMs?: number;
  now?: () => number;
}

export interface OutageReporter {
  /** A failed attempt (a client reconnecting fails many times a second). */
  failed(error: Error): void;
  /** The connection works again. */
  recovered(): void;
  stop(): void;
}

/**
 * Turns a reconnecting client's stream of errors into what an operator wants to read: one warning when the
 * connection goes, one line when it is back, and a count in between instead of a stack trace per attempt.
 */
export function createOutageReporter(options: OutageReporterOptions): OutageReporter {
  const { name, logger, intervalMs = 60_000, now = Date.now } = options;
  let since: number | undefined;
  let failures = 0;
  // Stryker disable next-line StringLiteral: equivalent, set by every failed() before anything reads it
  let lastError = "";
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    failed(error) {
      lastError = error.message;
      failures++;
      if (since !== undefined) return;
      since = now();
      failures = 1;
      logger.warn(
        { error: lastError },
        `${name} is unreachable (${lastError}); retrying, with a summary every ${intervalMs / 1000} s until it is back`,
      );
      timer = setInterval(() => {
        const downForS = Math.round((now() - (since ?? now())) / 1000);
        logger.warn(
          { failures, downForS, error: lastError },
          `${name} still unreachable after ${downForS} s (${failures} failed attempts; last: ${lastError})`,
        );
      }, intervalMs);
      timer.unref();
    },
    recovered() {
      if (since === undefined) return;
      const downForS = Math.round((now() - since) / 1000);
      logger.info(
        { failures, downForS },
        `${name} is reachable again after ${downForS} s (${failures} failed attempts)`,
      );
      since = undefined;
      stop();
    },
    stop,
  };
}
