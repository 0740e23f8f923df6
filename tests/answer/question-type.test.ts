import { describe, expect, it } from "vitest";
import { compileLexicon } from "../../src/answer/lexicon.js";
import {
  askedTypes,
  asks,
  asksDisagreement,
  carriedBy,
  focusText,
  identitySubject,
  namedNumbers,
  namedYears,
} from "../../src/answer/question-type.js";
import type { Fact } from "../../src/knowledge/types.js";
import { lexiconLanguage } from "./builders.js";

const fact = (en: string, fields: Partial<Fact> = {}): Fact =>
  ({
    id: "f",
    answer: { en, ru: "", uk: "" },
    questions: { en: [], ru: [], uk: [] },
    asOf: "2023-05",
    quote: "",
    ...fields,
  }) as Fact;
const types = (en: string, organisationWords?: ReadonlySet<string>) =>
  [...carriedBy(fact(en), organisationWords).types].sort();

describe("what a question asks for", () => {
  it("reads the kinds of answer in every language, as whole words", () => {
    expect(askedTypes("who runs the hotline")).toEqual(["who"]);
    expect(askedTypes("who heads the hq")).toEqual(["who", "person"]);
    expect(askedTypes("when did it start")).toEqual(["when"]);
    expect(askedTypes("where is it based")).toEqual(["where"]);
    expect(askedTypes("how many calls")).toEqual(["figure"]);
    expect(askedTypes("what is the phone number")).toEqual(["contact"]);
    expect(askedTypes("сколько звонков")).toEqual(["figure"]);
    expect(askedTypes("коли запустили лінію")).toEqual(["when"]);
    expect(askedTypes("how long was he sentenced")).toEqual(["figure"]);
    expect(askedTypes("к какому сроку его приговорили")).toEqual(["figure"]);
    expect(askedTypes("на який строк засудили")).toEqual(["figure"]);
    expect(askedTypes("who was the ft reporter that broke it")).toEqual(["who", "person"]);
    expect(askedTypes("какой журналист писал про 220 сдавшихся")).toEqual(["person"]);
    expect(askedTypes("what did the newsweek journalist report")).toEqual([]);
    // Not asked: the channel ("only by phone?"), a relative clause after "those", a verb ("who called in").
    expect(askedTypes("can they reach it only by phone")).toEqual([]);
    expect(askedTypes("what is the hotline phone")).toEqual(["contact"]);
    expect(askedTypes("дай телефон линии")).toEqual(["contact"]);
    expect(askedTypes("what is the hotline number")).toEqual(["contact"]);
    expect(askedTypes("what is the telegram bot @ for the hotline")).toEqual(["contact"]);
    expect(askedTypes("what is the number of calls")).toEqual([]);
    expect(askedTypes("дроны юзают чтоб найти тех кто позвонил")).toEqual([]);
    expect(askedTypes("what tech finds the guys who called in")).toEqual([]);
    expect(askedTypes("what was the pilot called")).toEqual(["person"]);
    expect(askedTypes("why did he defect")).toEqual(["reason"]);
    expect(askedTypes("чим пілот пояснив своє рішення")).toEqual(["reason"]);
    expect(askedTypes("как сам лётчик объяснил своё решение")).toEqual(["reason"]);
    // «На чому» is "on what", not "why".
    expect(askedTypes("на чому він перелетів")).toEqual([]);
    expect(askedTypes("чому він перелетів")).toEqual(["reason"]);
    // Asked of the bot, "explain" is no question about a reason.
    expect(askedTypes("объясните простыми словами, что такое инфляция")).toEqual([]);
    expect(askedTypes("somewhere anyhow")).toEqual([]);
    expect(askedTypes("nowhere")).toEqual([]);
  });

  it("takes the words after the question word as its focus", () => {
    expect(focusText("how many years did he get")).toBe(" years did he get");
    expect(focusText("the hotline who heads it")).toBe(" heads it");
    expect(focusText("як звали пілота")).toBe(" звали пілота");
    expect(focusText("calls to the hotline")).toBeUndefined();
  });

  it("finds the numbers a text names, digit groups joined, years and parts of names aside", () => {
    expect(namedNumbers("of the 9836 who surrendered, 220 and 220 in 2023")).toEqual([9836, 220]);
    expect(namedNumbers("2,000 appeals, not 2000; the mi-8 on 1 day, 1,5 тысяч")).toEqual([2000]);
    expect(namedNumbers("more than 220, reported on 4 january 2024 and on січня 3")).toEqual([220]);
  });

  it("finds the years a question names, each once", () => {
    expect(namedYears("calls in 2023 and 2023 and 1949 and 1950 and 2049 and 2050 and 12023")).toEqual([
      "2023",
      "1950",
      "2049",
    ]);
  });
});

describe("what a fact carries", () => {
  it("a person's name, not an organisation's or an outlet's", () => {
    expect(types("The hotline is run by the HUR.")).toEqual(["who"]);
    expect(types("The pilot Maxim Kuzminov flew it.")).toEqual(["person", "who"]);
    expect(types("The pilot Maxim K. Kuzminov flew it.")).toEqual(["person", "who"]);
    expect(types("Reported by Business Insider.")).toEqual(["who"]);
    expect(types("Reported by Radio Liberty.")).toEqual(["who"]);
    expect(types("The pilot Maxim  Kuzminov flew it.")).toEqual(["person", "who"]);
    expect(types("The pilot Maxim K.  Kuzminov flew it.")).toEqual(["person", "who"]);
    expect(types("Run by the Coordination Headquarters.")).toEqual(["who"]);
    expect(types("Run by the Freedom Legion.", new Set(["legion"]))).toEqual(["who"]);
    expect(types("Run by the Freedom Legion.")).toEqual(["person", "who"]);
    // At the very start of the answer a capitalised pair is the sentence's start, not a name.
    expect(types("Maxim Kuzminov flew it.")).toEqual(["who"]);
  });

  it("a date, a place, a figure and a contact", () => {
    expect(types("It opened on 4 March.")).toEqual(["when"]);
    expect(types("It opened in 2022.")).toEqual(["when"]);
    expect(types("It takes three days.")).toEqual(["figure", "when"]);
    expect(types("It is based in Kyiv.")).toEqual(["where"]);
    // A report's own fact quotes its headline, which names no place it gives.
    const published = "“Forces Are Surrendering at Surging Pace” was published on 8 April 2023.";
    expect([...carriedBy(fact(published, { id: "source:nw:published" })).types]).toEqual(["when"]);
    expect([...carriedBy(fact(published)).types]).toContain("where");
    expect(types("It is based in the city.")).toEqual([]);
    expect(types("It got 26,000 calls.")).toEqual(["figure"]);
    expect(types("Call +380 66 580 34 98.")).toContain("contact");
    expect(types("Write to @hochu_zhyt.")).toEqual(["contact"]);
    expect(types("See https://example.org.")).toEqual(["contact"]);
    expect(types("It has a Telegram chatbot.")).toEqual([]);
    expect(types("It took a day.")).toEqual(["when"]);
    expect(types("It is based in  the  Kyiv region.")).toEqual(["where"]);
    expect(types("See http://example.org.")).toEqual(["contact"]);
    expect(types("0665803498 is the number.")).toContain("contact");
    expect(types("Call +380665803498")).toContain("contact");
  });

  it("a kind of people for 'who': conscripts, relatives, callers; not soldiers, which every claim names", () => {
    expect(types("More and more mercenaries and foreigners surrender.")).toEqual(["who"]);
    expect(types("His parents were brought over.")).toEqual(["who"]);
    expect(types("Many soldiers surrender.")).toEqual([]);
  });

  it("a reason, when the claim gives one or the fact's own questions ask why", () => {
    expect(types("He deserted so as not to take part in the invasion.")).toEqual(["reason"]);
    expect(types("He deserted because no one paid him.")).toEqual(["reason"]);
    expect(types("He deserted with his helicopter.")).toEqual([]);
    const asked = fact("He deserted with his helicopter.", {
      questions: { en: [], ru: [], uk: ["Чому він перелетів?"] },
    });
    expect([...carriedBy(asked).types]).toEqual(["reason"]);
  });

  it("dates the claim, not its attribution", () => {
    expect(types("According to officials (4 January 2024), it is open.")).toEqual([]);
    expect(types("According to the HUR, it is open.")).toEqual([]);
    expect(types("It is open (as of 4 January 2024, says the HUR).")).toEqual([]);
    const carried = carriedBy(
      fact("According to HUR (January 2024), 2,000 called in 2023.", { quote: "in 2022" }),
    );
    expect([...carried.years].sort()).toEqual(["2022", "2023"]);
  });
});

describe("what else a question asks", () => {
  it("its words, whether it asks for a reply, whether it asks about a later event", () => {
    expect([...asks("did kuzminov's mother reply").words]).toEqual(["did", "kuzminov's", "mother", "reply"]);
    expect(asks("did the ministry respond").reply).toBe(true);
    expect(asks("что ответил кремль").reply).toBe(true);
    expect(asks("чи відреагували в кремлі").reply).toBe(true);
    expect(asks("did they answerphone").reply).toBe(false);
    // Asking someone for comment is the request; how he responded to it is the reply.
    expect(asks("who did newsweek contact for comment").reply).toBe(false);
    expect(asks("у кого newsweek запрашивал комментарии").reply).toBe(false);
    expect(asks("в кого newsweek просив коментар").reply).toBe(false);
    expect(asks("до кого newsweek звертався по коментар").reply).toBe(false);
    expect(asks("whom did newsweek request comment from").reply).toBe(false);
    expect(asks("newsweek tried to get a comment from an analyst, who was it").reply).toBe(false);
    expect(asks("с каким аналитиком newsweek пытался связаться для комментария").reply).toBe(false);
    expect(asks("з ким newsweek намагався зв'язатися для коментаря").reply).toBe(false);
    expect(asks("did newsweek get a comment from the ministry").reply).toBe(true);
    // What someone said when asked for comment is his reply; what a report says is not.
    expect(asks("what did felgenhauer tell newsweek when asked for comment").reply).toBe(true);
    expect(asks("что сказал фельгенгауэр на запрос комментария").reply).toBe(true);
    expect(asks("що сказав фельгенгауер, коли його попросили про коментар").reply).toBe(true);
    expect(asks("what did newsweek say about felgenhauer").reply).toBe(false);
    expect(asks("how did felgenhauer respond when asked for comment").reply).toBe(true);
    expect(asks("какой комментарий дал фельгенгауэр").reply).toBe(true);
    expect(asks("did felgenhauer comment").yesNo).toBe(true);
    expect(asks("what happened next").later).toBe(true);
    expect(asks("що було потім").later).toBe(true);
    expect(asks("what happened nextdoor").later).toBe(false);
    expect(asks("who runs it")).toEqual({
      words: new Set(["who", "runs", "it"]),
      reply: false,
      yesNo: false,
      later: false,
      outcome: false,
      exact: false,
    });
  });

  it("whether it asks how things stand now or how they ended, and whether it insists on precision", () => {
    expect(asks("is yusov still at hur").outcome).toBe(true);
    expect(asks("what happened in the end").outcome).toBe(true);
    expect(asks("чем закончилась история").outcome).toBe(true);
    expect(asks("він досі в україні").outcome).toBe(true);
    expect(asks("is it stillborn").outcome).toBe(false);
    // Whether a forecast came true is asked after the report, too.
    expect(asks("did cancian's prediction come true").outcome).toBe(true);
    expect(asks("was he right about the collapse").outcome).toBe(true);
    expect(asks("сбылся ли прогноз кансиана").outcome).toBe(true);
    expect(asks("чи справдився прогноз").outcome).toBe(true);
    expect(asks("what did cancian predict").outcome).toBe(false);
    expect(asks("exactly how much").exact).toBe(true);
    expect(asks("какую точную сумму").exact).toBe(true);
    expect(asks("скільки конкретно").exact).toBe(true);
    expect(asks("how much did he get").exact).toBe(false);
  });

  it("whether it pits the reports against each other", () => {
    for (const q of [
      "when did the hotline launch? do the sources disagree",
      "site visits 14 mil or 48 mil?? which one is right",
      "the reports give different launch dates",
      "почему в разных публикациях разные даты запуска",
      "чим відрізняються дані newsweek і kyiv independent",
      "коли запустили лінію, серпень чи вересень 2022",
      "в одной статье семья, в другой родители, как правильно?",
      "то 14 чи 48 мільйонів, хто правий",
    ])
      expect(asksDisagreement(q), q).toBe(true);
    for (const q of [
      "чим випадок із мі8 відрізнявся від попередніх",
      "как правильно поливать орхидеи",
      "what is the difference between a virus and a bacterium",
      "how many calls or visits did it get",
    ])
      expect(asksDisagreement(q), q).toBe(false);
  });
});

describe("what else a fact carries", () => {
  const carried = (en: string, organisationWords?: ReadonlySet<string>) =>
    carriedBy(fact(en), organisationWords);

  it("the surnames of the people its claim names, not its speaker's nor an organisation's", () => {
    expect([...carried("The pilot Maxim Kuzminov and Ivan K. Petrov flew.").people].sort()).toEqual([
      "kuzminov",
      "petrov",
    ]);
    expect([...carried("Andriy Yusov told VOA that Ivan Petrov called.").people]).toEqual(["petrov"]);
    expect([...carried("Andriy Yusov said it works.").people]).toEqual(["yusov"]);
    expect([...carried("The Kyiv Independent wrote it.").people]).toEqual([]);
    expect([...carried("The Freedom Legion wrote it.", new Set(["legion"])).people]).toEqual([]);
    expect([...carried("Reported by Radio Liberty.").people]).toEqual([]);
    expect([...carried("The pilot Maxim  Kuzminov flew.").people]).toEqual(["kuzminov"]);
    expect([...carried("Maxim Kuzminov Junior flew.").people]).toEqual(["junior"]);
  });

  it("whether someone asked for a comment got none", () => {
    expect(carried("The ministry did not respond to a request for comment.").noReply).toBe(true);
    expect(carried("Reporters reached out for comments.").noReply).toBe(true);
    expect(carried("Reporters asked the ministry for a comment.").noReply).toBe(true);
    expect(carried("The ministry did not reply.").noReply).toBe(true);
    expect(carried("The ministry commented on it.").noReply).toBe(false);
  });

  it("whether its claim is about an earlier event and not a later one", () => {
    expect(carried("The previous swap freed 200.").earlier).toBe(true);
    expect(carried("Before the war it was closed.").earlier).toBe(true);
    expect(carried("The previous swap came after the talks.").earlier).toBe(false);
    expect(carried("The swap freed 200.").earlier).toBe(false);
  });
});

describe("identitySubject", () => {
  it("reads the subject of who/what-is questions in three languages, without filler words", () => {
    expect(identitySubject("who is kuzminov")).toEqual(["kuzminov"]);
    expect(identitySubject("who s that guy yusov")).toEqual(["yusov"]);
    expect(identitySubject("what is i want to live")).toEqual(["i", "want", "to", "live"]);
    expect(identitySubject("кто такой юсов вообще")).toEqual(["юсов"]);
    expect(identitySubject("хто такий андрій юсов")).toEqual(["андрій", "юсов"]);
  });

  it("is no identity question when the words after it ask something else", () => {
    expect(identitySubject("who runs the hotline")).toBeUndefined();
    expect(identitySubject("who is surrendering to ukraine")).toBeUndefined();
    expect(identitySubject("who was to pay kuzminov reward")).toBeUndefined();
    expect(identitySubject("what is the hotline for")).toBeUndefined();
    expect(identitySubject("кто такие рашисты о которых говорит юсов")).toBeUndefined();
    expect(identitySubject("who is")).toBeUndefined();
  });
});

describe("a lexicon's person words", () => {
  it("make 'which pilot' ask for a person's name, in every language, a Cyrillic word in any case", () => {
    const { asksPerson } = compileLexicon({
      en: lexiconLanguage({ personWords: ["pilot"] }),
      ru: lexiconLanguage({ personWords: ["летчик"] }),
      uk: lexiconLanguage(),
    });
    expect(askedTypes("which pilot defected with a helicopter", asksPerson)).toContain("person");
    expect(askedTypes("какого летчика наградили", asksPerson)).toContain("person");
    expect(askedTypes("which pilot defected with a helicopter")).not.toContain("person");
    // "which pilots" asks for kinds of pilots; the pilot's reward names no one to ask for.
    expect(askedTypes("which pilots defected", asksPerson)).not.toContain("person");
    expect(askedTypes("what did the pilot get", asksPerson)).not.toContain("person");
    expect(
      compileLexicon({ en: lexiconLanguage(), ru: lexiconLanguage(), uk: lexiconLanguage() }).asksPerson,
    ).toBeUndefined();
  });
});
