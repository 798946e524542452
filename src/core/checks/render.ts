/** A finding's words in the reader's language; severity comes from configuration over the rule's default. */
import type { ShinchokuConfig } from "../config/config";
import type { Finding, Lang, RenderedFinding, Severity } from "../model/finding";
import { ruleByCode } from "./index";
import { placeOf } from "./place";

export function renderMessage(f: Finding, lang: Lang): string {
  const rule = ruleByCode(f.code);
  if (!rule) return f.sheet ? `${f.code} (${placeOf(f)})` : f.code;
  return rule.message[lang]({ ...f.params, sheet: f.sheet, cell: f.cell });
}

/** The message without its leading "Sheet!B3: ", for views that already show the place beside it. */
export function messageWithoutPlace(f: Pick<Finding, "sheet" | "cell"> & { message: string }): string {
  const where = placeOf(f);
  return where && f.message.startsWith(where + ": ") ? f.message.slice(where.length + 2) : f.message;
}

export function renderFinding(f: Finding, lang: Lang): RenderedFinding {
  return { ...f, message: renderMessage(f, lang) };
}

/** The configured severity of a code, or null when the rule is switched off. */
export function severityOf(code: string, config: ShinchokuConfig): Severity | null {
  const o = config.severity[code];
  if (o === "off") return null;
  return o ?? ruleByCode(code)?.defaultSeverity ?? "error";
}
