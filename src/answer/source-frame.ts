/**
 * "Which outlet reported the 220 surrenders?", "яке видання посилається на інтерв'ю Юсова?": the question
 * asks which report says something. Every fact's reply names its report, so the fact that says it answers;
 * but the words that ask for the report ("which outlet", "reported", "першою написала") are in none of the
 * facts' questions and make the match look weaker than it is. The engine reads such a question without them.
 *
 * The words below are the languages' words for outlets, articles and reporting, not any topic's.
 */

const L = "(?<!\\p{L})";
const R = "(?!\\p{L})";

/** What a report is called: "outlet", «издание», «стаття». */
const OUTLET =
  "outlets?|articles?|pieces?|reports?|stor(?:y|ies)|(?:news)?papers?|publications?|media|magazines?|sources?|издани\\p{L}*|газет\\p{L}*|сми|стать\\p{L}*|источник\\p{L}*|медиа|журнал(?:а|е|у|ом|ы|ах)?|публикаци\\p{L}*|видання|змі|статт\\p{L}*|джерел\\p{L}*|медіа|публікаці\\p{L}*";
/** A site is an outlet only when it reports: "which site reported it", not "which site do they use". */
const SITE = "(?:web)?sites?|сайт\\p{L}*";
/** Reporting, quoting and being first to, in the three languages. */
const REPORTING =
  "reported|reports|reporting|quoted|quotes|quote|quoting|cited|cites|cite|citing|published|wrote|writes|written|carried|covered|first|originally|сообщ\\p{L}*|написал\\p{L}*|писал\\p{L}*|пишет|опубликова\\p{L}*|цитир\\p{L}*|ссыла\\p{L}*|первым|первой|первая|впервые|изначально|повідом\\p{L}*|написа\\p{L}*|писа\\p{L}*|пише|опублікува\\p{L}*|цитува\\p{L}*|цитує|посила\\p{L}*|першим|першою|перша|вперше|спочатку";
/** "Which", "what kind of", «какое», «шо за», «у якому»: asking which one. */
const WHICH =
  "which|what|whose|what kind of|in which|from which|какое|какая|какой|какие|каком|каких|какого|какую|что за|шо за|чё за|че за|яке|яка|який|які|якому|якій|яких|якого|якої|яку|що за";

/** One pattern twice: to test a question, and to remove every match from it. */
const both = (source: string) => ({ test: new RegExp(source, "iu"), strip: new RegExp(source, "giu") });
/** "Which outlet", "what Russian outlet", «яке видання»; not "which article of the convention". */
const ASKS_OUTLET = both(`${L}(?:${WHICH})(?: \\p{L}+)? (?:${OUTLET})${R}(?! of${R})`);
const ASKS_SITE = both(`${L}(?:${WHICH})(?: \\p{L}+)? (?:${SITE})${R}`);
const REPORTING_WORD = both(`${L}(?:${REPORTING})${R}`);
const OUTLET_WORD = both(`${L}(?:${OUTLET}|${SITE})${R}`);
/** "Who first reported" (not "the journalist who reported"), «кто первым сообщил», «звідки ця цифра». */
const ASKS_WHO = both(
  `(?:(?<![\\p{L}\\p{N}] )who (?:first |originally )?(?:reported|published|broke)|${L}where did(?: [\\p{L}\\p{N}]+){1,5} (?:come|came) from|кто (?:первым |впервые )?(?:сообщил|опубликовал)\\p{L}*|хто (?:першим |вперше )?(?:повідомив|опублікував)|откуда(?: [\\p{L}\\p{N}]+){0,2} (?:цифр|данн|информаци|сведени)\\p{L}*|звідки(?: [\\p{L}\\p{N}]+){0,2} (?:цифр|дан|інформаці|відомост)\\p{L}*)${R}`,
);
/** The asking words of those: what they ask about stays. */
const WHO_WORDS = both(`${L}(?:who|where did|(?:come|came) from|кто|хто|откуда|звідки)${R}`);
/** An article of a law is no report: "which article of the criminal code", «по какой статье сажают». */
const LAW = both(
  `${L}(?:criminal|code|prosecut\\p{L}*|punish\\p{L}*|кодекс\\p{L}*|ук|кк|уголовн\\p{L}*|кримінальн\\p{L}*|сажа\\p{L}*|суд\\p{L}*|карає|карают|карать)${R}`,
);

/**
 * The question without the words asking which report says it, or undefined when it does not ask that.
 * Only the asking is removed: "which outlet said 26,000 people called" keeps "26,000 people called".
 */
export function withoutSourceFrame(question: string): string | undefined {
  const who = ASKS_WHO.test.test(question);
  const site = ASKS_SITE.test.test(question) && REPORTING_WORD.test.test(question);
  if (!(who || site || ASKS_OUTLET.test.test(question)) || LAW.test.test(question)) return undefined;
  const asking = [ASKS_OUTLET, ASKS_SITE, OUTLET_WORD, REPORTING_WORD, ...(who ? [WHO_WORDS] : [])];
  return asking
    .reduce((rest, words) => rest.replace(words.strip, " "), question)
    .replace(/\s+/g, " ")
    .trim();
}
