/** The command line, parsed with node:util — no dependency. Wrong arguments throw UsageError (exit 2). */
import { parseArgs } from "node:util";
import type { Lang } from "../core";

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
}

export class UsageError extends Error {}

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
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values: v, positionals } = parsed;
  const [cmd, ...inputs] = positionals;
  const command = (v.help || !cmd ? "help" : cmd) as Command;
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command: ${cmd}`);
  const lang = v.lang ?? "ja";
  if (lang !== "ja" && lang !== "en") throw new UsageError(`--lang must be ja or en, not ${lang}`);
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
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${s}`);
  return d;
}
