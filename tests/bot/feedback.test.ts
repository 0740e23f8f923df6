import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileStorage, encodeKey } from "../../src/storage/file.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { hashWithSalt, pseudonymize } from "../../src/storage/pseudonym.js";
import type { Storage } from "../../src/storage/storage.js";
import { callbackQuery, groupMessage, privateText } from "../../src/testing/fake-bot-api.js";
import { logged } from "../storage/logged.js";
import { createTestBot } from "./harness.js";

const GROUP = -100321;
const bob = { id: 2001, language_code: "en" };
const carol = { id: 2003, language_code: "en" };

/** Asks a question in a private chat and returns a vote press on the answer, as Telegram would send it. */
async function voteOn(t: ReturnType<typeof createTestBot>, vote: "👍" | "👎") {
  await t.send(privateText(bob, "how many calls?"));
  const answer = t.sent().at(-1);
  const button = answer?.payload.reply_markup.inline_keyboard
    .flat()
    .find((b: { text: string }) => b.text === vote);
  const message = {
    message_id: 500 + t.sent().length - 1, // the harness numbers sent messages from 500
    date: 0,
    chat: { id: bob.id, type: "private", first_name: "Bob" },
    text: "…",
    reply_markup: answer?.payload.reply_markup,
  };
  return callbackQuery(bob, button.callback_data, message);
}

describe("feedback", () => {
  it("in a group the vote buttons stay after a vote, so everyone can vote (each counted once)", async () => {
    const t = createTestBot();
    const question = groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" });
    await t.send(question);
    const answer = t.sent()[0]?.payload;
    const up = answer?.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text === "👍");
    const message = {
      message_id: 600,
      date: 0,
      chat: { id: GROUP, type: "supergroup", title: "G" },
      text: "…",
      reply_markup: answer?.reply_markup,
      reply_to_message: question.message,
    };
    await t.send(callbackQuery(bob, up.callback_data, message));
    await t.send(callbackQuery(carol, up.callback_data, message));
    expect(t.sent("editMessageReplyMarkup")).toHaveLength(0);
    expect(t.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Thanks for the feedback!",
      "Thanks for the feedback!",
    ]);
    const feedback = await logged(t.storage, "feedback");
    expect(feedback).toMatchObject([
      { factId: "calls", vote: "up", chatType: "supergroup", question: "/ask how many calls?" },
      { factId: "calls", vote: "up", chatType: "supergroup" },
    ]);
    expect(feedback[0]?.voter).not.toBe(feedback[1]?.voter);
  });

  it("in a private chat a 👎 is stored with the question it answered, and without who voted", async () => {
    const t = createTestBot();
    await t.send(privateText(bob, "how many calls?"));
    const answer = t.sent()[0];
    const down = answer?.payload.reply_markup.inline_keyboard
      .flat()
      .find((b: { text: string }) => b.text === "👎");
    const message = {
      message_id: 500, // the harness numbers sent messages from 500
      date: 0,
      chat: { id: bob.id, type: "private", first_name: "Bob" },
      text: "…",
      reply_markup: answer?.payload.reply_markup,
    };
    await t.send(callbackQuery(bob, down.callback_data, message));
    const [vote] = await logged(t.storage, "feedback");
    expect(vote).toMatchObject({
      factId: "calls",
      vote: "down",
      chatType: "private",
      question: "how many calls?",
    });
    expect(JSON.stringify(vote)).not.toContain(String(bob.id));
  });

  it("concurrent first votes in one process share one salt", async () => {
    const memory = createMemoryStorage();
    let delay = 40;
    // Slower writes first: without a shared lookup each vote would create, write and read back its own salt.
    const storage: Storage = {
      ...memory,
      async set(key, value) {
        delay -= 10;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, delay)));
        await memory.set(key, value);
      },
    };
    const voters = await Promise.all([1, 2, 3, 4].map(() => pseudonymize(storage, 42)));
    expect(new Set(voters).size).toBe(1);
    const salt = await storage.get("privacy:salt");
    expect(voters[0]).toBe(hashWithSalt(salt as string, 42));
    expect(await pseudonymize(storage, 42)).toBe(voters[0]);
  });

  it("says when a vote could not be stored (read-only DATA_DIR), and keeps the buttons to try again", async () => {
    const memory = createMemoryStorage();
    const storage: Storage = {
      ...memory,
      async append() {
        throw Object.assign(new Error("EROFS: read-only file system, open 'data/logs/feedback/x.jsonl'"), {
          code: "EROFS",
        });
      },
    };
    const t = createTestBot({ storage });
    await t.send(await voteOn(t, "👍"));
    expect(t.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Sorry, your vote could not be saved right now. Please try again later.",
    ]);
    expect(t.sent("editMessageReplyMarkup")).toHaveLength(0);
    expect(t.logs.some((l) => l.includes("could not record feedback"))).toBe(true);
  });

  it("replaces a damaged salt file (with a warning) instead of refusing every vote; stored votes stay", async () => {
    const dir = await mkdtemp(join(tmpdir(), "factline-salt-"));
    try {
      const first = createTestBot({ storage: createFileStorage(dir) });
      await first.send(await voteOn(first, "👍"));
      const saltFile = join(dir, "settings", `${encodeKey("privacy:salt")}.json`);
      await writeFile(saltFile, "\0".repeat(64));

      // A new process (a restart): nothing cached.
      const second = createTestBot({ storage: createFileStorage(dir) });
      await second.send(await voteOn(second, "👎"));
      expect(second.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
        "Thanks for the feedback!",
      ]);
      expect(second.logs.some((l) => l.includes("the pseudonym salt was damaged; replaced it"))).toBe(true);
      expect((await logged(second.storage, "feedback")).map((v) => v.vote)).toEqual(["up", "down"]);
      const salt = JSON.parse(await readFile(saltFile, "utf8"));
      expect(salt).toMatch(/^[0-9a-f]{64}$/);

      // Valid JSON of the wrong shape is damage too, and the warning says which file holds it.
      await writeFile(saltFile, "12345");
      const third = createTestBot({ storage: createFileStorage(dir) });
      await third.send(await voteOn(third, "👍"));
      const warning = third.logs.find((l) => l.includes("the pseudonym salt was damaged; replaced it"));
      expect(JSON.parse(warning ?? "{}")).toMatchObject({
        where: saltFile,
        reason: "not the shape expected (the value: Invalid input: expected string, received number)",
      });
      expect(JSON.parse(await readFile(saltFile, "utf8"))).not.toBe(salt);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
