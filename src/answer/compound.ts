import type { Lang } from "../knowledge/types.js";

// Where one message asks a second question: a question mark or semicolon, "and"/"и"/"і" before a
// question word ("when did it start and who runs it"), or a comma before one that only asks. A bare "and"
// joins words, not questions.
const QUESTION_WORDS: Record<Lang, string> = {
  en: "who|whom|what|whats|when|where|why|how|which|did|does|do|is|are|was|were|can|could|will|would|has|have",
  ru: "кто|кого|что|когда|где|куда|почему|зачем|как|какой|какая|какое|какие|сколько|чей|чья|ли|был|была|было|были|есть",
  uk: "хто|кого|що|коли|де|куди|чому|навіщо|як|який|яка|яке|які|скільки|чий|чия|чи|був|була|було|були|є",
};
/**
 * After a bare comma only these start a second question: the others also start a clause of the same one
 * ("who headed HUR, when Kuzminov flew over?", «солдати, які здалися»), and a part answered on its own would
 * answer a question nobody asked.
 */
const AFTER_COMMA: Record<Lang, string> = {
  en: "why|how many|how much|did|does|do|is|are|was|were|can|could|will|would|has|have",
  ru: "почему|зачем|сколько|был|была|было|были|есть",
  uk: "чому|навіщо|скільки|чи|був|була|було|були|є",
};
const JOINERS: Record<Lang, string> = {
  en: "and|also|plus|&|\\+",
  ru: "и|а|также|еще|ещё|\\+",
  uk: "і|й|та|а|також|ще|\\+",
};

/**
 * The questions in one message, in order. A message that asks one thing comes back as itself; parts too
 * short to ask anything are joined to the part before.
 */
export function splitQuestions(text: string, lang: Lang): string[] {
  const words = QUESTION_WORDS[lang];
  const joiner = new RegExp(
    `[?？;!]+\\s*|[,:]?\\s+(?:${JOINERS[lang]})\\s+(?=(?:${words})(?!\\p{L}))|,\\s+(?=(?:${AFTER_COMMA[lang]})(?!\\p{L}))`,
    "giu",
  );
  const parts: string[] = [];
  for (const raw of text.split(joiner)) {
    const part = raw.trim();
    if (!part) continue;
    const last = parts.length - 1;
    if (last >= 0 && (part.match(/\p{L}{3,}/gu)?.length ?? 0) < 2) parts[last] = `${parts[last]} ${part}`;
    else parts.push(part);
  }
  return parts.length ? parts : [text];
}
