import { type ParseArgsConfig, parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { type Config, ConfigError, parseConfig } from "../config.js";

/** A mistake on the command line: the CLI prints it with its usage and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * node:util's parseArgs, strict: an unknown option (`npm run validate -- --bogus` is one, not a directory),
 * a missing value or more than `maxPositionals` arguments is a UsageError, never a stack trace or a silently
 * ignored word. After a `--` of its own, an argument may start with a dash.
 */
export function parseCommandLine<O extends Options>(
  argv: string[],
  options: O,
  maxPositionals = 0,
): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw asUsageError(error);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new UsageError(
      maxPositionals === 0 ? `unexpected argument "${extra}"` : `too many arguments: "${extra}"`,
    );
  }
  return parsed;
}

/** An error from parsing arguments (node:util's or a CLI's own) as a UsageError with a short message. */
export function asUsageError(error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return new UsageError(`unknown option ${option}`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /missing/.test(message)) {
    return new UsageError(`${option} needs a value`);
  }
  // node's longer messages go on to suggest `--` tricks that do not fit `npm run`.
  return new UsageError(code?.startsWith("ERR_PARSE_ARGS") ? (message.split(". ")[0] ?? message) : message);
}

/**
 * The bot's settings, read the way the bot reads them: the environment, and .env in the current directory
 * (npm run: the project root) for what the environment does not set. Throws ConfigError.
 */
export function readSettings(): Config {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}

/** What to print for a UsageError or a ConfigError before exiting with code 2; anything else is rethrown. */
export function describeCliError(error: unknown, usage: string): string {
  if (error instanceof UsageError) return `${error.message}\n\n${usage}`;
  if (error instanceof ConfigError) return `invalid setting ${error.message} (in the environment or .env)`;
  throw error;
}

/**
 * The knowledge directory a CLI reads: the one given on the command line, else the bot's KNOWLEDGE_DIR (what
 * `npm start` reads). A "directory" starting with a dash is an option typed after a stray `--` (./-x is one).
 */
export function knowledgeDirArgument(given: string | undefined): string {
  if (given?.startsWith("-")) throw new UsageError(`unknown option ${given}`);
  return given ?? readSettings().knowledgeDir;
}
