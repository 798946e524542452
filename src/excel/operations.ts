/**
 * The operations the task pane and ribbon commands call. Each one: read the workbook (2 syncs), let
 * the engine analyse and plan, write (fill and summary: the plan, at most 2 syncs, none when there
 * is nothing to write; validate: the error highlight, 1–2 syncs, highlight.ts), and report findings
 * in the reader's language with the round trips and payload it took. A read or write too large for
 * one request takes more (read-workbook.ts, apply-plan.ts).
 */
import {
  analyse,
  type Analysis,
  checkStale,
  countBySeverity,
  type EditPlan,
  type Finding,
  type Lang,
  mergeConfig,
  planFill,
  planFindings,
  planSummary,
  planUndo,
  renderFinding,
  renderMessage,
  reviewPlanFindings,
  severityOf,
  type WorkbookSnapshot,
} from "../core";
import { applyPlan, type ApplyOutcome, type Blocked, type WidthsToRead } from "./apply-plan";
import { readWorkbookSnapshot } from "./read-workbook";
import { setHighlight } from "./highlight";
import { selectCell } from "./select-cell";
import { queueSettingsRead, readSettings, removeSettings, writeSettings } from "./settings";
import { SyncMeter } from "./sync-meter";
import { runExcel } from "./run";
import { writeSettingsTable } from "./settings-names";
import type {
  OperationKind,
  OperationOptions,
  OperationResult,
  ShinchokuOperations,
  ShinchokuSettings,
  SyncStats,
} from "./types";

export function createOperations(): ShinchokuOperations {
  return {
    validate: (opts) => runOperation("validate", opts),
    fill: (opts) => runOperation("fill", opts),
    summary: (opts) => runOperation("summary", opts),
    findings: (opts) => runOperation("findings", opts),
    undo: (opts) => runOperation("undo", opts),
    selectCell: (sheet, cell, show) => runExcel((context) => selectCell(context, sheet, cell, show)),
    clearHighlight: async () => {
      const meter = new SyncMeter();
      await runExcel((context) => setHighlight(context, [], meter));
    },
    loadSettings: async () => readSettings(),
    saveSettings: async (s: ShinchokuSettings) => {
      await writeSettings(s);
      // The bands' table our formulas read, rewritten: every flag follows the new thresholds at once.
      await Excel.run((context) => writeSettingsTable(context, mergeConfig(s.overrides), new SyncMeter()));
    },
  };
}

async function runOperation(kind: OperationKind, opts: OperationOptions): Promise<OperationResult> {
  const started = Date.now();
  const progress = opts.onProgress ?? (() => undefined);
  const meter = new SyncMeter();

  progress({ phase: "reading", fraction: 0 });
  // The settings part is read with the workbook, in its two syncs (settings.ts).
  const { read, settings } = await runExcel(async (context) => {
    const pending = queueSettingsRead(context);
    const snapshot = await readWorkbookSnapshot(
      context,
      meter,
      (fraction) => progress({ phase: "reading", fraction }),
      () => pending.afterFirstSync(),
    );
    return { read: snapshot, settings: await pending.settings() };
  });
  const config = mergeConfig(settings.overrides);
  const readSyncs = meter.readSyncs;

  progress({ phase: "analysing" });
  const analysis = analyse(read.snapshot, config, { asOf: new Date() });
  const findings: Finding[] = [...analysis.findings];
  // 検証 also says which areas or summary were made with other settings or older data.
  if (kind === "validate")
    findings.push(...reviewPlanFindings(analysis, checkStale(analysis, read.snapshot)));
  let outcome: ApplyOutcome = { wrote: false, blocked: null, cellsWritten: 0 };
  let summarySheet: string | null = null;
  let findingsSheet: string | null = null;
  let blocked: Finding | null = null;

  if (kind !== "validate") {
    const planned = plan(kind, analysis, read.snapshot, opts.lang);
    findings.push(...planned.findings);
    if (kind === "findings") findingsSheet = planned.sheetName;
    else summarySheet = planned.sheetName;
    progress({ phase: "writing", fraction: 0 });
    outcome = await runExcel((context) => applyPlan(context, planned.plan, meter, planned.widths));
    if (outcome.blocked) {
      // Why nothing was written is a finding like any other: its rule owns the words and severity.
      blocked = blockedFinding(outcome.blocked);
      const sev = severityOf(blocked.code, config);
      if (sev) findings.push({ ...blocked, severity: sev });
    }
    if (!outcome.wrote) summarySheet = findingsSheet = null;
    if (kind === "undo" && !outcome.blocked) await undoHostState(meter);
  } else if (settings.highlightErrors) {
    progress({ phase: "writing", fraction: 0 });
    const errorCells = findings
      .filter((f) => f.severity === "error" && f.sheet && f.cell)
      .map((f) => ({ sheet: f.sheet as string, cell: f.cell as string }));
    const lit = await runExcel((context) => setHighlight(context, errorCells, meter, read.sheets));
    // What was not coloured is a note beside the findings, which stand.
    const skipped: Array<string | null> = lit.readOnly ? [null] : lit.protectedSheets;
    for (const sheet of skipped) {
      const note: Finding = {
        code: "write/highlight-skipped",
        severity: "info",
        itemNo: null,
        sheet,
        cell: null,
        params: sheet ? { sheet } : {},
      };
      const sev = severityOf(note.code, config);
      if (sev) findings.push({ ...note, severity: sev });
    }
  }

  progress({ phase: "done", fraction: 1 });
  const rendered = findings.map((f) => renderFinding(f, opts.lang));
  const stats: SyncStats = {
    readSyncs,
    writeSyncs: meter.writeSyncs,
    requestBytes: meter.requestBytes,
    responseBytes: meter.responseBytes,
    sheetsRead: read.snapshot.sheets.length,
    cellsRead: read.cellsRead,
    cellsWritten: outcome.cellsWritten,
    ms: Date.now() - started,
  };
  return {
    kind,
    items: analysis.read.items.map((it, i) => ({
      no: it.no,
      title: it.title,
      sheet: it.noCell?.sheet ?? it.sheets[0] ?? null,
      cell: it.noCell?.cell ?? null,
      // computeItems keeps the items' order.
      indicators: (analysis.computed[i]?.indicators ?? []).map((ci) => ({
        name: ci.indicator.name,
        kind: ci.kind,
        periodRate: ci.periodRate,
        periodBasis: ci.periodBasis,
      })),
    })),
    findings: rendered,
    counts: countBySeverity(rendered),
    reviewed: analysis.reviewed.map((f) => renderFinding(f, opts.lang)),
    checklist: analysis.checklist,
    findingsSheet,
    wrote: outcome.wrote,
    blockedReason: blocked ? renderMessage(blocked, opts.lang) : null,
    summarySheet,
    summarySheetWanted: config.summarySheetName,
    stats,
  };
}

function plan(
  kind: "fill" | "summary" | "findings" | "undo",
  analysis: Analysis,
  wb: WorkbookSnapshot,
  lang: Lang,
): { plan: EditPlan; findings: Finding[]; sheetName: string | null; widths?: WidthsToRead } {
  if (kind === "fill") {
    const first = planFill(analysis, wb);
    const record = first.withWidths;
    if (!record) return { ...first, sheetName: null };
    // Staff's widths of the columns the areas widen, read while writing: the plan records them for undo.
    const widths: WidthsToRead = { needed: first.widthsNeeded, replan: record };
    return { ...first, sheetName: null, widths };
  }
  if (kind === "findings") return planFindings(analysis, wb, { lang });
  if (kind === "undo") return { ...planUndo(analysis, wb), sheetName: null };
  return planSummary(analysis, wb);
}

const BLOCKED_CODE: Record<Blocked["why"], string> = {
  protected: "write/protected",
  readOnly: "write/read-only",
  missing: "write/sheet-missing",
  structure: "write/structure-protected",
};

function blockedFinding(b: Blocked): Finding {
  const code = BLOCKED_CODE[b.why];
  const sheet = b.why === "readOnly" || b.why === "structure" ? null : b.sheet;
  return { code, severity: "error", itemNo: null, sheet, cell: null, params: {} };
}

/** What undo removes beyond the plan: our error highlight and our saved settings. */
async function undoHostState(meter: SyncMeter): Promise<void> {
  await runExcel((context) => setHighlight(context, [], meter));
  await removeSettings();
}
