import type { SmallTalk } from "../texts/texts.js";
import { normalizeText } from "./normalize.js";

/*
 * A message that is small talk, not a question: greetings, thanks, goodbyes, "how are you", "who are you",
 * "ok", a lone emoji, "test". The whole message must be small talk: "hi, when did the hotline start?" is a
 * question. About the languages, not the topic, so it lives in code. The kinds are those the texts table has
 * a reply for.
 */

const PATTERNS: [SmallTalk, string][] = [
  [
    "greeting",
    "hi|hii+|hello|hey|heya|yo|hiya|good (?:morning|afternoon|evening|day)|greetings|привет|приветик|здравствуй|здравствуйте|здрасте|добрый (?:день|вечер)|доброе утро|хай|салют|прив|привіт|вітаю|добрий (?:день|вечір)|доброго (?:дня|ранку|вечора)|доброго ранку|здоров|здоровенькі були",
  ],
  [
    "thanks",
    "thanks?(?: you)?(?: (?:so|very) much| a lot)?|thank u|thx|ty|tysm|cheers|much appreciated|спасибо(?: большое| огромное)?|спс|благодарю|пасиб|дякую(?: дуже| вам| тобі)?|дяки|спасибі|щиро дякую",
  ],
  [
    "bye",
    "bye|goodbye|bye bye|see (?:you|ya)|cya|good night|пока|до свидания|до встречи|спокойной ночи|бувай|до побачення|на все добре|добраніч",
  ],
  [
    "how-are-you",
    "how are (?:you|u)|how r u|hows it going|how is it going|whats up|sup|wassup|what are (?:you|u) (?:doing|up to)|whatcha doing|как дела|как ты|как поживаешь|чо как|что нового|что делаешь|чем занимаешься|чё делаешь|че делаешь|як справи|як ти|як життя|шо нового|що нового|(?:що|что) робиш|чим займаєшся",
  ],
  [
    "who-are-you",
    "who are (?:you|u)|what are you|are you (?:a |an )?(?:bot|robot|human|real|ai|person)|what can you do|what do you (?:do|know)|what is this bot|who made you|кто ты|ты кто|что ты умеешь|ты бот|ты робот|ты человек|что ты знаешь|что это за бот|хто ти|ти хто|що ти вмієш|ти бот|ти робот|ти людина|що ти знаєш|що це за бот",
  ],
  ["help", "help|help me|помощь|помоги|помогите|справка|допомога|допоможи|допоможіть|довідка"],
  [
    "ok",
    "ok|okay|okey|k|kk|cool|nice|great|good|got it|lol|lmao|haha+|хорошо|ок|окей|ладно|понятно|ясно|круто|класс|норм|ха+|добре|зрозуміло|ясно|клас|гаразд",
  ],
  ["test", "test|testing|тест|проверка|перевірка"],
];
const ADDRESS = "(?:\\s+(?:bot|there|all|guys|everyone|бот|ботик|друг|друже))?";
// "Hi, how are you? what are you up to": a greeting may open small talk of another kind.
const GREETING = `(?:(?:${PATTERNS.find(([kind]) => kind === "greeting")?.[1]})${ADDRESS}\\s+)*`;
const WHOLE = PATTERNS.map(([kind, words]): [SmallTalk, RegExp] => [
  kind,
  new RegExp(`^${GREETING}(?:(?:${words})${ADDRESS}\\s*)+$`, "u"),
]);

/** The kind of small talk the whole message is, or undefined for anything else. */
export function smallTalk(message: string): SmallTalk | undefined {
  const text = normalizeText(message)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    // Stryker disable next-line Regex: equivalent, the patterns allow any run of spaces between words
    .replace(/\s+/g, " ")
    .trim();
  // Nothing but emoji or punctuation: a reaction, not a question.
  if (!text) return /\p{Extended_Pictographic}/u.test(message) ? "ok" : undefined;
  return WHOLE.find(([, pattern]) => pattern.test(text))?.[0];
}
