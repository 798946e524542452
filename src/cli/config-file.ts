/**
 * --config FILE: a JSON object of overrides, checked against the one schema
 * (src/core/config/schema.ts) and merged over the defaults. Any problem is a ConfigError, raised
 * before a command reads or writes a workbook, so a bad file never leads to a written one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  checkConfigJson,
  type ConfigProblem,
  formatConfigProblems,
  type Lang,
  mergeConfig,
  type ShinchokuConfig,
} from "../core";

const FILE_WORDS = {
  ja: { missing: "ファイルが見つかりません", unreadable: "ファイルを読めません", warning: "設定の注意" },
  en: { missing: "file not found", unreadable: "the file cannot be read", warning: "configuration warning" },
} satisfies Record<Lang, Record<string, string>>;

export class ConfigError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    private readonly fileProblem: keyof typeof FILE_WORDS.ja | null = null,
  ) {
    super(fileProblem ? FILE_WORDS.en[fileProblem] : formatConfigProblems("en", problems));
  }

  /** One line: every problem with its JSON path, in the user's language. */
  reason(lang: Lang): string {
    return this.fileProblem ? FILE_WORDS[lang][this.fileProblem] : formatConfigProblems(lang, this.problems);
  }
}

/** The configuration, or a ConfigError; warnings (unknown rule codes) go to `onWarnings`. */
export function loadConfig(
  file: string | null,
  onWarnings?: (problems: ConfigProblem[]) => void,
): ShinchokuConfig {
  if (!file) return mergeConfig(null);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError([], (err as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable");
  }
  const checked = checkConfigJson(text);
  if (checked.warnings.length) onWarnings?.(checked.warnings);
  if (!checked.ok) throw new ConfigError(checked.errors);
  return mergeConfig(checked.overrides);
}

/** A warning line for the terminal. */
export function configWarningLine(lang: Lang, file: string, problems: ConfigProblem[]): string {
  return `${FILE_WORDS[lang].warning}: ${file} — ${formatConfigProblems(lang, problems)}`;
}

/** The installed schema/shinchoku.schema.json (the package's root holds package.json). */
export function schemaFile(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, "schema", "shinchoku.schema.json");
}

/**
 * The "$schema" value for a configuration written in `cwd`: the installed schema's path relative to
 * it, with forward slashes, as editors resolve "$schema" against the file that names it.
 */
export function schemaReference(cwd: string): string {
  const rel = path.relative(cwd, schemaFile()).split(path.sep).join("/");
  return rel.startsWith(".") || path.isAbsolute(rel) ? rel : `./${rel}`;
}
