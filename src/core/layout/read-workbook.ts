/**
 * The layout reader: every sheet's form blocks, found by their labels wherever rows and columns
 * moved, joined into items by No. Cells keep their sheet and address for findings and navigation.
 */
import type { WorkbookSnapshot, CellRange } from "../model/snapshot";
import { Grid } from "../grid/grid";
import { parseA1 } from "../grid/address";
import type { ShinchokuConfig } from "../config/config";
import type { Block, Item, PeriodEvaluation } from "../model/item";
import type { Finding } from "../model/finding";
import type { Era } from "../values/fiscal-year";
import { textClassifierFor } from "./text-class";
import { ascending } from "../values/order";
import { SheetView } from "./sheet-view";
import { segmentBlocks, type BlockSpan } from "./segment";
import { readHeader } from "./header-fields";
import { readOverview } from "./overview";
import { readGrades, readStatuses } from "./yearly-sections";
import { readPeriodEvaluation } from "./period-evaluation";
import { isSummarySheet } from "./owned-areas";
import { findingsSheetTest } from "../review/findings-sheet";
import { isRecordSheet } from "../ownership/record";
import { joinItems } from "./join-items";
import { readerFinding } from "./reader-finding";
import { pushTo } from "../values/group";

/** What the reader found in a workbook: blocks, items joined by No., and problems of layout. */
export interface ReadResult {
  blocks: Block[];
  items: Item[];
  /** Findings raised while reading (unreadable year headers, missing No., sheets that disagree …). */
  diagnostics: Finding[];
  /** Computed areas we wrote on an earlier run; the reader skipped them and the fill plan reuses them. */
  ownedAreas: Array<{ sheet: string; range: CellRange }>;
  /** Sheets recognised as our summary (by the marker in A1). */
  summarySheets: string[];
  /**
   * Our findings sheet (by the name `_Shinchoku.Findings`; without it, by its marker and exact
   * shape): read for staff's marks only.
   */
  findingsSheets: string[];
  /** Sheets with no form block (cover sheets, lists): not an error, reported as info. */
  otherSheets: string[];
  /**
   * The grid of every sheet read, by name: the fill plan looks at the same sheets (staff cells where
   * its areas would go) without building them again.
   */
  grids: Map<string, Grid>;
}

export function readWorkbook(wb: WorkbookSnapshot, config: ShinchokuConfig): ReadResult {
  const classifier = textClassifierFor(config);
  const result: ReadResult = {
    blocks: [],
    items: [],
    diagnostics: [],
    ownedAreas: [],
    summarySheets: [],
    findingsSheets: [],
    otherSheets: [],
    grids: new Map(),
  };
  // One view for all the sheets, each read into it in turn (see SheetView).
  let view: SheetView | null = null;
  const isFindingsSheet = findingsSheetTest(wb, config);
  for (const snap of wb.sheets) {
    const grid = new Grid(snap);
    result.grids.set(snap.name, grid);
    // Our hidden record of what we wrote is no form and no staff sheet.
    if (isRecordSheet(grid)) continue;
    if (isSummarySheet(grid, config)) {
      result.summarySheets.push(snap.name);
      continue;
    }
    if (isFindingsSheet(snap.name, grid)) {
      result.findingsSheets.push(snap.name);
      continue;
    }
    view = view ? view.load(grid) : new SheetView(grid, classifier, config);
    for (const range of view.ownedAreas) result.ownedAreas.push({ sheet: snap.name, range });
    const spans = segmentBlocks(view);
    if (spans.length === 0) {
      result.otherSheets.push(snap.name);
      if (!view.rowIsBlank(0) || grid.rowCount > 0)
        result.diagnostics.push(readerFinding("layout/other-sheet", snap.name, 0, 0, {}));
      continue;
    }
    for (const span of spans) result.blocks.push(readBlock(view, span, config, result.diagnostics));
  }
  // Nothing read is no success: a file without one form block is an error of its own.
  if (result.blocks.length === 0)
    result.diagnostics.push({
      code: "layout/no-form",
      severity: "error",
      itemNo: null,
      sheet: null,
      cell: null,
      params: { sheets: wb.sheets.length },
    });
  const joined = joinItems(result.blocks);
  result.items = joined.items;
  result.diagnostics.push(...joined.findings);
  attachItemNumbers(result);
  return result;
}

function readBlock(view: SheetView, span: BlockSpan, config: ShinchokuConfig, findings: Finding[]): Block {
  const bodyTop = span.sections.length ? span.sections[0].top : span.bottom + 1;
  const block: Block = {
    sheet: view.name,
    top: span.top,
    bottom: span.bottom,
    header: readHeader(view, span.labels, bodyTop),
    fiscalYears: [],
    table: null,
    indicators: [],
    process: null,
    statuses: [],
    grades: [],
    periodEvaluations: [],
  };
  let era: Era | null = null;
  for (const section of span.sections) {
    switch (section.kind) {
      case "overview": {
        if (block.table) break; // one table per block; a second one opened a new block already
        const o = readOverview(view, section, config);
        findings.push(...o.findings);
        block.fiscalYears = o.fiscalYears;
        block.indicators = o.indicators;
        block.process = o.process;
        block.table = o.table;
        era = o.era;
        break;
      }
      case "status":
        block.statuses = appended(block.statuses, readStatuses(view, section, findings));
        break;
      case "grade":
        block.grades = appended(block.grades, readGrades(view, section, findings));
        break;
      case "midterm":
      case "final": {
        const pe: PeriodEvaluation = readPeriodEvaluation(view, section, era);
        block.periodEvaluations.push(pe);
        break;
      }
    }
  }
  if (block.fiscalYears.length === 0) {
    const ys = [...block.statuses, ...block.grades].map((x) => x.fiscalYear);
    block.fiscalYears = [...new Set(ys)].sort(ascending);
  }
  return block;
}

/** `more` after `list`: `more` itself when `list` is empty (a block's one status or grade section). */
function appended<T>(list: T[], more: T[]): T[] {
  if (list.length === 0) return more;
  for (const x of more) list.push(x);
  return list;
}

/** Reader findings on a block's rows belong to that block's item. */
function attachItemNumbers(r: ReadResult): void {
  // Blocks by sheet once, rather than every item's blocks for every finding.
  const bySheet = new Map<string, Array<{ top: number; bottom: number; no: string }>>();
  for (const it of r.items) {
    if (!it.no) continue;
    for (const b of it.blocks) {
      pushTo(bySheet, b.sheet, { top: b.top, bottom: b.bottom, no: it.no });
    }
  }
  for (const f of r.diagnostics) {
    if (f.itemNo !== null || !f.sheet || !f.cell) continue;
    const row = parseA1(f.cell).row;
    const hit = bySheet.get(f.sheet)?.find((b) => row >= b.top && row <= b.bottom);
    if (hit) f.itemNo = hit.no;
  }
}
