/**
 * The ribbon's ExecuteFunction commands (計算欄を記入, 集計シート作成). They run in the function file
 * with or without the task pane, report in a small dialog, and always call event.completed().
 */
import type { OperationKind, OperationResult, ShinchokuOperations } from "../excel/types";
import { t, type Lang } from "../shared/i18n";
import { resultText } from "../shared/result-text";
import { reportError } from "../shared/notify";
import { encodeReport, type DialogReport } from "./dialog-report";

/** Function names as in manifest.xml's <FunctionName>. */
export const COMMAND_NAMES = {
  fill: "fillComputedFields",
  summary: "createSummarySheet",
} as const;

export interface CommandDeps {
  lang: Lang;
  /** Shows the report and resolves when the user has closed it. */
  show(report: DialogReport): Promise<unknown>;
}

interface CommandEvent {
  completed(): void;
}

const TITLE_KEY = {
  fill: "btn.fill",
  summary: "btn.summary",
  validate: "btn.validate",
  findings: "btn.findings",
  undo: "btn.undo",
} as const;

/** The dialog's content for a finished command. */
export function reportForResult(r: OperationResult, lang: Lang): DialogReport {
  const text = resultText(r, lang);
  const lines = [text.headline, ...text.notes, text.counts];
  if (r.kind !== "validate" && r.counts.error + r.counts.warning > 0) lines.push(t(lang, "dialog.details"));
  return { lang, title: t(lang, TITLE_KEY[r.kind]), lines, tone: text.tone };
}

export function reportForError(kind: OperationKind, e: unknown, lang: Lang): DialogReport {
  const err = reportError(e, lang);
  return {
    lang,
    title: `${t(lang, TITLE_KEY[kind])}: ${t(lang, "dialog.failed")}`,
    lines: [err.message],
    tone: "error",
  };
}

/** Runs one command end to end; exported for tests. */
export async function runCommand(
  ops: ShinchokuOperations,
  kind: "fill" | "summary",
  deps: CommandDeps,
  event: CommandEvent,
): Promise<void> {
  try {
    let report: DialogReport;
    try {
      const result =
        kind === "fill" ? await ops.fill({ lang: deps.lang }) : await ops.summary({ lang: deps.lang });
      report = reportForResult(result, deps.lang);
    } catch (e) {
      report = reportForError(kind, e, deps.lang);
    }
    await deps.show(report).catch((e: unknown) => reportError(e, deps.lang));
  } finally {
    event.completed();
  }
}

/**
 * Registers the handlers: Office.actions.associate where the host has it, and the global functions
 * older hosts look up by <FunctionName>.
 */
export function registerCommands(ops: ShinchokuOperations, deps: CommandDeps): void {
  for (const kind of ["fill", "summary"] as const) {
    const handler = (event: CommandEvent) => runCommand(ops, kind, deps, event);
    const name = COMMAND_NAMES[kind];
    if (typeof Office !== "undefined" && Office.actions?.associate) Office.actions.associate(name, handler);
    (globalThis as Record<string, unknown>)[name] = handler;
  }
}

/** The dialog page's URL for a report, next to the function file. */
export function dialogUrl(base: string, report: DialogReport): string {
  return `${new URL("dialog.html", base).href}?${encodeReport(report)}`;
}
