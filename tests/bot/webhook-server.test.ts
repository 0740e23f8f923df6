import { connect, type Socket } from "node:net";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { trackInFlightUpdates } from "../../src/bot/in-flight-updates.js";
import { SECRET_HEADER, startWebhookServer, type WebhookServer } from "../../src/bot/webhook.js";
import { createLogger } from "../../src/logger.js";

const SECRET = "unit_test_secret_0123456789";
const logger = createLogger({ level: "silent" });
let server: WebhookServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client that sends part of a request's headers and then nothing: what a stalled or hostile client does. */
async function halfSentRequest(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  const socket = connect(port, "127.0.0.1");
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write("POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl");
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk.toString();
  });
  socket.on("error", () => undefined);
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  return { socket, closed };
}

describe("webhook server", () => {
  async function start(requestTimeoutMs?: number) {
    const handled: number[] = [];
    const inFlight = trackInFlightUpdates(async (u: Update) => {
      handled.push(u.update_id);
    });
    server = await startWebhookServer({
      path: "/hook",
      secret: SECRET,
      port: 0,
      host: "127.0.0.1",
      inFlight,
      logger,
      requestTimeoutMs,
    });
    const url = `http://127.0.0.1:${server.port}`;
    const post = (body: string, secret = SECRET, path = "/hook") =>
      fetch(url + path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { [SECRET_HEADER]: secret } : {}) },
        body,
      });
    return { handled, inFlight, url, post };
  }

  it("checks the secret, the path, the method and the body, and handles each update id once", async () => {
    const { handled, inFlight, url, post } = await start();
    expect((await post('{"update_id":1}', "")).status).toBe(401);
    expect((await post('{"update_id":1}', `${SECRET}x`)).status).toBe(401);
    expect((await post('{"update_id":1}', SECRET, "/other")).status).toBe(404);
    expect((await fetch(`${url}/hook`)).status).toBe(405);
    expect((await post("not json")).status).toBe(400);
    expect((await post('{"no":"id"}')).status).toBe(400);
    expect((await post("x".repeat(1024 * 1024 + 1))).status).toBe(413);
    expect((await post('{"update_id":7}')).status).toBe(200);
    expect((await post('{"update_id":7}')).status).toBe(200);
    expect((await post('{"update_id":8}')).status).toBe(200);
    await inFlight.drain(1000);
    expect(handled).toEqual([7, 8]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("close() does not wait for a client holding a half-sent request: it is cut after the grace time", async () => {
    const { url } = await start();
    const client = await halfSentRequest(server?.port ?? 0);
    // The server has the connection (it answers other requests meanwhile).
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await server?.close(50);
    server = undefined;
    await client.closed;
  });

  it("answers /healthz with 503 once stopping, for a request that was on its way", async () => {
    await start();
    const socket = connect(server?.port ?? 0, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let received = "";
    socket.on("data", (chunk) => {
      received += chunk.toString();
    });
    // Headers begun before the stop (so the connection is not idle and stays open), finished after it.
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server?.close(1000);
    server = undefined;
    socket.write("\r\n");
    const answered = new Promise<void>((resolve) => socket.once("data", () => resolve()));
    await answered;
    socket.destroy();
    await closing;
    expect(received).toMatch(/^HTTP\/1\.1 503/);
    expect(received).toContain("stopping");
  });

  it("cuts off a client that does not finish its request within the request timeout", async () => {
    await start(400);
    const client = await halfSentRequest(server?.port ?? 0);
    // Without the timeouts Node would keep this connection for a minute or more and the test would time out.
    expect(await client.closed).toMatch(/^HTTP\/1\.1 408/);
  });
});
