import type { Fact, Knowledge, Lang, Source } from "../knowledge/types.js";
import { formatDate } from "../texts/format-date.js";
import { texts } from "../texts/texts.js";

/** Facts made from a source's front matter have ids starting with this. */
const PREFIX = "source:";

/** Whether a fact was made from a source's front matter (below), not written by a maintainer. */
export const isSourceFact = (fact: Fact): boolean => fact.id.startsWith(PREFIX);

/**
 * Questions about the reports themselves ("who wrote the Newsweek piece?", "коли вийшла стаття?") are
 * answered from each source's front matter, as facts the engine makes at build time: no maintainer writes
 * them, and each cites the article it describes. Their ids start with "source:".
 */
export function sourceFacts(knowledge: Knowledge): Fact[] {
  // No author fact where the page names none: "who wrote it?" then has no sourced answer.
  return [...knowledge.sources.values()].flatMap((source) =>
    source.author ? [authorFact(source, source.author), dateFact(source)] : [dateFact(source)],
  );
}

/** The outlet's names as a reader may write them: publisher and aliases. */
function names(source: Source): string[] {
  return [...new Set([source.publisher, ...(source.aliases ?? [])])];
}

function date(source: Source, lang: Lang): string {
  const shown = formatDate(source.published, lang);
  return source.publishedNote ? `${shown} (${texts(lang).dateUnverified})` : shown;
}

function base(source: Source, kind: string): Omit<Fact, "questions" | "answer"> {
  return {
    id: `${PREFIX}${source.id}:${kind}`,
    source: source.id,
    quote: source.title,
    asOf: source.published,
    attributedTo: source.publisher,
    tags: [],
    related: [],
    agreesWith: [],
    conflictsWith: [],
    timeline: [],
    file: source.file,
    line: 1,
  };
}

function authorFact(source: Source, by: string): Fact {
  const t = source.title;
  const ask = (templates: Record<Lang, string[]>) => questions(source, templates);
  return {
    ...base(source, "author"),
    questions: ask({
      en: [
        "Who wrote the {name} article?",
        "Who is the author of the {name} report?",
        "{name} article author",
        "Which journalist wrote the {name} piece?",
        "who wrote the {name} story",
        "Whose byline is on the {name} report?",
        "Which reporter is behind the {name} article?",
      ],
      ru: [
        "Кто написал статью {name}?",
        "Кто автор статьи {name}?",
        "автор материала {name}",
        "какой журналист написал статью {name}",
        "кто написал материал {name}",
        "кто автор публикации {name}",
        "чья статья в {name}",
      ],
      uk: [
        "Хто написав статтю {name}?",
        "Хто автор статті {name}?",
        "автор матеріалу {name}",
        "який журналіст написав статтю {name}",
        "хто написав матеріал {name}",
        "хто автор публікації {name}",
        "чия стаття в {name}",
      ],
    }),
    answer: {
      en: `“${t}” (${source.publisher}, ${date(source, "en")}) was written by ${by}.`,
      ru: `Автор статьи «${t}» (${source.publisher}, ${date(source, "ru")}): ${by}.`,
      uk: `Автор статті «${t}» (${source.publisher}, ${date(source, "uk")}): ${by}.`,
    },
  };
}

function dateFact(source: Source): Fact {
  const t = source.title;
  return {
    ...base(source, "published"),
    questions: questions(source, {
      en: [
        "When was the {name} article published?",
        "What is the date of the {name} report?",
        "When did {name} publish its article?",
        "{name} article publication date",
        "when did the {name} story come out",
        "What date did {name} run the piece?",
      ],
      ru: [
        "Когда вышла статья {name}?",
        "Когда опубликована статья {name}?",
        "дата публикации статьи {name}",
        "когда вышел материал {name}",
        "какого числа {name} опубликовал статью",
      ],
      uk: [
        "Коли вийшла стаття {name}?",
        "Коли опублікована стаття {name}?",
        "дата публікації статті {name}",
        "коли вийшов матеріал {name}",
        "якого числа {name} опублікував статтю",
      ],
    }),
    answer: {
      en: `“${t}” was published by ${source.publisher} on ${date(source, "en")}.`,
      ru: `Статья «${t}» опубликована изданием ${source.publisher}: ${date(source, "ru")}.`,
      uk: `Статтю «${t}» опублікувало видання ${source.publisher}: ${date(source, "uk")}.`,
    },
  };
}

/**
 * Every template with every name of the outlet. Not with the title: its words are the topic's words, and
 * "how many soldiers surrendered" must not find the date of an article titled "… soldiers surrender …".
 */
function questions(source: Source, templates: Record<Lang, string[]>): Record<Lang, string[]> {
  const out = {} as Record<Lang, string[]>;
  for (const lang of Object.keys(templates) as Lang[]) {
    out[lang] = names(source).flatMap((name) => templates[lang].map((q) => q.replace("{name}", name)));
  }
  return out;
}
