import type { Lang } from "../knowledge/types.js";

/**
 * Words for a news outlet. Every answer names the report it comes from, so every fact carries these: "which
 * newspaper first reported the 220 figure" asks for what the citation gives, and "newspaper" is no word the
 * fact lacks. Not "site": the hotline has a website, and facts about it must keep that word to themselves.
 */
export const OUTLET_WORDS: Record<Lang, string> = {
  en: "outlet publication newspaper paper broadcaster magazine",
  ru: "издание газета СМИ",
  uk: "видання газета ЗМІ",
};
