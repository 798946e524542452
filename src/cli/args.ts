/** The command line, parsed with node:util — no dependency. Wrong arguments throw UsageError (exit 2). */
import { parseArgs } from "node:util";
import type { Lang } from "../core";
import { MSG } from "./messages";

export type Command = "validate" | "fill" | "summary" | "run" | "undo" | "config" | "help";
const COMMANDS: Command[] = ["validate", "fill", "summary", "run", "undo", "config", "help"];

export interface CliArgs {
  command: Command;
  inputs: string[];
  out: string | null;
  inPlace: boolean;
  json: boolean;
  lang: Lang;
  /** "Today" for the engine; the clock unless --as-of. */
  asOf: Date;
  config: string | null;
  printDefault: boolean;
  /** Progress bar allowed (off with --no-progress). */
  progress: boolean;
  /** validate: write the findings as CSV (UTF-8 with BOM) to this file. */
  findingsCsv: string | null;
  /** Show the stack trace of an error (otherwise one line). */
  debug: boolean;
}

/**
 * Wrong arguments (exit 2). The words are given in the user's language, or as a function of it
 * when the language is not known yet (while the arguments are parsed).
 */
export class UsageError extends Error {
  constructor(readonly words: string | ((lang: Lang) => string)) {
    super(typeof words === "string" ? words : words("en"));
  }

  text(lang: Lang): string {
    return typeof this.words === "string" ? this.words : this.words(lang);
  }
}

/** The language asked for, read before the arguments are parsed (for the words of a parse error). */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
  }
  return "ja";
}

/** node:util's parse errors in our words ("Unknown option '--x'" → 「--x」というオプションはありません). */
function parseErrorWords(err: unknown): (lang: Lang) => string {
  const e = err as NodeJS.ErrnoException;
  const quoted = /'([^']+)'/.exec(e.message ?? "")?.[1] ?? "";
  const option = quoted.replace(/^-\w, /, "").replace(/ <value>$/, "");
  return (lang) => {
    const m = MSG[lang];
    if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return m.unknownOption(option);
    if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      return /argument missing/.test(e.message) ? m.optionNeedsValue(option) : m.optionTakesNoValue(option);
    if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return m.unexpectedArgument(quoted);
    return m.unexpectedArgument(quoted || String(e.message));
  };
}

export function parseCliArgs(argv: string[], now: () => Date = () => new Date()): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", short: "o" },
        "in-place": { type: "boolean" },
        json: { type: "boolean" },
        lang: { type: "string" },
        "as-of": { type: "string" },
        config: { type: "string" },
        "print-default": { type: "boolean" },
        "no-progress": { type: "boolean" },
        "findings-csv": { type: "string" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError(parseErrorWords(err));
  }
  const { values: v, positionals } = parsed;
  const [cmd, ...inputs] = positionals;
  const command = (v.help || !cmd ? "help" : cmd) as Command;
  if (!COMMANDS.includes(command)) throw new UsageError((l) => MSG[l].unknownCommand(cmd));
  const lang = v.lang ?? "ja";
  if (lang !== "ja" && lang !== "en") throw new UsageError((l) => MSG[l].badLang(lang));
  return {
    command,
    inputs,
    out: v.out ?? null,
    inPlace: !!v["in-place"],
    json: !!v.json,
    lang,
    asOf: v["as-of"] !== undefined ? parseAsOf(v["as-of"]) : now(),
    config: v.config ?? null,
    printDefault: !!v["print-default"],
    progress: !v["no-progress"],
    findingsCsv: v["findings-csv"] ?? null,
    debug: !!v.debug,
  };
}

/**
 * "2019-06-30" → that day at local noon: the engine reads the local date, the JSON report the UTC
 * one, and noon keeps both on the same day in every time zone from UTC−11 to UTC+11 (Japan is +9).
 */
export function parseAsOf(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : null;
  if (!m || !d || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3]))
    throw new UsageError((l) => MSG[l].badAsOf(s));
  return d;
}
