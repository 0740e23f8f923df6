import type { Lang } from "../knowledge/types.js";

/**
 * Words for a news outlet and its article. Every answer names the report it comes from, so every fact carries
 * these: "which newspaper first reported the 220 figure" asks for what the citation gives, and "newspaper" is
 * no word the fact lacks; nor is "article" in "what problems does the article about the calls mention". Not
 * "site": the hotline has a website, and facts about it must keep that word to themselves.
 */
export const OUTLET_WORDS: Record<Lang, string> = {
  en: "outlet publication newspaper paper broadcaster magazine article piece story coverage",
  ru: "издание газета СМИ статья материал публикация заметка",
  uk: "видання газета ЗМІ стаття матеріал публікація замітка",
};
