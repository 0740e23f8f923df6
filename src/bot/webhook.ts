import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { type Claims, createMemoryClaims } from "../cluster/claims.js";
import type { Logger } from "../logger.js";
import type { InFlightUpdates } from "./in-flight-updates.js";

export interface WebhookServerOptions {
  /** The only path updates are accepted on (the path of WEBHOOK_URL). */
  path: string;
  secret: string;
  port: number;
  host?: string;
  inFlight: InFlightUpdates;
  logger: Logger;
  /** How many recent update ids are remembered to drop Telegram's redeliveries (without shared claims). */
  rememberIds?: number;
  /**
   * Who has taken which update. Shared through Redis when several instances sit behind one URL, so an update
   * Telegram redelivers to another instance is still handled once; this process's memory otherwise.
   */
  claims?: Claims;
  /**
   * A request must be complete within this long (its headers within half of it), so that slow or stalled
   * clients cannot hold connections open; Telegram sends an update in one go. Default 10 s.
   */
  requestTimeoutMs?: number;
}

export interface WebhookServer {
  readonly port: number;
  /**
   * Stops accepting updates (503, so Telegram redelivers them later) and closes the listener; requests in
   * progress get up to `graceMs` to finish, then every connection still open is closed, idle or not, so a
   * client holding a half-sent request cannot hold up the shutdown.
   */
  close(graceMs?: number): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** Telegram keeps an update it could not deliver for up to 24 hours, so a redelivery can come that late. */
const UPDATE_CLAIM_MS = 24 * 60 * 60 * 1000;
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is still read to the end (not kept), so the 413 reaches the client cleanly; only a
  // sender that knows the secret gets this far.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? undefined : Buffer.concat(chunks).toString("utf8");
}

/**
 * Webhook mode: POST <path> with Telegram's secret header, GET /healthz for the orchestrator.
 * Each update is acknowledged once its handling has started (so Telegram does not time out and redeliver during a slow
 * answer), and an update_id already taken (here, or by another instance sharing the claims) is acknowledged
 * without being handled again.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { path, secret, inFlight, logger, rememberIds = 10_000 } = options;
  const claims = options.claims ?? createMemoryClaims({ maxKeys: rememberIds });
  let closing = false;

  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: requestTimeout / 2,
      // How often Node checks those timeouts (default 30 s, longer than the timeouts themselves).
      connectionsCheckingInterval: Math.min(1000, requestTimeout / 4),
    },
    async (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
        send(res, closing ? 503 : 200, closing ? "stopping" : "ok");
        return;
      }
      if (url.pathname !== path) return send(res, 404, "not found");
      if (req.method !== "POST") return send(res, 405, "method not allowed");
      if (!sameSecret(req.headers[SECRET_HEADER], secret)) {
        logger.warn({ ip: req.socket.remoteAddress }, "webhook request without the right secret token");
        return send(res, 401, "unauthorized");
      }
      if (closing) return send(res, 503, "stopping");
      const body = await readBody(req).catch(() => undefined);
      if (body === undefined) return send(res, 413, "too large");
      // Stopped while the body was on its way: not acknowledged, so Telegram delivers it again later.
      if (closing) return send(res, 503, "stopping");
      let update: Update;
      try {
        update = JSON.parse(body) as Update;
      } catch {
        return send(res, 400, "bad json");
      }
      if (!Number.isSafeInteger(update?.update_id)) return send(res, 400, "no update_id");
      if (!(await claims.claim(`update:${update.update_id}`, UPDATE_CLAIM_MS))) {
        logger.info({ update: update.update_id }, "duplicate update ignored");
        return send(res, 200, "ok");
      }
      inFlight.start(update);
      send(res, 200, "ok");
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async close(graceMs = 1000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([closed, grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
