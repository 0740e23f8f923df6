import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import { detectLanguage, languageOfCode } from "../answer/language.js";
import { MAX_QUESTION_LENGTH } from "../answer/question-length.js";
import { renderSourcesText, renderText } from "../answer/render-text.js";
import type { Engine } from "../answer/types.js";
import { texts } from "../texts/texts.js";

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  /** Interface language for questions with no letters, like the Telegram client's language. */
  fallbackLanguage?: string;
  /** Ends the chat (Ctrl-C): it says goodbye and returns, like /quit. */
  signal?: AbortSignal;
}

/** A local chat with the same engine the bot uses, so the bot can be tried before it has a token. */
export async function runConsoleChat(
  engine: Engine,
  { input, output, fallbackLanguage, signal }: ConsoleChatOptions,
): Promise<void> {
  const write = (text: string) => output.write(`${text}\n`);
  const facts = engine.knowledge.factIds.length;
  write(`factline console chat: ${facts} sourced facts from ${engine.knowledge.sources.size} reports.`);
  const about = engine.knowledge.about?.en;
  if (about) write(`${about.summary}\n`);
  write("Ask in English, Russian or Ukrainian. Try:");
  for (const s of engine.sampleQuestions("en", 3)) write(`  ${s.question}`);
  write(
    "Type /sources for the reports, /quit or Ctrl-D to leave. To run the real bot, set BOT_TOKEN (see README.md).\n",
  );

  const rl = createInterface({ input, output, terminal: false });
  const leave = () => rl.close();
  signal?.addEventListener("abort", leave, { once: true });
  const prompt = () => output.write("> ");
  if (!signal?.aborted) {
    prompt();
    for await (const line of rl) {
      const question = line.trim();
      if (question === "/quit" || question === "/exit") break;
      if (question === "/sources") {
        // As in Telegram, where "no sourced answer" and "what I know" point to it.
        write(`${renderSourcesText(engine.knowledge.sources.values(), languageOfCode(fallbackLanguage))}\n`);
      } else if (question.length > MAX_QUESTION_LENGTH) {
        // The limit Telegram users get, in the same words.
        write(`${texts(detectLanguage(question, fallbackLanguage)).tooLong(MAX_QUESTION_LENGTH)}\n`);
      } else if (question) {
        write(`${renderText(engine.ask(question, { fallbackLanguage }), engine.knowledge)}\n`);
      }
      prompt();
    }
  }
  signal?.removeEventListener("abort", leave);
  rl.close();
  // On its own line, also after Ctrl-C at the prompt.
  write("\nGoodbye.");
}
