import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/storage.js";
import { callbackQuery, groupMessage } from "../../src/testing/fake-bot-api.js";
import { logged } from "../storage/logged.js";
import { createFakeEngine } from "./fake-engine.js";
import { BOT_INFO, createTestBot, expectValidHtml } from "./harness.js";

const GROUP = -100123;
const bob = { id: 2001, language_code: "en" };
const admin = { id: 2002, language_code: "en" };
const botMessage = (text = "earlier answer") => ({
  message_id: 42,
  date: 0,
  chat: { id: GROUP, type: "supergroup", title: "G" },
  from: { id: BOT_INFO.id, is_bot: true, first_name: "Factline", username: BOT_INFO.username },
  text,
});

describe("groups", () => {
  it("answers small talk addressed to it with the same short reply, and ignores it otherwise", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "thanks" }));
    expect(t.sent()).toHaveLength(0);
    await t.send(
      groupMessage({ chatId: GROUP, from: { id: 2005, language_code: "uk" }, text: "@factline_bot дякую" }),
    );
    expect(t.texts()).toEqual([expect.stringMatching(/^Будь ласка!/)]);
    expect(t.sent()[0]?.payload.reply_parameters).toBeDefined();
    expect(await logged(t.storage, "unanswered")).toEqual([]);
  });

  it("never answers a message that does not address the bot", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "How many calls did the hotline get?" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "ask @someone_else about calls" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/frobnicate calls" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, fields: { sticker: { file_id: "s" } as never } }));
    await t.send(
      groupMessage({
        chatId: GROUP,
        from: bob,
        text: "reply to a person",
        fields: {
          reply_to_message: { ...botMessage(), from: { id: 5, is_bot: false, first_name: "P" } } as never,
        },
      }),
    );
    expect(t.calls).toHaveLength(0);
  });

  it("answers /ask@bot, /ask, a mention and a reply, each as a reply to the asking message", async () => {
    const t = createTestBot();
    const asks = [
      groupMessage({ chatId: GROUP, from: bob, text: "/ask@factline_bot how many calls?" }),
      groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }),
      groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot how many calls?" }),
      groupMessage({ chatId: GROUP, from: bob, text: "Hey @FACTLINE_BOT, how many soldiers surrendered?" }),
      groupMessage({
        chatId: GROUP,
        from: bob,
        text: "and the calls?",
        fields: { reply_to_message: botMessage() as never },
      }),
    ];
    for (const update of asks) await t.send(update);
    const sent = t.sent();
    expect(sent).toHaveLength(5);
    sent.forEach((call, i) => {
      expect(call.payload.chat_id).toBe(GROUP);
      expect(call.payload.reply_parameters).toEqual({
        message_id: asks[i]?.message?.message_id,
        allow_sending_without_reply: true,
      });
    });
    expect(t.texts()[3]).toContain("220 soldiers");
    expectValidHtml(t.calls);
  });

  it("passes the question without the mention to the engine", async () => {
    const engine = createFakeEngine();
    const t = createTestBot({ engine });
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot, how many calls?" }));
    expect(engine.asked.map((a) => a.question)).toEqual(["how many calls?"]);
  });

  it("ignores commands for another bot and a bare /ask replying to another bot", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask@other_bot how many calls?" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/help@other_bot" }));
    await t.send(
      groupMessage({
        chatId: GROUP,
        from: bob,
        text: "/ask how many calls?",
        fields: {
          reply_to_message: { ...botMessage(), from: { id: 77, is_bot: true, first_name: "Other" } } as never,
        },
      }),
    );
    expect(t.calls).toHaveLength(0);
  });

  it("does not talk to other bots", async () => {
    const t = createTestBot();
    await t.send(
      groupMessage({ chatId: GROUP, from: { id: 77, is_bot: true }, text: "@factline_bot calls?" }),
    );
    expect(t.calls).toHaveLength(0);
  });

  it("a bare mention gets a short prompt; /ask without a question gets usage", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask@factline_bot" }));
    expect(t.texts()[0]).toContain("Write your question after my name");
    expect(t.texts()[1]).toContain("Write the question after the command");
  });

  it("/settings@bot: non-admins get a short refusal", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/settings@factline_bot" }));
    expect(t.texts()).toEqual(["Only group admins can change the settings."]);
    expect(t.sent("getChatMember")[0]?.payload).toMatchObject({ chat_id: GROUP, user_id: bob.id });
  });

  it("/settings: admins and anonymous admins get the settings keyboard", async () => {
    const t = createTestBot({ members: { [`${GROUP}:${admin.id}`]: "administrator" } });
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot" }));
    await t.send(
      groupMessage({
        chatId: GROUP,
        from: { id: 1087968824, is_bot: true, first_name: "Group" },
        text: "/settings@factline_bot",
        fields: { sender_chat: { id: GROUP, type: "supergroup", title: "G" } as never },
      }),
    );
    expect(t.sent()).toHaveLength(2);
    for (const call of t.sent()) {
      expect(call.payload.text).toContain("Group settings");
      expect(call.payload.reply_markup.inline_keyboard).toHaveLength(3);
    }
    expectValidHtml(t.calls);
  });

  it("settings chosen by buttons persist across a restart and change how the group is answered", async () => {
    const storage = createMemoryStorage();
    const members = { [`${GROUP}:${admin.id}`]: "creator" };
    const t = createTestBot({ storage, members });
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot" }));
    const settingsMessage = { ...botMessage("settings"), reply_markup: t.sent()[0]?.payload.reply_markup };
    const buttons = t.sent()[0]?.payload.reply_markup.inline_keyboard.flat() as {
      text: string;
      callback_data: string;
    }[];
    const press = (label: string) =>
      t.send(
        callbackQuery(admin, buttons.find((b) => b.text === label)?.callback_data as string, settingsMessage),
      );
    await press("uk");
    await press("off");
    expect(t.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual(["Saved.", "Saved."]);
    const edited = t.sent("editMessageText");
    expect(edited).toHaveLength(2);
    expect(edited[1]?.payload.text).toContain("Answer language: <b>uk</b>");
    expect(await storage.get(`settings:${GROUP}`)).toMatchObject({
      language: "uk",
      didYouMean: false,
      quiet: null,
    });

    // A new process with the same storage: the fixed language reaches the engine, "did you mean" stays off.
    const engine = createFakeEngine();
    const restarted = createTestBot({ storage, engine });
    await restarted.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    expect(engine.asked[0]?.options?.language).toBe("uk");
    expect(restarted.texts()[0]).toContain("лінія отримала понад 26 000");
    await restarted.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask hotline?" }));
    const notAnswered = restarted.sent()[1]?.payload;
    expect(notAnswered?.text).not.toContain("Можливо");
    expect(notAnswered?.reply_markup).toBeUndefined();
  });

  it("a non-admin pressing a settings button is refused and nothing changes", async () => {
    const storage = createMemoryStorage();
    const t = createTestBot({ storage });
    await t.send(callbackQuery(bob, "s1:l:ru", botMessage("settings")));
    expect(t.sent("answerCallbackQuery")[0]?.payload).toMatchObject({
      text: "Only group admins can change the settings.",
    });
    expect(await storage.get(`settings:${GROUP}`)).toBeUndefined();
  });

  it("quiet hours: silence in the group while they last, answers again after", async () => {
    let now = new Date("2024-05-01T21:30:00Z"); // 23:30 at +02:00
    const members = { [`${GROUP}:${admin.id}`]: "administrator" };
    const t = createTestBot({ members, now: () => now });
    await t.send(
      groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot quiet 22-07 +02:00" }),
    );
    expect(t.texts()[0]).toContain("Quiet hours: 22:00–07:00 UTC+02:00");
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot calls?" }));
    expect(t.sent()).toHaveLength(1);
    now = new Date("2024-05-02T05:00:00Z"); // 07:00 at +02:00
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    expect(t.sent()).toHaveLength(2);
    await t.send(
      groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot quiet sometimes" }),
    );
    expect(t.texts()[2]).toContain("Write quiet hours as /settings@factline_bot quiet 22-07");
  });

  it("the settings message suggests only commands that work in a group, and they do", async () => {
    const t = createTestBot({ members: { [`${GROUP}:${admin.id}`]: "administrator" } });
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot" }));
    // A bare /settings is for every bot in the group, so this one ignores it: the hint names the bot.
    expect(t.texts()[0]?.split("\n").at(-1)).toBe(
      "Custom hours: /settings@factline_bot quiet 22-07 +02:00 (from-to, UTC offset), or /settings@factline_bot quiet off.",
    );
    await t.send(
      groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot quiet 22-07 +02:00" }),
    );
    expect(t.texts()[1]).toContain("Quiet hours: 22:00–07:00 UTC+02:00");
  });

  it("/settings in a private chat explains it is for groups", async () => {
    const t = createTestBot();
    await t.send({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: bob.id, type: "private", first_name: "Bob" },
        from: { ...bob, is_bot: false, first_name: "Bob" },
        text: "/settings",
        entities: [{ type: "bot_command", offset: 0, length: 9 }],
      },
    });
    expect(t.texts()[0]).toContain("Settings are for groups");
  });

  it("answers bare /help, /start, /sources, /about and /settings only in private; in a group only @bot ones", async () => {
    const t = createTestBot({ members: { [`${GROUP}:${admin.id}`]: "administrator" } });
    for (const text of ["/help", "/start", "/sources", "/about", "/settings", "/settings quiet 22-07"]) {
      await t.send(groupMessage({ chatId: GROUP, from: admin, text }));
    }
    // Several bots in a group would all answer a bare command; none of it is ours.
    expect(t.calls).toHaveLength(0);

    const help = groupMessage({ chatId: GROUP, from: bob, text: "/help@factline_bot" });
    await t.send(help);
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/sources@factline_bot" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/about@factline_bot" }));
    expect(t.sent()).toHaveLength(3);
    expect(t.sent()[0]?.payload.reply_parameters).toMatchObject({ message_id: help.message?.message_id });
    const helpText = t.texts()[0] as string;
    expect(helpText).toContain("How to ask");
    expect(helpText).toContain("In a group, ask with /ask");
    // The private-chat hint would be wrong here: the bot ignores what is not addressed to it.
    expect(helpText).not.toContain("just write a question");
    expect(t.texts()[1]).toContain("Sources (3)");
    expectValidHtml(t.calls);
  });

  it("rate limit: anonymous admins and channel senders have their own bucket in each group", async () => {
    const t = createTestBot({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const OTHER_GROUP = -100456;
    const ask = (chatId: number, from: { id: number }, senderChat: Record<string, unknown>) =>
      groupMessage({
        chatId,
        from: { ...from, is_bot: true },
        text: "/ask how many calls?",
        fields: { sender_chat: senderChat as never },
      });
    const anonymousAdmin = { id: 1087968824 };
    const channelBot = { id: 136817688 };
    const groupChat = (id: number) => ({ id, type: "supergroup", title: "G" });
    const channel = (id: number) => ({ id, type: "channel", title: "C" });
    const sentTo = (chatId: number) => t.sent().filter((c) => c.payload.chat_id === chatId);

    for (let i = 0; i < 3; i++) await t.send(ask(GROUP, anonymousAdmin, groupChat(GROUP)));
    // The third is over the limit; in a group that means silence.
    expect(sentTo(GROUP)).toHaveLength(2);
    // Anonymous admins of another group post as the same user id, but are not limited by this one.
    await t.send(ask(OTHER_GROUP, anonymousAdmin, groupChat(OTHER_GROUP)));
    expect(sentTo(OTHER_GROUP)).toHaveLength(1);
    // Channels posting in the group: each its own bucket, apart from the group's anonymous admins.
    for (let i = 0; i < 3; i++) await t.send(ask(GROUP, channelBot, channel(-100777)));
    await t.send(ask(GROUP, channelBot, channel(-100778)));
    expect(sentTo(GROUP)).toHaveLength(5);
  });

  it("storage failing: the group is answered with the defaults and settings changes say they were not saved", async () => {
    const down = async () => {
      throw new Error("storage is down");
    };
    const storage: Storage = { ...createMemoryStorage(), get: down, set: down };
    const t = createTestBot({ storage, members: { [`${GROUP}:${admin.id}`]: "administrator" } });
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot hotline?" }));
    expect(t.texts()[0]).toContain("26,000 calls");
    // "Did you mean" is on by default.
    expect(t.texts()[1]).toContain("Did you mean:");
    expect(t.logs.some((l) => l.includes("could not read group settings"))).toBe(true);

    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot" }));
    expect(t.sent()[2]?.payload.text).toContain("Answer language: <b>auto</b>");
    await t.send(callbackQuery(admin, "s1:l:ru", botMessage("settings")));
    expect(t.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "Could not save the settings right now. Please try again later.",
    ]);
    expect(t.sent("editMessageText")).toHaveLength(0);
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot quiet 22-07" }));
    expect(t.texts().at(-1)).toBe("Could not save the settings right now. Please try again later.");
  });
});
