import type { Fact } from "../knowledge/types.js";
import { givesFigure } from "./fact-terms.js";
import { isSourceFact } from "./source-facts.js";

/**
 * What kind of thing a question asks for, and whether a fact carries it. A question asking for a name, a
 * date, a place or a phone number is not answered by a fact about the same subject that has none: "what
 * is the pilot's mother's name" must not get the pilot's other fact. These are signals for the confidence
 * model, not rules: "who runs the hotline" is answered by an organisation, which the name check allows.
 */
export type AnswerType = "who" | "person" | "when" | "where" | "figure" | "contact" | "reason";

const L = "(?<!\\p{L})";
const R = "(?!\\p{L})";
const ASKS: Record<AnswerType, RegExp> = {
  who: new RegExp(
    `${L}(?:who|whom|whose|what(?: is|'s|s)? (?:his|her|their|the) names?|named|how is he called|кто|кого|кем|чей|чья|чьи|как зовут|как звали|имя|фамили\\p{L}*|хто|ким|чий|чия|чиї|як звати|як звали|імя|прізвищ\\p{L}*)${R}`,
    "u",
  ),
  // A person's name: "what was he called", "who heads X" (an organisation is run, a person heads it), "who wrote",
  // "which official" (not "which soldiers": kinds of soldiers answer that); a topic's own such nouns ("which
  // pilot") come from its lexicon (PERSON_ASKER).
  person: new RegExp(
    `${L}(?:(?:first |last |full )?names? of|what (?:is|was|'s) (?:his|her|their|the \\w+'s) names?|(?:is|was|are|were|'s)(?: \\p{L}+){0,3} called|who (?:leads|led|heads|headed|chairs|commands|commanded|wrote|authored)|author|(?:who(?: \\p{L}+){0,3}|which|what) (?:reporter|journalist|correspondent)s?|(?:which|what) (?:officer|official|analyst|expert|commander|spokes(?:man|woman|person))|(?:как\\p{L}*|кто(?: \\p{L}+){0,2}) (?:журналист|корреспондент|офицер|аналитик|эксперт)\\p{L}*|(?:як\\p{L}*|хто(?: \\p{L}+){0,2}) (?:журналіст|кореспондент|офіцер|аналітик|експерт)\\p{L}*|как зовут|как звали|как фамилия|имя|фамили\\p{L}*|кто (?:руководит|возглавляет|командует|написал)|автор\\p{L}*|як звати|як звали|імя|прізвищ\\p{L}*|хто (?:керує|очолює|командує|написав))${R}`,
    "u",
  ),
  when: new RegExp(
    `${L}(?:when|what (?:date|day|month|year)|which (?:date|day|month|year)|since when|когда|какого числа|как\\p{L}* дат\\p{L}*|в как\\p{L}* (?:году|месяце)|с какого времени|коли|якого числа|як\\p{L}* дат\\p{L}*|(?:в|у) як\\p{L}* (?:році|місяці)|з якого часу)${R}`,
    "u",
  ),
  where: new RegExp(
    `${L}(?:where|which (?:city|town|country|region|village|place)|где|куда|откуда|в каком (?:городе|месте|регионе)|в какой (?:стране|области)|де|куди|звідки|(?:в|у) якому (?:місті|місці|регіоні)|(?:в|у) якій (?:країні|області))${R}`,
    "u",
  ),
  // A count, an amount, or how long: "how long was he sentenced", «к какому сроку».
  figure: new RegExp(
    `${L}(?:how many|how much|how long|what (?:number|percentage|share|amount)|what sentence|сколько|скільки|какой процент|який відсоток|яка частка|какая доля|(?:на|к) каком?у? сроку?|какой срок|(?:на|до) (?:який|якого) (?:строку?|терміну?)|який (?:строк|термін))${R}`,
    "u",
  ),
  contact: new RegExp(
    `(?:(?<!\\S)@(?!\\S)|${L}(?:what|which|give|send)(?: \\p{L}+){0,3} (?:phone|telephone)|${L}(?:\\p{L}*line|contact|its|their) number(?! of)|номер (?:лини\\p{L}*|ліні\\p{L}*|горяч\\p{L}*|гаряч\\p{L}*)|${L}(?:phone number|number to call|username|user name|handle|url|link|email|e-mail|website address|web address|(?:как\\p{L}*|дай\\p{L}*|скин\\p{L}*|як\\p{L}*|дайте) телефон\\p{L}*|номер телефон\\p{L}*|ник|никнейм|юзернейм|ссылк\\p{L}*|линк\\p{L}*|лінк\\p{L}*|почт\\p{L}*|адрес сайта|посиланн\\p{L}*|пошт\\p{L}*|адреса сайту)${R})`,
    "u",
  ),
  // Why, or how someone explained it: not "explain …" asked of the bot («объясните, что такое …»), nor «на
  // чому» ("on what").
  reason: new RegExp(
    `${L}(?:why|what made|reasons?|motives?|motivations?|motivated|explained|explains|почему|зачем|отчего|с какой целью|причин\\p{L}*|мотив\\p{L}*|объяснил\\p{L}*|объяснял\\p{L}*|объясняет|(?<!(?:на|по|при) )чому|навіщо|нащо|з якою метою|пояснив|пояснил\\p{L}*|пояснюва\\p{L}*|пояснює)${R}`,
    "u",
  ),
};

/** Kinds of people a "who" question may be answered with; not "soldiers", which every claim here names. */
const PEOPLE_KINDS =
  /\b(?:conscripts?|mobili[sz]ed|mercenar(?:y|ies)|foreigners?|volunteers?|wives|wife|mothers?|fathers?|parents|relatives|famil(?:y|ies)|callers?|civilians|officers?|commanders?)\b/i;
const REASON_WORDS = /\b(?:because|so as not to|in order to|due to|owing to|reasons?|motives?)\b/i;
const asksReason = (question: string) => ASKS.reason.test(question.toLowerCase());

/** Kinds asked by a question word, which a relative clause also uses ("soldiers *who* surrendered"). */
const BY_QUESTION_WORD = new Set<AnswerType>(["who", "when", "where", "figure"]);

/** A question answered yes or no: its later question words belong to relative clauses ("чи всі, хто …"). */
const YES_NO = new RegExp(
  `^\\s*(?:(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|чи|хіба|невже|разве|неужели)${R}|\\p{L}+ ли${R})`,
  "u",
);

/**
 * The kinds of answer a question asks for; `text` is normalised (normalizeText). Who, when, where and how
 * many count only where a sentence asks them: at its first question word, or at one that follows "and"
 * ("who launched it and when"), not in "what happens to soldiers who surrender" or "is it true that …
 * when …".
 */
export function askedTypes(text: string, asksPerson?: RegExp): AnswerType[] {
  const asking = askingText(text);
  return (Object.keys(ASKS) as AnswerType[]).filter(
    (type) =>
      ASKS[type].test(BY_QUESTION_WORD.has(type) ? asking : text) ||
      (type === "person" && asksPerson?.test(text) === true),
  );
}

/** What asks for a person named by one of a lexicon's person words: "which", «какой», «який», «кто из». */
export const PERSON_ASKER = `(?<!\\p{L})(?:(?:which|what) |(?:как\\p{L}*|кто(?: \\p{L}+){0,2}) |(?:як\\p{L}*|хто(?: \\p{L}+){0,2}) )`;

/** The words of each sentence from its first question word on, up to the next word that is not one. */
function askingText(text: string): string {
  const parts: string[] = [];
  for (const sentence of text.split(CLAUSES)) {
    if (YES_NO.test(sentence)) continue;
    const first = WH_RUN.exec(sentence);
    if (first) parts.push(first[0]);
  }
  return parts.join(" · ");
}

const QUESTION_WORDS =
  "who|whom|whose|what|whats|which|when|where|why|how(?: many| much| long| old)?|кто|кого|что|какой|какая|какое|какие|каких|каким|когда|где|куда|откуда|почему|зачем|как|сколько|чей|чья|чьи|хто|що|який|яка|яке|які|яких|яким|коли|де|куди|звідки|чому|навіщо|як|скільки|чий|чия|чиї";
const WH = new RegExp(`${L}(?:${QUESTION_WORDS})${R}`, "u");

/**
 * A sentence's first question word with what asks along with it: a preposition before it ("on what date",
 * "в каком году"), the word after it ("what *date*", "how *many*"), and question words joined by "and"
 * ("хто і коли"). Oblique forms count here ("в каком году"), not in the focus below.
 */
const WH_ANY = `${L}(?:${QUESTION_WORDS}|какого|каком|какому|какую|кому|кем|якого|якому|якій|яку|ким)${R}`;
const JOIN = "(?:and|or|и|или|і|й|та|чи|або)";
const NEXT = `(?: (?!${JOIN}${R})\\p{L}+)?`;
/** Sentences, and questions joined by "and" ("when did it start and who runs it"). */
const CLAUSES = new RegExp(`[?!;.]+|,?\\s+${JOIN}\\s+(?=${WH_ANY})`, "u");
/** "those who called", «тех, кто позвонил»: a question word after these opens a relative clause. */
const RELATIVE_HEAD = `(?<!${L}(?:those|ones|guys|people|everyone|anyone|тех|тем|того|тому|тот|те|всех|тих|тим|той|ті|усіх|всіх)[ ,]+)`;
const WH_RUN = new RegExp(
  `(?:${L}\\p{L}{1,3} )?${RELATIVE_HEAD}${WH_ANY}${NEXT}(?:,? ${JOIN} ${WH_ANY}${NEXT})*`,
  "u",
);

/** "who is X", «кто такой X», «що таке X», "tell me about X": asks what X is, its subject at group 1. */
const IDENTITY = new RegExp(
  `^(?:(?:hey|hi|so|ok|and|а|и|і|ну|так)[, ]+)?(?:who(?: is| s| was)|whos|what(?: is|'s| s)|(?:can you |pls |please )?tell me about|кто (?:такой|такая|такие|это|он|она)|что (?:такое|это)|расскажи(?:те)?(?: мне)? (?:о|об|про)|хто (?:такий|така|такі|це|він|вона)|що (?:таке|це)|розкажи(?:ть)?(?: мені)? про)${R}(.+)$`,
  "u",
);
/** Words that do not name the subject of an identity question ("who is *that guy* yusov", "the I Want to Live *project*"). */
const IDENTITY_FILLER = new Set(
  "the a an this that guy dude man person actually exactly again project вообще вообщем этот эта это тот та такой проект взагалі цей ця це той такий проєкт".split(
    " ",
  ),
);

/** Not a subject: "who is *surrendering*", "who was *to* pay", "what is the hotline *for*". */
const NOT_SUBJECT_START = /^(?:to|\p{L}+ing)$/u;
const NOT_SUBJECT_END = new Set(["for", "from", "about", "to", "with", "of", "by"]);

/**
 * The subject of a question asking who or what someone or something is ("who is kuzminov" → ["kuzminov"]),
 * as words of `plain` text; undefined for any other question. At most four words: a longer one asks
 * something else ("кто такие рашисты, о которых говорит юсов").
 */
export function identitySubject(plainText: string): string[] | undefined {
  const subject = IDENTITY.exec(plainText)?.[1];
  if (subject === undefined) return undefined;
  const words = subject.split(" ").filter((w) => w && !IDENTITY_FILLER.has(w));
  const [first, last] = [words[0], words.at(-1)];
  if (first === undefined || last === undefined || words.length > 4) return undefined;
  return NOT_SUBJECT_START.test(first) || NOT_SUBJECT_END.has(last) ? undefined : words;
}

/**
 * The words of a normalised question right after the question word: what is asked about ("how many *years*", "who *heads*",
 * "як *звали*"). A fact that lacks them is about the subject but not about the question.
 */
export function focusText(text: string): string | undefined {
  const at = WH.exec(text);
  // "when *exactly*", «когда *именно*»: insisting (asks-exact) is not what is asked about.
  return at ? text.slice(at.index + at[0].length).replace(INSISTING, " ") : undefined;
}

const MONTHS =
  "(?:january|february|march|april|may|june|july|august|september|october|november|december|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)\\p{L}*";
/** "4 January", "January 4": a day of a month, not a figure. */
const DAY_AND_MONTH = new RegExp(`\\b\\d{1,2}\\s+${MONTHS}|(?<!\\p{L})${MONTHS}\\s+\\d{1,2}\\b`, "giu");

/** Numbers a normalised text names, digit groups joined ("9,836" → 9836), years and decimals aside. */
export function namedNumbers(text: string): number[] {
  const numbers = (
    text
      .replace(DAY_AND_MONTH, " ")
      .match(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![.,]?\d)|(?<![\p{L}\d.,-])\d+(?![.,]?\d)/gu) ?? []
  )
    // "2,000" is a figure; 2023 written as a year is not.
    .filter((n) => n.includes(",") || !/^(?:19|20)\d\d$/.test(n))
    .map((n) => Number(n.replaceAll(",", "")));
  return [...new Set(numbers.filter((n) => n > 1))];
}

/** Years a (normalised) question names: 2023, "in 2025". */
export function namedYears(text: string): string[] {
  return [...new Set(text.match(/(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)/g) ?? [])];
}

const MONTH =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

/** The claim without its attribution: "According to X (4 January 2024), …" names a date that is not the answer. */
function claim(fact: Fact): string {
  return answerText(fact)
    .replace(/\([^)]*\)/g, " ")
    .replace(/^according to [^,]*,/i, " ");
}

/** A report's own fact quotes its headline: "Putin's Forces Are Surrendering at Surging Pace" names no one. */
function answerText(fact: Fact): string {
  return isSourceFact(fact) ? fact.answer.en.replace(/“[^”]*”/g, " ") : fact.answer.en;
}

// Capitalised words that name organisations, outlets and places rather than people: "Business Insider" and
// "Army Corps" are not someone's name. General English; a knowledge's own (the names of the organisations it
// is about) are in its lexicon.
const NOT_A_NAME = new Set(
  `independent today insider times post news journal review daily weekly magazine press media radio television
  tv channel network online corps army navy forces force guard directorate ministry intelligence headquarters
  conventions convention program programme center centre studies security agency service office committee
  council department university institute foundation company group union nations states kingdom federation
  republic region oblast city project international national general main according`.split(/\s+/),
);

/** Whether a text names a person: two capitalised words in a row, neither a word of organisations or places. */
function namesPerson(text: string, organisationWords: ReadonlySet<string>): boolean {
  const notName = (word: string) => NOT_A_NAME.has(word) || organisationWords.has(word);
  for (const m of text.matchAll(
    /\b([A-Z][\p{Ll}'’-]+)\s+(?:[A-Z]\.\s+)?([A-Z][\p{Ll}'’-]+)\b(?!\s+[A-Z])/gu,
  )) {
    // Stryker disable next-line OptionalChaining,StringLiteral: equivalent, both groups take part in every match
    const [first = "", second = ""] = [m[1]?.toLowerCase(), m[2]?.toLowerCase()];
    if (!notName(first) && !notName(second) && m.index > 0) return true;
  }
  return false;
}

export interface Carried {
  types: Set<AnswerType>;
  years: Set<string>;
  /** Surnames (lower case) of the people the claim names, its speaker aside. */
  people: Set<string>;
  /** The claim says someone was asked for a comment, and gives none: "reached out … for comment". */
  noReply: boolean;
  /** The claim is about an earlier event ("the previous swap"), not a later one. */
  earlier: boolean;
  /** The numbers its claim gives: "of the 220 who surrendered, how many …" is not answered by the 220. */
  figures: Set<number>;
}

/**
 * The people a text names (two capitalised words, not an organisation), by surname. The speaker of
 * "Andriy Yusov told VOA that one soldier …" is left out: he is not the soldier whose name is asked.
 */
function peopleNamed(text: string, organisationWords: ReadonlySet<string>): Set<string> {
  const notName = (word: string) => NOT_A_NAME.has(word) || organisationWords.has(word);
  const claimOnly = text.replace(
    /^[^.;:]*?\b(?:told|said|says|reported|stated|wrote|claimed)\b[^.;:]*?\bthat\b/i,
    " ",
  );
  const out = new Set<string>();
  for (const m of claimOnly.matchAll(
    /\b([A-Z][\p{Ll}'’-]+)\s+(?:[A-Z]\.\s+)?([A-Z][\p{Ll}'’-]+)\b(?!\s+[A-Z])/gu,
  )) {
    // Stryker disable next-line OptionalChaining,StringLiteral: equivalent, both groups take part in every match
    const [first = "", second = ""] = [m[1]?.toLowerCase(), m[2]?.toLowerCase()];
    if (!notName(first) && !notName(second)) out.add(second);
  }
  return out;
}

const ASKS_REPLY = new RegExp(
  `${L}(?:repl(?:y|ied)|respond(?:ed)?|response|answer(?:ed)?|comment(?:ed)?|react(?:ed)?|ответил\\p{L}*|ответ|отреагирова\\p{L}*|прокомментирова\\p{L}*|комментари\\p{L}*|відповів\\p{L}*|відповіл\\p{L}*|відповідь|відреагува\\p{L}*|прокоментува\\p{L}*|коментар\\p{L}*)${R}`,
  "u",
);
/**
 * Asking someone "for comment" is the request, not the reply: "whom did Newsweek contact for comment",
 * "tried to get a comment from", «у кого запрашивал комментарии», «связаться для комментария», «в кого
 * просив коментар», «звертався по коментар».
 */
const FOR_COMMENT = new RegExp(
  `${L}(?:for (?:a )?comments?|(?:request|sought|seek|ask)\\p{L}* (?:a )?comments?|(?:tr(?:y|ied|ying) to|to) get (?:a )?comments?|(?:за|для|по) комментари\\p{L}*|(?:за|для|по) коментар\\p{L}*|(?:запр[ао]ш\\p{L}*|запросил\\p{L}*|просил\\p{L}*|запит\\p{L}*|просив\\p{L}*) (?:(?:у|в) \\p{L}+ )?(?:комментари\\p{L}*|коментар\\p{L}*)|прокомментировать|прокоментувати)${R}`,
  "gu",
);
/** What someone said: with a request for comment in the question, it asks for the reply. */
const SAID = new RegExp(
  `${L}(?:tell|told|say|said|сказал\\p{L}*|заявил\\p{L}*|сказав\\p{L}*|заявив\\p{L}*)${R}`,
  "u",
);
const ASKS_LATER = new RegExp(
  `${L}(?:next|after(?:wards)?|later|following|subsequent|since then|следующ\\p{L}*|после|потом|позже|наступн\\p{L}*|після|потім|пізніше)${R}`,
  "u",
);

/**
 * How things stand now or how they ended, or whether a forecast came true: the reports stop at their dates.
 */
const ASKS_OUTCOME = new RegExp(
  `${L}(?:now|currently|still|nowadays|these days|in the end|eventually|ended up|turn(?:ed)? out|c[ao]me true|prove[dn]? (?:\\p{L}+ )?(?:right|wrong)|was (?:he |she |it )?right|сейчас|теперь|до сих пор|вс[её] ещ[её]|в итоге|в конце концов|чем закончил\\p{L}*|сбыл(?:ся|ось|ась|ись)|оправдал(?:ся|ось|ась|ись)|оказал\\p{L}* прав\\p{L}*|был\\p{L}* прав\\p{L}*|зараз|тепер|досі|все ще|зрештою|врешті|чим (?:за|с)кінчил\\p{L}*|справдил\\p{L}*|справдив(?:ся)?|виявил\\p{L}* прав\\p{L}*|був (?:\\p{L}+ )?прав\\p{L}*)${R}`,
  "u",
);
/** Insisting on a precise figure or detail: "exactly how much", «точную сумму», «конкретно». */
const EXACT_WORDS = `${L}(?:exact|exactly|precise|precisely|specific|specifically|точн\\p{L}*|конкретн\\p{L}*|именно|саме|фактично|фактически|actually)${R}`;
const ASKS_EXACT = new RegExp(EXACT_WORDS, "u");
const INSISTING = new RegExp(EXACT_WORDS, "gu");

/**
 * Stems of words for someone's relatives or crew ("the pilot's *wife*", «жену пилота»): a question about them
 * is not about the person a fact names. Not «чоловік» (also "man") or «семья»/«сім'я» (their stems are
 * "seven"'s).
 */
export const RELATIVE_STEMS: ReadonlySet<string> = new Set(
  [
    "wife wive husband mother father parent son daughter brother sister famili crew children kid girlfriend",
    "жен муж мат матер мам отец отц родител сын доч брат сестр родн родственник экипаж дет",
    "дружин батьк син доньк родин рідн родич екіпаж діт",
  ].flatMap((stems) => stems.split(" ")),
);

/** What a (normalised) question asks beyond a kind of answer: whose name, someone's reply, a later event. */
export interface Asks {
  /** Surnames the question itself names: asking a fact's person by name is not asking for a new name. */
  words: Set<string>;
  reply: boolean;
  /** Answered yes or no ("did he comment?"): a fact saying he was asked and gave none answers it. */
  yesNo: boolean;
  later: boolean;
  outcome: boolean;
  exact: boolean;
}

export function asks(text: string): Asks {
  return {
    words: new Set(text.split(/[^\p{L}\p{N}'’-]+/u)),
    reply: replyAsked(text),
    yesNo: YES_NO.test(text),
    later: ASKS_LATER.test(text),
    outcome: ASKS_OUTCOME.test(text),
    exact: ASKS_EXACT.test(text),
  };
}

/** "What did he reply", or "what did he say when asked for comment"; not "whom did they ask for comment". */
function replyAsked(text: string): boolean {
  const withoutRequest = text.replace(FOR_COMMENT, " ");
  return ASKS_REPLY.test(withoutRequest) || (withoutRequest !== text && SAID.test(text));
}

/** What a fact carries; `organisationWords` are a lexicon's words of organisation names, never a person's. */
export function carriedBy(fact: Fact, organisationWords: ReadonlySet<string> = new Set()): Carried {
  const text = claim(fact);
  const types = new Set<AnswerType>();
  // A person or an organisation: two capitalised words in a row, or an acronym (HUR, CSIS).
  if (/\b[A-Z][\p{Ll}'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\p{Ll}'’-]+|\b[A-Z]{2,}\b/u.test(text)) types.add("who");
  // Or a kind of people: "who surrenders?" is answered by "conscripts, and more and more mercenaries".
  if (PEOPLE_KINDS.test(text)) types.add("who");
  if (namesPerson(answerText(fact), organisationWords)) types.add("person");
  if (MONTH.test(text) || /\b(?:19|20)\d\d\b/.test(text) || /\b(?:day|month|year|week)s?\b/i.test(text))
    types.add("when");
  if (/\b(?:in|to|from|at|near|over|into|across)\s+(?:the\s+)?[A-Z][\p{Ll}]+/u.test(text)) types.add("where");
  if (givesFigure(fact)) types.add("figure");
  // A handle, a link or a phone number itself: "it has a Telegram chatbot" does not give its address.
  if (/@\w|https?:\/\/|www\.|\+?\d[\d\s()-]{8,}\d/.test(fact.answer.en)) types.add("contact");
  // A reason: the claim gives one, or the fact's own questions ask why (its maintainers read it as the answer).
  if (REASON_WORDS.test(text) || Object.values(fact.questions).some((qs) => qs.some(asksReason)))
    types.add("reason");
  // Years of the claim, not of its attribution: a report of January 2024 does not cover "in 2024".
  const years = new Set(`${fact.asOf} ${text} ${fact.quote}`.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []);
  return {
    types,
    years,
    people: peopleNamed(text, organisationWords),
    figures: new Set(namedNumbers(text)),
    noReply: /\bfor (?:a )?comments?\b|\bdid not (?:respond|reply|comment)\b/i.test(text),
    earlier:
      /\b(?:previous|before|earlier|prior)\b/i.test(text) &&
      !/\b(?:next|after|later|following)\b/i.test(text),
  };
}

/** Words for the reports or their figures, as a question pitting them against each other names them. */
const ACCOUNTS =
  "reports?|sources?|articles?|outlets?|media|dates?|figures?|numbers?|accounts?|versions?|отч[её]т\\p{L}*|источник\\p{L}*|стат\\p{L}*|публикаци\\p{L}*|издани\\p{L}*|сми|дат\\p{L}*|данн\\p{L}*|цифр\\p{L}*|верси\\p{L}*|звіт\\p{L}*|джерел\\p{L}*|статт\\p{L}*|публікаці\\p{L}*|видан\\p{L}*|змі|дан\\p{L}*";
/** Two figures or months offered as alternatives: "14 mil or 48 mil", «серпень чи вересень». */
const ALTERNATIVE = `(?:\\d[\\p{L}\\d]*|${MONTHS})(?: \\p{L}+)? (?:or|или|чи|або) (?:\\d|${MONTHS})`;
const DISAGREEMENT = new RegExp(
  [
    `${L}(?:disagree\\p{L}*|contradict\\p{L}*|discrepanc\\p{L}*|inconsisten\\p{L}*|расхожд\\p{L}*|противореч\\p{L}*|розбіжн\\p{L}*|суперечн\\p{L}*|суперечат\\p{L}*)${R}`,
    `${L}(?:which (?:one )?is (?:right|correct|true)|who(?:'s| is) right|кто прав|где правда|хто прав\\p{L}*|де правда)${R}|(?:как|як) правильно\\s*[?!.]*$`,
    `${L}(?:differ\\p{L}*|different|разн\\p{L}*|различ\\p{L}*|отлича\\p{L}*|різн\\p{L}*|відрізня\\p{L}*)(?: \\p{L}+){0,3} (?:${ACCOUNTS})${R}`,
    `${L}(?:${ACCOUNTS})(?: \\p{L}+){0,3} (?:differ\\p{L}*|разн\\p{L}*|различ\\p{L}*|отлича\\p{L}*|різн\\p{L}*|відрізня\\p{L}*)${R}`,
    `${L}${ALTERNATIVE}`,
  ].join("|"),
  "u",
);

/**
 * Pits the reports against each other: "do the sources disagree", «14 чи 48 мільйонів, хто правий?». A fact
 * whose reply shows the other report's figure or date answers it.
 */
export function asksDisagreement(text: string): boolean {
  return DISAGREEMENT.test(text);
}
