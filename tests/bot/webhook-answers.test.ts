import { connect } from "node:net";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { trackInFlightUpdates } from "../../src/bot/in-flight-updates.js";
import { SECRET_HEADER, startWebhookServer, type WebhookServer } from "../../src/bot/webhook.js";
import { captureLogger } from "./harness.js";

// What the webhook answers Telegram, a load balancer and a stray client, word for word: the status decides
// whether Telegram redelivers, the body is what an operator reads in a proxy log.

const SECRET = "unit_test_secret_0123456789";
let server: WebhookServer | undefined;
afterEach(async () => {
  await server?.close(50);
  server = undefined;
});

async function start() {
  const handled: number[] = [];
  const inFlight = trackInFlightUpdates(async (u: Update) => {
    handled.push(u.update_id);
  });
  const { logger, lines } = captureLogger("info");
  server = await startWebhookServer({
    path: "/hook",
    secret: SECRET,
    port: 0,
    host: "127.0.0.1",
    inFlight,
    logger,
  });
  const url = `http://127.0.0.1:${server.port}`;
  const request = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(url + path, init);
    return { status: res.status, body: await res.text(), type: res.headers.get("content-type") };
  };
  const post = (body: string, secret = SECRET) =>
    request("/hook", { method: "POST", headers: { [SECRET_HEADER]: secret }, body });
  return { handled, inFlight, request, post, lines, port: server.port };
}

/** Sends a request in two parts over one connection, calling `between` after the first; returns the response. */
async function split(port: number, head: string, rest: string, between: () => void): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk.toString();
  });
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(head);
  await new Promise((resolve) => setTimeout(resolve, 50));
  between();
  socket.write(rest);
  await closed;
  return received;
}

describe("the webhook's answers", () => {
  it("each refusal with its status and a one-line plain-text reason", async () => {
    const { request, post, lines } = await start();
    const text = "text/plain; charset=utf-8";
    expect(await request("/healthz")).toEqual({ status: 200, body: "ok", type: text });
    expect((await request("/healthz", { method: "HEAD" })).status).toBe(200);
    expect(await request("/healthz", { method: "POST" })).toEqual({
      status: 404,
      body: "not found",
      type: text,
    });
    expect(await request("/other")).toEqual({ status: 404, body: "not found", type: text });
    expect(await request("/hook")).toEqual({ status: 405, body: "method not allowed", type: text });
    expect(await post('{"update_id":1}', "wrong")).toEqual({ status: 401, body: "unauthorized", type: text });
    expect(await post("not json")).toEqual({ status: 400, body: "bad json", type: text });
    expect(await post("null")).toEqual({ status: 400, body: "no update_id", type: text });
    expect(await post('{"update_id":1.5}')).toEqual({ status: 400, body: "no update_id", type: text });
    expect(await post('{"update_id":3}')).toEqual({ status: 200, body: "ok", type: text });
    expect(await post('{"update_id":3}')).toEqual({ status: 200, body: "ok", type: text });
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: "webhook request without the right secret token",
        ip: expect.any(String),
      }),
    );
    expect(logged).toContainEqual(expect.objectContaining({ msg: "duplicate update ignored", update: 3 }));
  });

  it("takes a body of exactly 1 MiB and refuses one byte more", async () => {
    const { post, inFlight, handled } = await start();
    const body = (size: number) => {
      const head = '{"update_id":11,"pad":"';
      return `${head}${"x".repeat(size - head.length - 2)}"}`;
    };
    expect((await post(body(1024 * 1024))).status).toBe(200);
    expect(await post(body(1024 * 1024 + 1))).toMatchObject({ status: 413, body: "too large" });
    await inFlight.drain(1000);
    expect(handled).toEqual([11]);
  });

  it("while stopping: /healthz says 503 so a load balancer moves on, and an update is left for redelivery", async () => {
    const { port, handled } = await start();
    let closing: Promise<void> | undefined;
    const stop = () => {
      closing = server?.close(300);
      server = undefined;
    };
    const health = await split(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", "\r\n", stop);
    expect(health).toMatch(/^HTTP\/1\.1 503 [\s\S]*\r\n\r\n[\s\S]*stopping/);
    await closing;

    const again = await start();
    const body = '{"update_id":21}';
    const update = await split(
      again.port,
      `POST /hook HTTP/1.1\r\nHost: x\r\n${SECRET_HEADER}: ${SECRET}\r\nContent-Length: ${body.length}\r\n`,
      `\r\n${body}`,
      () => {
        closing = server?.close(300);
        server = undefined;
      },
    );
    expect(update).toMatch(/^HTTP\/1\.1 503 [\s\S]*\r\n\r\n[\s\S]*stopping/);
    await closing;
    expect(again.handled).toEqual([]);
    expect(handled).toEqual([]);
  });
});
