/**
 * The engine's front door: analyse a workbook snapshot, then plan the writes. Adapters (Excel,
 * ExcelJS) call these and apply what comes back; they decide nothing themselves.
 */
import type { WorkbookSnapshot } from "./model/snapshot";
import type { Analysis } from "./model/analysis";
import type { ShinchokuConfig } from "./config/config";
import type { Finding } from "./model/finding";
import { emptyPlan, type EditPlan } from "./plan/edit-plan";
import { readWorkbook } from "./layout/read-workbook";
import { computeItems } from "./compute/compute-item";
import { runChecks } from "./checks/run-checks";
import { planFill as planFillAreas, type FillResult } from "./plan/fill-plan";
import { planSummarySheet } from "./plan/summary-plan";
import { buildSummary } from "./summary/summary-model";
import { findingsGrid, readMarks } from "./review/findings-sheet";
import { applyReview, keyFindings } from "./review/review";
import { planFindingsSheet } from "./plan/findings-plan";
import type { Lang } from "./model/finding";
import { buildChecklist } from "./checklist/checklist";
import { planUndo as planUndoAll } from "./ownership/undo";
import { staleFindings } from "./ownership/stale";
import { readOwnership } from "./ownership/ownership";
import type { RecordMeta } from "./ownership/record";

export interface AnalyseOptions {
  /** "Today", to tell which fiscal years are over; the CLI passes the clock, tests pass a fixed date. */
  asOf: Date;
}

export function analyse(wb: WorkbookSnapshot, config: ShinchokuConfig, opts: AnalyseOptions): Analysis {
  const read = readWorkbook(wb, config);
  const computed = computeItems(read.items, config, opts.asOf);
  const all = runChecks({ config, asOf: opts.asOf, items: read.items, computed }, read.diagnostics);
  const marks = readMarks(findingsGrid(read.findingsSheets, read.grids, config), config);
  const keyed = keyFindings(all, read.grids);
  const { open, reviewed } = applyReview(keyed, marks);
  return {
    config,
    asOf: opts.asOf,
    read,
    computed,
    findings: open,
    reviewed,
    keyed,
    marks,
    checklist: buildChecklist(read.items, opts.asOf),
  };
}

/**
 * Findings raised while planning (fill/area-occupied, summary/name-taken) through the same review:
 * returns the open ones; the reviewed ones join `analysis.reviewed`, and all of them the keyed list.
 */
export function reviewPlanFindings(analysis: Analysis, findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  const keyed = keyFindings(findings, analysis.read.grids);
  const { open, reviewed } = applyReview(keyed, analysis.marks);
  analysis.keyed.push(...keyed);
  analysis.reviewed.push(...reviewed);
  return open;
}

export interface FindingsSheetOptions {
  /** The language of the messages (the sheet's headings stay Japanese). Default ja. */
  lang?: Lang;
}

/** The findings sheet (default 指摘一覧): every finding so far, staff's marks carried over. */
export function planFindings(
  analysis: Analysis,
  wb: WorkbookSnapshot,
  opts: FindingsSheetOptions = {},
): PlanResult & { sheetName: string } {
  // Like the summary: a workbook where no item was read gets no findings sheet either (its report
  // says layout/no-form, and there is nothing on its sheets to review).
  if (analysis.read.items.length === 0)
    return { plan: emptyPlan(), sheetName: analysis.config.findingsSheetName, findings: [] };
  return planFindingsSheet({
    keyed: analysis.keyed,
    marks: analysis.marks,
    items: analysis.read.items,
    config: analysis.config,
    lang: opts.lang ?? "ja",
    generatedAt: analysis.asOf,
    workbook: wb,
  });
}

export interface PlanResult {
  plan: EditPlan;
  /** Problems that stopped a write (a staff-typed cell where our area would go) — nothing is overwritten. */
  findings: Finding[];
}

/** Computed fields into the area we own beside each indicator table. */
export function planFill(
  analysis: Analysis,
  wb: WorkbookSnapshot,
): PlanResult & Pick<FillResult, "widthsNeeded" | "withWidths"> {
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
  // A workbook where no item was read gets no summary (its report says layout/no-form).
  if (analysis.read.items.length === 0)
    return { plan: emptyPlan(), findings: [], sheetName: analysis.config.summarySheetName };
  const model = buildSummary(
    analysis.computed,
    analysis.findings,
    analysis.config,
    (s) => analysis.read.grids.get(s)?.file,
  );
  return planSummarySheet({
    model,
    config: analysis.config,
    generatedAt: analysis.asOf,
    workbook: wb,
    linkToSheets: opts.linkToSheets ?? true,
    checklist: analysis.checklist,
    itemSheets: analysis.read.blocks.map((b) => b.sheet),
  });
}

/**
 * Everything we wrote removed, nothing else: our areas' cells (those staff did not change), our
 * summary and record sheets, our defined names. Excel keeps no undo history over an add-in's writes.
 */
export function planUndo(analysis: Analysis, wb: WorkbookSnapshot): PlanResult & { dropCustomXml: string[] } {
  return planUndoAll(analysis, wb);
}

/**
 * 検証's findings on what we wrote before: computed areas (fill/stale) and the summary
 * (summary/stale) made with other settings or from older data than the workbook holds now, each
 * saying how to refresh it. Plans are made and compared, never applied. Through staff's review like
 * planning's findings (reviewPlanFindings).
 */
export function checkStale(analysis: Analysis, wb: WorkbookSnapshot): Finding[] {
  if (analysis.read.items.length === 0) return [];
  // Nothing of ours carries a record to compare with (a workbook never filled): no plan to make.
  const own = readOwnership(wb);
  if (!own.areas.some((o) => o.record?.meta) && !own.summary?.record?.meta) return [];
  const fill = planFillAreas(analysis, wb);
  const summary = planSummary(analysis, wb) as PlanResult & { sheetName: string; meta?: RecordMeta };
  return staleFindings({
    config: analysis.config,
    wb,
    own,
    areas: fill.areas ?? [],
    summary: summary.sheetName ? { sheetName: summary.sheetName, meta: summary.meta } : null,
  });
}
