import type { Lang } from "../knowledge/types.js";

/**
 * The kinds of small talk the bot tells from questions (answer/small-talk.ts) and has a short reply for.
 * Defined with the replies, so a kind without a reply in every language does not compile.
 */
export type SmallTalk =
  | "greeting"
  | "thanks"
  | "bye"
  | "how-are-you"
  | "who-are-you"
  | "help"
  | "ok"
  | "test";

/**
 * Every fixed text a reader sees, in Telegram and in the console chat and CLI alike: one table, so both say
 * the same things. Plain text only: a renderer (render-html.ts, render-text.ts) escapes and adds markup, so a
 * translation can never break Telegram's HTML parser.
 */
export interface Texts {
  /** For dates (formatDate): "4 January 2024", "4 января 2024 г.". */
  locale: string;
  commands: { start: string; help: string; ask: string; sources: string; about: string; settings: string };
  description: string;
  shortDescription: string;
  helpTitle: string;
  /** `topic` (knowledge/about.yaml) completes the sentence when the knowledge has one. */
  helpKnows: (facts: number, sources: number, topic?: string) => string;
  /** /start's first line. */
  hello: (firstName: string) => string;
  helpPrivate: string;
  helpGroups: string;
  helpInline: (username: string) => string;
  helpExamples: string;
  /** A short, kind reply to small talk; the bot adds what it knows and example questions. */
  smallTalk: Record<SmallTalk, string>;
  aboutTitle: string;
  about: string;
  sourcesTitle: (count: number) => string;
  sourceLabel: string;
  /** After a date the source does not print (its published_note says how it was estimated). */
  dateUnverified: string;
  /** Before another report that says the same (agrees_with). */
  agreementLabel: string;
  conflictLabel: string;
  /** Before the same figure at other dates, oldest first. */
  timelineLabel: string;
  openArticle: string;
  /** No fact answers the question (or not surely enough): said instead of guessing. */
  notAnswered: string;
  /** Before the questions the reader may have meant (buttons in Telegram, a list in the console). */
  didYouMean: string;
  askUsage: string;
  mentionOnly: string;
  tooLong: (max: number) => string;
  nonText: string;
  unknownCommand: string;
  rateLimited: string;
  staleButton: string;
  feedbackThanks: string;
  feedbackNotSaved: string;
  inlineNoAnswer: string;
  settingsGroupOnly: string;
  settingsAdminsOnly: string;
  settingsTitle: string;
  settingsLanguage: string;
  settingsAuto: string;
  settingsDidYouMean: string;
  on: string;
  off: string;
  settingsQuiet: string;
  /** `command` is /settings@ourbot: in a group a bare /settings is for every bot, so this bot ignores it. */
  settingsQuietHint: (command: string) => string;
  settingsSaved: string;
  settingsBadQuiet: (command: string) => string;
  settingsFailed: string;
}

const en: Texts = {
  locale: "en-GB",
  commands: {
    start: "What I know and how to ask",
    help: "How to ask a question",
    ask: "Ask a question: /ask how many…",
    sources: "Every report I answer from",
    about: "What this bot is",
    settings: "Group settings (admins)",
  },
  description:
    "I answer questions about facts from a fixed list of published reports, and every answer names its source with a link. Ask in English, Russian or Ukrainian.",
  shortDescription: "Answers with a citation for every fact. Sources: /sources",
  helpTitle: "How to ask",
  helpKnows: (facts, sources, topic) =>
    `I know ${facts} facts from ${sources} published reports${topic ? ` about ${topic}` : ""} (see /sources).`,
  hello: (name) => `Hello, ${name}!`,
  helpPrivate:
    "Here, just write a question. I reply with the answer and its source; the buttons open the article, show related questions and let you rate the answer.",
  helpGroups:
    "In a group, ask with /ask your question, mention me, or reply to one of my messages. I stay silent otherwise.",
  helpInline: (username) => `In any chat, type @${username} and a question to share a cited answer.`,
  helpExamples: "For example:",
  smallTalk: {
    greeting: "Hello! I answer questions from published reports, each answer with its source.",
    thanks: "You're welcome!",
    bye: "Goodbye! Ask again any time.",
    "how-are-you": "All well, thank you: ready for your questions.",
    "who-are-you":
      "I'm a bot that answers questions from published reports and cites the article for every answer.",
    help: "Here is what I can do.",
    ok: "👍",
    test: "I'm here and working.",
  },
  aboutTitle: "About",
  about:
    "A bot that answers questions only from the reports listed in /sources. Every answer says who reported it, when, and links the article. If the reports do not cover a question, I say so instead of guessing.",
  sourcesTitle: (count) => `Sources (${count})`,
  sourceLabel: "Source",
  dateUnverified: "date unverified",
  agreementLabel: "Another report agrees",
  conflictLabel: "Another report differs",
  timelineLabel: "The same figure at other dates",
  openArticle: "Open article",
  notAnswered:
    "I have no sourced answer to that. I only answer from the reports listed in /sources, so I would rather not guess.",
  didYouMean: "Did you mean:",
  askUsage: "Write the question after the command, e.g. /ask how many calls did the hotline receive?",
  mentionOnly: "Yes? Write your question after my name, or reply to this message with it.",
  tooLong: (max) =>
    `That is too long for a question (over ${max} characters). Please ask in a sentence or two.`,
  nonText: "I can only read text. Please type your question.",
  unknownCommand: "I don't know that command. Write your question as a message, or see /help.",
  rateLimited: "That's a lot of questions at once. Please wait a few seconds and ask again.",
  staleButton: "This button is out of date. Please ask the question again.",
  feedbackThanks: "Thanks for the feedback!",
  feedbackNotSaved: "Sorry, your vote could not be saved right now. Please try again later.",
  inlineNoAnswer: "No sourced answer to that",
  settingsGroupOnly: "Settings are for groups. Here I answer in the language of your question.",
  settingsAdminsOnly: "Only group admins can change the settings.",
  settingsTitle: "Group settings",
  settingsLanguage: "Answer language",
  settingsAuto: "auto",
  settingsDidYouMean: '"Did you mean" buttons',
  on: "on",
  off: "off",
  settingsQuiet: "Quiet hours",
  settingsQuietHint: (command) =>
    `Custom hours: ${command} quiet 22-07 +02:00 (from-to, UTC offset), or ${command} quiet off.`,
  settingsSaved: "Saved.",
  settingsFailed: "Could not save the settings right now. Please try again later.",
  settingsBadQuiet: (command) =>
    `Write quiet hours as ${command} quiet 22-07, optionally with a UTC offset like +02:00, or off.`,
};

const ru: Texts = {
  locale: "ru-RU",
  commands: {
    start: "Что я знаю и как спросить",
    help: "Как задать вопрос",
    ask: "Задать вопрос: /ask сколько…",
    sources: "Все источники ответов",
    about: "Что это за бот",
    settings: "Настройки группы (админы)",
  },
  description:
    "Я отвечаю на вопросы о фактах из списка опубликованных материалов, и у каждого ответа есть источник со ссылкой. Спрашивайте на русском, украинском или английском.",
  shortDescription: "Ответы с источником для каждого факта. Источники: /sources",
  helpTitle: "Как спросить",
  helpKnows: (facts, sources, topic) =>
    `Я знаю фактов: ${facts}, из опубликованных материалов: ${sources}${topic ? `, про ${topic}` : ""} (см. /sources).`,
  hello: (name) => `Здравствуйте, ${name}!`,
  helpPrivate:
    "Здесь просто напишите вопрос. Я отвечу и укажу источник; кнопки открывают статью, показывают похожие вопросы и позволяют оценить ответ.",
  helpGroups:
    "В группе спрашивайте через /ask вопрос, упоминание меня или ответ на моё сообщение. Иначе я молчу.",
  helpInline: (username) =>
    `В любом чате наберите @${username} и вопрос, чтобы поделиться ответом с источником.`,
  helpExamples: "Например:",
  smallTalk: {
    greeting:
      "Здравствуйте! Я отвечаю на вопросы по опубликованным материалам и к каждому ответу даю источник.",
    thanks: "Пожалуйста!",
    bye: "До свидания! Спрашивайте в любое время.",
    "how-are-you": "Всё хорошо, спасибо: жду ваших вопросов.",
    "who-are-you":
      "Я бот, который отвечает на вопросы по опубликованным материалам и к каждому ответу даёт ссылку на статью.",
    help: "Вот что я умею.",
    ok: "👍",
    test: "Я на связи и работаю.",
  },
  aboutTitle: "О боте",
  about:
    "Бот отвечает только по материалам из списка /sources. В каждом ответе сказано, кто и когда это сообщил, и есть ссылка на статью. Если материалы не отвечают на вопрос, я так и говорю, а не угадываю.",
  sourcesTitle: (count) => `Источники (${count})`,
  sourceLabel: "Источник",
  dateUnverified: "дата не подтверждена",
  agreementLabel: "Другой источник подтверждает",
  conflictLabel: "Другой источник расходится",
  timelineLabel: "Эта же цифра на другие даты",
  openArticle: "Открыть статью",
  notAnswered:
    "У меня нет ответа на это с источником. Я отвечаю только по материалам из /sources и не хочу угадывать.",
  didYouMean: "Возможно, вы имели в виду:",
  askUsage: "Напишите вопрос после команды, например: /ask сколько звонков получила линия?",
  mentionOnly: "Да? Напишите вопрос после моего имени или ответьте на это сообщение.",
  tooLong: (max) =>
    `Это слишком длинно для вопроса (больше ${max} символов). Спросите, пожалуйста, в одном-двух предложениях.`,
  nonText: "Я понимаю только текст. Напишите, пожалуйста, вопрос.",
  unknownCommand: "Я не знаю такой команды. Напишите вопрос сообщением или см. /help.",
  rateLimited: "Слишком много вопросов сразу. Подождите несколько секунд и спросите снова.",
  staleButton: "Эта кнопка устарела. Задайте вопрос ещё раз.",
  feedbackThanks: "Спасибо за отзыв!",
  feedbackNotSaved: "Извините, сейчас не удалось сохранить ваш голос. Попробуйте позже.",
  inlineNoAnswer: "Нет ответа с источником",
  settingsGroupOnly: "Настройки — для групп. Здесь я отвечаю на языке вопроса.",
  settingsAdminsOnly: "Менять настройки могут только админы группы.",
  settingsTitle: "Настройки группы",
  settingsLanguage: "Язык ответов",
  settingsAuto: "авто",
  settingsDidYouMean: "Кнопки «Возможно, вы имели в виду»",
  on: "вкл",
  off: "выкл",
  settingsQuiet: "Тихие часы",
  settingsQuietHint: (command) =>
    `Свои часы: ${command} quiet 22-07 +03:00 (с-до, смещение от UTC) или ${command} quiet off.`,
  settingsSaved: "Сохранено.",
  settingsFailed: "Сейчас не удалось сохранить настройки. Попробуйте позже.",
  settingsBadQuiet: (command) =>
    `Укажите тихие часы так: ${command} quiet 22-07, можно со смещением от UTC, например +03:00, или off.`,
};

const uk: Texts = {
  locale: "uk-UA",
  commands: {
    start: "Що я знаю і як запитати",
    help: "Як поставити запитання",
    ask: "Запитати: /ask скільки…",
    sources: "Усі джерела відповідей",
    about: "Що це за бот",
    settings: "Налаштування групи (адміни)",
  },
  description:
    "Я відповідаю на запитання про факти з переліку опублікованих матеріалів, і кожна відповідь має джерело з посиланням. Питайте українською, російською або англійською.",
  shortDescription: "Відповіді з джерелом для кожного факту. Джерела: /sources",
  helpTitle: "Як запитати",
  helpKnows: (facts, sources, topic) =>
    `Я знаю фактів: ${facts}, з опублікованих матеріалів: ${sources}${topic ? `, про ${topic}` : ""} (див. /sources).`,
  hello: (name) => `Вітаю, ${name}!`,
  helpPrivate:
    "Тут просто напишіть запитання. Я відповім і вкажу джерело; кнопки відкривають статтю, показують пов'язані запитання й дають оцінити відповідь.",
  helpGroups:
    "У групі питайте через /ask запитання, згадку про мене або відповідь на моє повідомлення. Інакше я мовчу.",
  helpInline: (username) =>
    `У будь-якому чаті наберіть @${username} і запитання, щоб поділитися відповіддю з джерелом.`,
  helpExamples: "Наприклад:",
  smallTalk: {
    greeting:
      "Вітаю! Я відповідаю на запитання за опублікованими матеріалами і до кожної відповіді даю джерело.",
    thanks: "Будь ласка!",
    bye: "До побачення! Питайте будь-коли.",
    "how-are-you": "Усе добре, дякую: чекаю на ваші запитання.",
    "who-are-you":
      "Я бот, що відповідає на запитання за опублікованими матеріалами і до кожної відповіді дає посилання на статтю.",
    help: "Ось що я вмію.",
    ok: "👍",
    test: "Я на зв'язку і працюю.",
  },
  aboutTitle: "Про бота",
  about:
    "Бот відповідає лише за матеріалами з переліку /sources. У кожній відповіді сказано, хто й коли це повідомив, і є посилання на статтю. Якщо матеріали не відповідають на запитання, я так і кажу, а не вгадую.",
  sourcesTitle: (count) => `Джерела (${count})`,
  sourceLabel: "Джерело",
  dateUnverified: "дату не підтверджено",
  agreementLabel: "Інше джерело підтверджує",
  conflictLabel: "Інше джерело розходиться",
  timelineLabel: "Ця сама цифра на інші дати",
  openArticle: "Відкрити статтю",
  notAnswered:
    "У мене немає відповіді на це з джерелом. Я відповідаю лише за матеріалами з /sources і не хочу вгадувати.",
  didYouMean: "Можливо, ви мали на увазі:",
  askUsage: "Напишіть запитання після команди, наприклад: /ask скільки дзвінків отримала лінія?",
  mentionOnly: "Так? Напишіть запитання після мого імені або дайте відповідь на це повідомлення.",
  tooLong: (max) =>
    `Це задовго для запитання (понад ${max} символів). Запитайте, будь ласка, одним-двома реченнями.`,
  nonText: "Я розумію лише текст. Напишіть, будь ласка, запитання.",
  unknownCommand: "Я не знаю такої команди. Напишіть запитання повідомленням або див. /help.",
  rateLimited: "Забагато запитань одразу. Зачекайте кілька секунд і запитайте знову.",
  staleButton: "Ця кнопка застаріла. Поставте запитання ще раз.",
  feedbackThanks: "Дякуємо за відгук!",
  feedbackNotSaved: "Вибачте, зараз не вдалося зберегти ваш голос. Спробуйте пізніше.",
  inlineNoAnswer: "Немає відповіді з джерелом",
  settingsGroupOnly: "Налаштування — для груп. Тут я відповідаю мовою запитання.",
  settingsAdminsOnly: "Змінювати налаштування можуть лише адміни групи.",
  settingsTitle: "Налаштування групи",
  settingsLanguage: "Мова відповідей",
  settingsAuto: "авто",
  settingsDidYouMean: "Кнопки «Можливо, ви мали на увазі»",
  on: "увімк",
  off: "вимк",
  settingsQuiet: "Тихі години",
  settingsQuietHint: (command) =>
    `Свої години: ${command} quiet 22-07 +02:00 (з-до, зсув від UTC) або ${command} quiet off.`,
  settingsSaved: "Збережено.",
  settingsFailed: "Зараз не вдалося зберегти налаштування. Спробуйте пізніше.",
  settingsBadQuiet: (command) =>
    `Вкажіть тихі години так: ${command} quiet 22-07, можна зі зсувом від UTC, наприклад +02:00, або off.`,
};

const TEXTS: Record<Lang, Texts> = { en, ru, uk };

export function texts(lang: Lang): Texts {
  return TEXTS[lang];
}
