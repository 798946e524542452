/**
 * The engine's front door: analyse a workbook snapshot, then plan the writes. Adapters (Excel,
 * ExcelJS) call these and apply what comes back; they decide nothing themselves.
 */
import type { WorkbookSnapshot } from "./grid/cell";
import type { ShinchokuConfig } from "./config/config";
import type { Finding } from "./model/finding";
import type { ComputedItem } from "./model/computed";
import type { EditPlan } from "./plan/edit-plan";
import { readWorkbook, type ReadResult } from "./layout/read-workbook";

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
  const read = readWorkbook(wb, config);
  // computed fields and checks: in progress
  return { config, asOf: opts.asOf, read, computed: [], findings: [...read.diagnostics] };
}

export interface PlanResult {
  plan: EditPlan;
  /** Problems that stopped a write (a staff-typed cell where our area would go) — nothing is overwritten. */
  findings: Finding[];
}

/** Computed fields into the area we own beside each indicator table. */
export function planFill(_analysis: Analysis, _wb: WorkbookSnapshot): PlanResult {
  return { plan: { edits: [] }, findings: [] };
}

/** The summary sheet (default 集計), ours by its marker; a user's sheet of that name is never touched. */
export function planSummary(_analysis: Analysis, _wb: WorkbookSnapshot): PlanResult & { sheetName: string } {
  return { plan: { edits: [] }, findings: [], sheetName: _analysis.config.summarySheetName };
}
