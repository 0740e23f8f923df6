import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { callbackQuery, groupMessage, privateText } from "../../src/testing/fake-bot-api.js";
import { texts } from "../../src/texts/texts.js";
import { BOT_INFO, createTestBot, expectValidHtml, type TestBot } from "./harness.js";

const GROUP = -100456;
const admin = { id: 3002, language_code: "en" };
const bob = { id: 3003, language_code: "en" };
const t = texts("en");
const settingsMessage = (reply_markup?: unknown) => ({
  message_id: 77,
  date: 0,
  chat: { id: GROUP, type: "supergroup", title: "G" },
  from: { id: BOT_INFO.id, is_bot: true, first_name: "Factline", username: BOT_INFO.username },
  text: "settings",
  ...(reply_markup ? { reply_markup } : {}),
});

type Button = { text: string; callback_data: string };
const rows = (markup: { inline_keyboard: Button[][] }) =>
  markup.inline_keyboard.map((row) => row.map((b) => b.text));

function adminBot() {
  const storage = createMemoryStorage();
  const bot = createTestBot({ storage, members: { [`${GROUP}:${admin.id}`]: "administrator" } });
  return { bot, storage };
}

async function open(bot: TestBot, text = "/settings@factline_bot") {
  await bot.send(groupMessage({ chatId: GROUP, from: admin, text }));
  return bot.sent().at(-1)?.payload as { text: string; reply_markup: { inline_keyboard: Button[][] } };
}

describe("the group settings keyboard", () => {
  it("ticks the current choice in each row and shows the group's offset on the quiet presets", async () => {
    const { bot } = adminBot();
    const sent = await open(bot, "/settings@factline_bot quiet 23-08 +02:00");
    expect(rows(sent.reply_markup)).toEqual([
      [`✓ ${t.settingsAuto}`, "en", "ru", "uk"],
      [`✓ ${t.settingsDidYouMean}: ${t.on}`, t.off],
      [`${t.settingsQuiet}: ${t.off}`, "22–07 UTC+02:00", "✓ 23–08 UTC+02:00", "00–08 UTC+02:00"],
    ]);
    expect(sent.text).toBe(
      [
        `<b>${t.settingsTitle}</b>`,
        "",
        `${t.settingsLanguage}: <b>${t.settingsAuto}</b>`,
        `${t.settingsDidYouMean.replaceAll('"', "&quot;")}: <b>${t.on}</b>`,
        `${t.settingsQuiet}: <b>23:00–08:00 UTC+02:00</b>`,
        "",
        `<i>${t.settingsQuietHint("/settings@factline_bot")}</i>`,
      ].join("\n"),
    );
    const plain = await open(adminBot().bot);
    expect(rows(plain.reply_markup)[2]).toEqual([
      `✓ ${t.settingsQuiet}: ${t.off}`,
      "22–07",
      "23–08",
      "00–08",
    ]);
    expectValidHtml(bot.calls);
  });

  it("a quiet preset keeps the group's offset; 'off' clears it; 'on' turns the buttons back on", async () => {
    const { bot, storage } = adminBot();
    const sent = await open(bot, "/settings@factline_bot   QUIET   22-07 +02:00");
    expect(await storage.get(`settings:${GROUP}`)).toMatchObject({
      quiet: { from: 22, to: 7, offsetMinutes: 120 },
    });
    const press = async (label: string) => {
      const button = sent.reply_markup.inline_keyboard
        .flat()
        .find((b) => b.text.replace(/^✓ /, "") === label);
      await bot.send(
        callbackQuery(admin, button?.callback_data as string, settingsMessage(sent.reply_markup)),
      );
    };
    await press("00–08 UTC+02:00");
    expect(await storage.get(`settings:${GROUP}`)).toMatchObject({
      quiet: { from: 0, to: 8, offsetMinutes: 120 },
    });
    const edited = bot.sent("editMessageText").at(-1)?.payload;
    expect(edited?.parse_mode).toBe("HTML");
    expect(rows(edited?.reply_markup)[2]).toEqual([
      `${t.settingsQuiet}: ${t.off}`,
      "22–07 UTC+02:00",
      "23–08 UTC+02:00",
      "✓ 00–08 UTC+02:00",
    ]);
    await press(`${t.settingsQuiet}: ${t.off}`);
    await press(t.off);
    expect(await storage.get(`settings:${GROUP}`)).toEqual({
      language: "auto",
      didYouMean: false,
      quiet: null,
    });
    await press(`${t.settingsDidYouMean}: ${t.on}`);
    await press("ru");
    expect(await storage.get(`settings:${GROUP}`)).toEqual({ language: "ru", didYouMean: true, quiet: null });
    expect(bot.sent("editMessageText").at(-1)?.payload.text).toContain(`${t.settingsLanguage}: <b>ru</b>`);
    expect(bot.sent("answerCallbackQuery").map((c) => c.payload.text)).toEqual(
      Array(5).fill(t.settingsSaved),
    );
    expect(bot.logs.filter((l) => l.includes("group settings changed"))).toHaveLength(6);
  });

  it("a settings button from a private chat is out of date; a non-admin gets an alert", async () => {
    const { bot, storage } = adminBot();
    const sent = await open(bot);
    const data = sent.reply_markup.inline_keyboard[0]?.[2]?.callback_data as string;
    await bot.send(
      callbackQuery(admin, data, { ...settingsMessage(), chat: { id: admin.id, type: "private" } }),
    );
    await bot.send(callbackQuery(bob, data, settingsMessage()));
    expect(bot.sent("answerCallbackQuery").map((c) => c.payload)).toEqual([
      expect.objectContaining({ text: t.staleButton }),
      expect.objectContaining({ text: t.settingsAdminsOnly, show_alert: true }),
    ]);
    expect(await storage.get(`settings:${GROUP}`)).toBeUndefined();
  });

  it("when admin rights cannot be checked, refuses and logs why", async () => {
    const bot = createTestBot({
      failWith: (call) =>
        call.method === "getChatMember" ? { error_code: 500, description: "down" } : undefined,
    });
    await bot.send(groupMessage({ chatId: GROUP, from: admin, text: "/settings@factline_bot" }));
    expect(bot.texts()).toEqual([t.settingsAdminsOnly]);
    expect(bot.sent()[0]?.payload.reply_parameters).toMatchObject({ message_id: expect.any(Number) });
    expect(bot.logs.some((l) => l.includes("could not check admin rights"))).toBe(true);
  });

  it("a user without a chat member status of admin is refused, in the group and in private explained", async () => {
    const bot = createTestBot({ members: { [`${GROUP}:${bob.id}`]: "member" } });
    await bot.send(groupMessage({ chatId: GROUP, from: bob, text: "/settings@factline_bot quiet 22-07" }));
    await bot.send(privateText(bob, "/settings"));
    expect(bot.texts()).toEqual([t.settingsAdminsOnly, t.settingsGroupOnly]);
  });
});
