/**
 * The engine's front door: analyse a workbook snapshot, then plan the writes. Adapters (Excel,
 * ExcelJS) call these and apply what comes back; they decide nothing themselves.
 */
import { startMemoRun } from "./values/memo";
import type { WorkbookSnapshot } from "./grid/cell";
import type { ShinchokuConfig } from "./config/config";
import type { Finding } from "./model/finding";
import type { ComputedItem } from "./model/computed";
import type { EditPlan } from "./plan/edit-plan";
import { readWorkbook, type ReadResult } from "./layout/read-workbook";
import { computeItems } from "./compute/compute-item";
import { runChecks } from "./checks/run-checks";
import { planFill as planFillAreas } from "./plan/fill-plan";
import { planSummarySheet } from "./plan/summary-plan";
import { buildSummary } from "./summary/summary-model";
import { planUndo as planUndoAll } from "./ownership/undo";

export interface AnalyseOptions {
  /** "Today", to tell which fiscal years are over; the CLI passes the clock, tests pass a fixed date. */
  asOf: Date;
}

export interface Analysis {
  config: ShinchokuConfig;
  asOf: Date;
  read: ReadResult;
  computed: ComputedItem[];
  /** Reader diagnostics and rule findings, severities resolved from configuration, "off" rules dropped. */
  findings: Finding[];
}

export function analyse(wb: WorkbookSnapshot, config: ShinchokuConfig, opts: AnalyseOptions): Analysis {
  startMemoRun();
  const read = readWorkbook(wb, config);
  const computed = computeItems(read.items, config, opts.asOf);
  const findings = runChecks({ config, asOf: opts.asOf, items: read.items, computed }, read.diagnostics);
  return { config, asOf: opts.asOf, read, computed, findings };
}

export interface PlanResult {
  plan: EditPlan;
  /** Problems that stopped a write (a staff-typed cell where our area would go) — nothing is overwritten. */
  findings: Finding[];
}

/** Computed fields into the area we own beside each indicator table. */
export function planFill(analysis: Analysis, wb: WorkbookSnapshot): PlanResult {
  return planFillAreas(analysis, wb);
}

export interface SummaryOptions {
  /** Link No. and titles to the item sheets; off when the summary goes to another workbook. Default on. */
  linkToSheets?: boolean;
}

/** The summary sheet (default 集計), ours by its marker; a user's sheet of that name is never touched. */
export function planSummary(
  analysis: Analysis,
  wb: WorkbookSnapshot,
  opts: SummaryOptions = {},
): PlanResult & { sheetName: string } {
  const model = buildSummary(analysis.computed, analysis.findings, analysis.config);
  return planSummarySheet({
    model,
    config: analysis.config,
    generatedAt: analysis.asOf,
    workbook: wb,
    linkToSheets: opts.linkToSheets ?? true,
    itemSheets: analysis.read.blocks.map((b) => b.sheet),
  });
}

/**
 * Everything we wrote removed, nothing else: our areas' cells (those staff did not change), our
 * summary and record sheets, our defined names. Excel keeps no undo history over an add-in's writes.
 */
export function planUndo(analysis: Analysis, wb: WorkbookSnapshot): PlanResult {
  return planUndoAll(analysis, wb);
}
