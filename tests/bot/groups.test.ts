import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { callbackQuery, groupMessage } from "../fake-bot-api.js";
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

  it("/settings: non-admins get a short refusal", async () => {
    const t = createTestBot();
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/settings" }));
    expect(t.texts()).toEqual(["Only group admins can change the settings."]);
    expect(t.sent("getChatMember")[0]?.payload).toMatchObject({ chat_id: GROUP, user_id: bob.id });
  });

  it("/settings: admins and anonymous admins get the settings keyboard", async () => {
    const t = createTestBot({ members: { [`${GROUP}:${admin.id}`]: "administrator" } });
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings" }));
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
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings" }));
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
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings quiet 22-07 +02:00" }));
    expect(t.texts()[0]).toContain("Quiet hours: 22:00–07:00 UTC+02:00");
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "@factline_bot calls?" }));
    expect(t.sent()).toHaveLength(1);
    now = new Date("2024-05-02T05:00:00Z"); // 07:00 at +02:00
    await t.send(groupMessage({ chatId: GROUP, from: bob, text: "/ask how many calls?" }));
    expect(t.sent()).toHaveLength(2);
    await t.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings quiet sometimes" }));
    expect(t.texts()[2]).toContain("Write quiet hours as");
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
});
