import { readdir, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative } from "node:path";
import { isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { checkAnswers, type Reading, read } from "./answer-checks.js";
import {
  ABOUT_FILE,
  FACT_FILE,
  FACTS_DIR,
  LEARNED_WORDS_FILE,
  LEXICON_FILE,
  SOURCE_FILE,
  SOURCES_DIR,
  UNANSWERABLE_FILE,
} from "./files.js";
import { checkLexicon } from "./lexicon.js";
import { normalizeForQuote } from "./normalize-quote.js";
import type { Problem } from "./problems.js";
import { readText } from "./read-text.js";
import {
  aboutSchema,
  factSchema,
  learnedWordsSchema,
  lexiconSchema,
  sourceFrontMatterSchema,
  unanswerableSchema,
} from "./schema.js";
import type { Fact, Knowledge, Source } from "./types.js";
import { lineAt, lineOf } from "./yaml-lines.js";

export interface LoadResult {
  /** Present only when there is no error (warnings allowed): never a half-valid knowledge base. */
  knowledge?: Knowledge;
  problems: Problem[];
}

/** Reads and validates a knowledge directory (sources/*.md, facts/*.yaml). Never throws on bad input. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const report = (file: string, line: number | undefined, rule: string, message: string, hint?: string) =>
    problems.push({ file: display(file), line, rule, message, hint, severity: "error" });

  const sourceFiles = await listFiles(join(dir, SOURCES_DIR), SOURCE_FILE, report);
  const factFiles = await listFiles(join(dir, FACTS_DIR), FACT_FILE, report);
  if (problems.length) return { problems };

  const sources = new Map<string, Source>();
  for (const file of sourceFiles) {
    const source = await readSource(file, report);
    if (!source) continue;
    const first = sources.get(source.id);
    if (first)
      report(file, 2, "duplicate-id", `source id "${source.id}" is already used by ${display(first.file)}`);
    else sources.set(source.id, source);
  }

  const parsed: ParsedFact[] = [];
  for (const file of factFiles) parsed.push(...(await readFacts(file, report)));
  checkCrossReferences(parsed, sources, report);
  const facts = parsed.map((p) => p.fact);

  // Only worth saying once the facts themselves are sound: a broken fact file would make every source look unused.
  const cited = new Set(facts.map((f) => f.source));
  const sound = !problems.some((p) => p.severity === "error");
  for (const source of sound ? sources.values() : []) {
    if (!cited.has(source.id))
      problems.push({
        file: display(source.file),
        line: 2,
        rule: "unused-source",
        message: `no fact cites source "${source.id}"`,
        hint: "add facts from it or remove the file",
        severity: "warning",
      });
  }

  const unanswerable = await readUnanswerable(join(dir, UNANSWERABLE_FILE), report);
  const about = (await readYaml(join(dir, ABOUT_FILE), aboutSchema, report))?.data;
  const lexicon = await readLexicon(join(dir, LEXICON_FILE), report);
  const learnedWords = await readLearnedWords(join(dir, LEARNED_WORDS_FILE), report);

  const hasErrors = problems.some((p) => p.severity === "error");
  return hasErrors
    ? { problems }
    : { knowledge: { sources, facts, unanswerable, about, lexicon, learnedWords }, problems };
}

async function readUnanswerable(file: string, report: Report): Promise<Knowledge["unanswerable"]> {
  const parsed = (await readYaml(file, unanswerableSchema, report))?.data;
  return parsed && { en: parsed.en ?? [], ru: parsed.ru ?? [], uk: parsed.uk ?? [] };
}

/**
 * knowledge/learned-words.json: half a megabyte, read by JSON.parse (the YAML parser took half a second). A
 * problem is reported at its line: calibration writes one word a line.
 */
async function readLearnedWords(file: string, report: Report): Promise<Knowledge["learnedWords"]> {
  const read = await readText(file);
  if (!read.ok) {
    if (read.missing) return undefined;
    return void report(file, read.line, "encoding", read.reason, "save the file as UTF-8");
  }
  const hint = "npm run calibrate writes it again";
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (error) {
    const message = (error as Error).message;
    const at = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    const line = read.text.slice(0, at).split("\n").length;
    return void report(file, line, "json-syntax", message.replace(/ in JSON at position .*$/, ""), hint);
  }
  const parsed = learnedWordsSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  // The line of the innermost key the problem names ("terms.hotlin"), else the first.
  const lineOf = (path: PropertyKey[]) => {
    const key = path.findLast((k) => typeof k === "string");
    const at = key === undefined ? -1 : read.text.indexOf(`${JSON.stringify(key)}:`);
    return at < 0 ? 1 : read.text.slice(0, at).split("\n").length;
  };
  reportSchemaIssues(parsed.error.issues, file, lineOf, report);
  return undefined;
}

async function readLexicon(file: string, report: Report): Promise<Knowledge["lexicon"]> {
  const parsed = await readYaml(file, lexiconSchema, report);
  return (
    parsed &&
    checkLexicon(parsed.data, parsed.lineAt, (line, rule, message, hint) =>
      report(file, line, rule, message, hint),
    )
  );
}

/**
 * An optional YAML file of the knowledge, validated by `schema`; problems are reported with file:line. Also
 * returns where each path stands, for checks beyond the schema.
 */
async function readYaml<T extends z.ZodType>(
  file: string,
  schema: T,
  report: Report,
): Promise<{ data: z.infer<T>; lineAt: (path: PropertyKey[]) => number } | undefined> {
  const read = await readText(file);
  if (!read.ok) {
    if (read.missing) return undefined;
    return void report(file, read.line, "encoding", read.reason, "save the file as UTF-8");
  }
  const lines = new LineCounter();
  const doc = parseDocument(read.text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors)
      report(file, e.linePos?.[0].line ?? 1, "yaml-syntax", firstLine(e.message), "fix the YAML syntax");
    return undefined;
  }
  const at = (path: PropertyKey[]) => lineAt(doc.contents, path, lines, 1);
  const parsed = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, file, at, report);
    return undefined;
  }
  return { data: parsed.data, lineAt: at };
}

type Report = (file: string, line: number | undefined, rule: string, message: string, hint?: string) => void;

/** A path as the user gave it: relative stays relative; absolute is shortened only inside the working directory. */
function display(file: string): string {
  if (!isAbsolute(file)) return file;
  const inside = relative(process.cwd(), file);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : file;
}

async function listFiles(dir: string, pattern: RegExp, report: Report): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) {
      report(
        dir,
        undefined,
        "read-error",
        "is not a directory",
        "a knowledge directory holds sources/ and facts/",
      );
      return [];
    }
    const names = (await readdir(dir)).filter((n) => pattern.test(n)).sort();
    if (names.length === 0)
      report(
        dir,
        undefined,
        "empty-dir",
        `holds no ${pattern.source.includes("md") ? ".md" : ".yaml"} files`,
      );
    return names.map((n) => join(dir, n));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? error})`;
    report(
      dir,
      undefined,
      "read-error",
      why,
      "set KNOWLEDGE_DIR or pass the directory that holds sources/ and facts/",
    );
    return [];
  }
}

async function readSource(file: string, report: Report): Promise<Source | undefined> {
  const read = await readText(file);
  if (!read.ok) return void report(file, read.line, "encoding", read.reason, "save the file as UTF-8");
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/.exec(read.text);
  if (!match) {
    return void report(
      file,
      1,
      "front-matter",
      "the file does not start with YAML front matter",
      "begin with a line '---', the keys id, title, publisher, published, url, language, retrieved, then '---'",
    );
  }
  const [, head = "", body = ""] = match;
  const lines = new LineCounter();
  const doc = parseDocument(head, { lineCounter: lines, prettyErrors: true });
  // Front matter starts on the file's second line.
  const fileLine = (line: number) => line + 1;
  if (doc.errors.length) {
    for (const e of doc.errors)
      report(
        file,
        fileLine(e.linePos?.[0].line ?? 1),
        "yaml-syntax",
        firstLine(e.message),
        "fix the YAML syntax",
      );
    return;
  }
  const parsed = sourceFrontMatterSchema.safeParse(doc.toJS(), { reportInput: true });
  if (!parsed.success) {
    reportSchemaIssues(
      parsed.error.issues,
      file,
      (path) => fileLine(lineAt(doc.contents, path, lines, 1)),
      report,
    );
    return;
  }
  const meta = parsed.data;
  const expectedName = `${meta.id}.md`;
  if (basename(file) !== expectedName)
    report(
      file,
      fileLine(lineAt(doc.contents, ["id"], lines, 1)),
      "source-id-mismatch",
      `id "${meta.id}" does not match the file name`,
      `rename the file to ${expectedName}`,
    );
  const text = body.trim();
  if (!text)
    report(
      file,
      fileLine(head.split("\n").length + 1),
      "empty-text",
      "the article text after the front matter is empty",
      "paste the article text below the front matter",
    );
  return {
    id: meta.id,
    title: meta.title,
    publisher: meta.publisher,
    author: meta.author,
    published: meta.published,
    publishedNote: meta.published_note,
    url: meta.url,
    language: meta.language,
    retrieved: meta.retrieved,
    note: meta.note,
    aliases: meta.aliases,
    notCovered: meta.not_covered,
    // The text starts after the closing "---" and any blank lines that trim() removed.
    textLine: fileLine(head.split("\n").length + 2) + (/^\s*/.exec(body)?.[0].split("\n").length ?? 1) - 1,
    text,
    file,
  };
}

/** A fact and where each of its keys stands, for the cross-checks that run once every file is parsed. */
interface ParsedFact {
  fact: Fact;
  lineOf: (key: string) => number;
  /** The line of a nested key, e.g. ["answer", "ru"]. */
  lineAt: (path: string[]) => number;
}

async function readFacts(file: string, report: Report): Promise<ParsedFact[]> {
  const read = await readText(file);
  if (!read.ok) {
    report(file, read.line, "encoding", read.reason, "save the file as UTF-8");
    return [];
  }
  const lines = new LineCounter();
  const doc = parseDocument(read.text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors)
      report(
        file,
        e.linePos?.[0].line ?? 1,
        "yaml-syntax",
        firstLine(e.message),
        "fix the YAML syntax (indentation, quotes, colons)",
      );
    return [];
  }
  if (!isSeq(doc.contents)) {
    report(
      file,
      lineOf(doc.contents, lines) ?? 1,
      "not-a-list",
      "a facts file must be a YAML list of facts",
      "start each fact with '- id: ...'",
    );
    return [];
  }
  const facts: ParsedFact[] = [];
  for (const item of doc.contents.items) {
    const itemLine = lineOf(item as never, lines) ?? 1;
    const parsed = factSchema.safeParse((item as { toJSON?: () => unknown } | null)?.toJSON?.() ?? item, {
      reportInput: true,
    });
    if (!parsed.success) {
      reportSchemaIssues(parsed.error.issues, file, (path) => lineAt(item, path, lines, itemLine), report);
      continue;
    }
    const f = parsed.data;
    const keyLine = (key: string) => lineAt(item, [key], lines, itemLine);
    const fact: Fact = {
      id: f.id,
      source: f.source,
      quote: f.quote,
      asOf: f.as_of,
      attributedTo: f.attributed_to,
      tags: f.tags ?? [],
      related: f.related ?? [],
      agreesWith: f.agrees_with ?? [],
      conflictsWith: f.conflicts_with ?? [],
      timeline: f.timeline ?? [],
      questions: f.questions,
      answer: f.answer,
      file,
      line: keyLine("id"),
    };
    facts.push({ fact, lineOf: keyLine, lineAt: (path) => lineAt(item, path, lines, itemLine) });
  }
  return facts;
}

function checkCrossReferences(
  parsed: ParsedFact[],
  sources: ReadonlyMap<string, Source>,
  report: Report,
): void {
  const seen = new Map<string, Fact>();
  // Each source is normalised and read once, not once per fact (that cost seconds at 50,000 facts).
  const sourceText = new Map<string, string>();
  const sourceReading = new Map<string, Reading>();
  for (const { fact, lineOf: at, lineAt: atPath } of parsed) {
    const first = seen.get(fact.id);
    if (first) {
      report(
        fact.file,
        fact.line,
        "duplicate-id",
        `fact id "${fact.id}" is already defined at ${display(first.file)}:${first.line}`,
        "give one of them another id",
      );
    } else seen.set(fact.id, fact);

    const source = sources.get(fact.source);
    if (!source) {
      report(
        fact.file,
        at("source"),
        "unknown-source",
        `source "${fact.source}" does not exist`,
        `add knowledge/sources/${fact.source}.md or correct the id`,
      );
    } else {
      const text = sourceText.get(source.id) ?? normalizeForQuote(source.text);
      sourceText.set(source.id, text);
      if (!text.includes(normalizeForQuote(fact.quote))) {
        report(
          fact.file,
          at("quote"),
          "quote-not-found",
          `quote not found in source ${fact.source}`,
          "copy the words exactly from the article; check spelling or whitespace",
        );
      }
      const reading = sourceReading.get(source.id) ?? read(source.text, "en", true);
      sourceReading.set(source.id, reading);
      for (const p of checkAnswers(fact, source, reading)) {
        report(fact.file, atPath(["answer", p.lang]), p.rule, p.message, p.hint);
      }
    }
  }
  const ids = new Set(parsed.map((p) => p.fact.id));
  for (const { fact, lineOf: at } of parsed) {
    for (const [key, refs] of [
      ["related", fact.related],
      ["agrees_with", fact.agreesWith],
      ["conflicts_with", fact.conflictsWith],
      ["timeline", fact.timeline],
    ] as const) {
      for (const ref of refs) {
        if (ref === fact.id)
          report(
            fact.file,
            at(key),
            "self-reference",
            `${key} lists the fact's own id "${ref}"`,
            "remove it",
          );
        else if (!ids.has(ref))
          report(
            fact.file,
            at(key),
            "unknown-reference",
            `${key} names fact "${ref}", which does not exist`,
            "correct the id or remove it",
          );
      }
    }
  }
  // A timeline is one measure at different dates; two figures of the same date are reports that disagree.
  const byId = new Map(parsed.map((p) => [p.fact.id, p.fact]));
  for (const { fact, lineOf: at } of parsed) {
    for (const ref of fact.timeline) {
      const other = byId.get(ref);
      if (other && other.id !== fact.id && other.asOf === fact.asOf)
        report(
          fact.file,
          at("timeline"),
          "timeline-same-date",
          `timeline names "${ref}", which has the same as_of (${fact.asOf})`,
          "figures of the same date that differ go under conflicts_with; a timeline needs different as_of",
        );
    }
    // Agreeing is between reports, and a report cannot both agree and disagree with another.
    for (const ref of fact.agreesWith) {
      const other = byId.get(ref);
      if (other && other.id !== fact.id && other.source === fact.source)
        report(
          fact.file,
          at("agrees_with"),
          "agreement-same-source",
          `agrees_with names "${ref}", from the same source (${fact.source})`,
          "agrees_with links facts of different reports; facts of one report go under related",
        );
      if (fact.conflictsWith.includes(ref) || other?.conflictsWith.includes(fact.id))
        report(
          fact.file,
          at("agrees_with"),
          "agrees-and-conflicts",
          `"${ref}" is both in agrees_with and in conflicts_with`,
          "keep it in one: conflicts_with if the reports differ, agrees_with if they say the same",
        );
    }
  }
}

function reportSchemaIssues(
  issues: z.core.$ZodIssue[],
  file: string,
  lineFor: (path: PropertyKey[]) => number,
  report: Report,
): void {
  for (const issue of issues) {
    const path = issue.path;
    const field = path.map(String).join(".") || "(entry)";
    const line = lineFor(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        report(
          file,
          lineFor([...path, key]),
          "unknown-field",
          `unknown field "${[...path, key].join(".")}"`,
          "check the spelling; see knowledge/README.md for the fields",
        );
    } else if (issue.code === "invalid_type" && issue.input === undefined) {
      const [top] = path;
      const isLanguage = (top === "questions" || top === "answer") && path.length === 2;
      report(
        file,
        line,
        isLanguage ? "missing-language" : "missing-field",
        `"${field}" is required`,
        isLanguage ? "every fact needs questions and an answer in en, ru and uk" : undefined,
      );
    } else {
      const rule = /date/.test(issue.message) ? "invalid-date" : "invalid-field";
      report(file, line, rule, `"${field}" ${issue.message}`);
    }
  }
}

/** yaml's message without the position (we print our own) and without the code excerpt. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
