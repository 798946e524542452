/** Printing the engine's reports: text grouped by item, or JSON in buildReport's shape. */
import { buildReport, type Finding, formatTextReport, type JsonReport, type Lang } from "../core";
import type { Analysed } from "./pipeline";

export interface Failure {
  file: string;
  reason: string;
}

export function findingsOf(a: Analysed): Finding[] {
  return [...a.analysis.findings, ...a.planFindings];
}

export function textReport(a: Analysed, lang: Lang, source = a.file): string {
  return formatTextReport(
    {
      source,
      items: a.analysis.read.items,
      findings: findingsOf(a),
      reviewed: a.analysis.reviewed.length,
      checklist: a.analysis.checklist,
    },
    lang,
  );
}

/** buildReport, with the planning findings in its list and counts. */
export function jsonReport(a: Analysed, lang: Lang): JsonReport {
  return buildReport(a.analysis, lang, a.planFindings);
}

/**
 * One readable file: the report object itself. Otherwise (several files, or a failure):
 * {"files": [{"file", "report"} | {"file", "error"}]}, in input order.
 */
export function jsonOutput(results: Analysed[], failures: Failure[], lang: Lang, order: string[]): unknown {
  if (results.length === 1 && failures.length === 0) return jsonReport(results[0], lang);
  const files = order.map((file) => {
    const r = results.find((x) => x.file === file);
    if (r) return { file, report: jsonReport(r, lang) };
    return { file, error: failures.find((f) => f.file === file)?.reason ?? "unknown" };
  });
  return { files };
}

/** 2 when a file could not be read, else 1 when any error was found, else 0. */
export function exitCode(results: Analysed[], failures: Failure[]): number {
  if (failures.length) return 2;
  return results.some((a) => findingsOf(a).some((f) => f.severity === "error")) ? 1 : 0;
}
