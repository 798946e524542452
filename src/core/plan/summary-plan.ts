/**
 * The summary sheet (default 集計), laid out as a person expects: a title with our marker in A1,
 * the item table, the indicator table and the grade counts, each an Excel table with filters, rates
 * as %, flags coloured, No. and titles linked to the item's sheet, a chart of the grade counts.
 * A sheet of that name without our marker is a user's: we never touch it and use another name.
 */
import { Grid } from "../grid/grid";
import type { ShinchokuConfig } from "../config/config";
import type { Finding } from "../model/finding";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../grid/cell";
import { toA1 } from "../grid/address";
import {
  emptyPlan,
  emptySheetEdit,
  forEachCellWrite,
  RowWriter,
  type CellFormat,
  type EditPlan,
  type PlanValue,
  type SheetEdit,
} from "./edit-plan";
import {
  SUMMARY_NAME,
  SUMMARY_RECORD_NAME,
  SUMMARY_RECORD_SHEET,
  findSheet,
  nameKey,
  refersToRange,
  sameName,
} from "../ownership/names";
import {
  editedCells,
  readOwnership,
  shownContent,
  type EditedCell,
  type Ownership,
} from "../ownership/ownership";
import { EMPTY_PRINT, FORMULA_PRINT, valuePrint, writePrints } from "../ownership/fingerprint";
import { recordEdit, recordSheetName } from "../ownership/record";
import { writesWithout } from "../ownership/cells";
import { STYLE, colourFlags, shortFiscalYear } from "./styles";
import type { GradeCount, IndicatorRow, ItemRow, SummaryModel } from "../summary/summary-model";
import { isSummarySheet } from "../layout/owned-areas";
import { severityOf } from "../checks/render";

export interface SummaryPlanInput {
  model: SummaryModel;
  config: ShinchokuConfig;
  /** The date written on the sheet ("作成日"); an input so that a re-run on the same day is identical. */
  generatedAt: Date;
  /** Existing sheets, to tell ours from a user's sheet of the same name. */
  workbook: WorkbookSnapshot;
  /** Link No. and titles to the item sheets (off when the summary goes to another workbook). */
  linkToSheets: boolean;
  /** Sheets holding a form block: a configured summary name equal to one of them is refused. */
  itemSheets?: readonly string[];
}

export interface SummaryPlan {
  plan: EditPlan;
  sheetName: string;
  findings: Finding[];
}

export function planSummarySheet(input: SummaryPlanInput): SummaryPlan {
  const { model, config } = input;
  const clash = (input.itemSheets ?? []).find((s) => sameName(s, config.summarySheetName));
  if (clash !== undefined) return refused(config, clash);
  const own = readOwnership(input.workbook);
  const sheetName = chooseSheetName(config, input.workbook, own.summary?.sheet ?? null);
  const e: SheetEdit = emptySheetEdit(sheetName, "owned");
  e.tabColor = "#0078D4";
  e.activate = true;
  // Cell by cell, left to right and top to bottom: the writer joins neighbours into rows.
  const w = new RowWriter(e.writes);
  w.start(0, 0).put(`${config.summaryMarker} 行政改革プラン 進捗集計`, STYLE.title);
  w.start(1, 0).put(
    `作成日 ${ymd(input.generatedAt)} ／ Shinchoku が作成したシートです。手入力しても再作成で上書きされます。`,
    STYLE.note,
  );
  // Each table is a function of its own: a run calls each once, and only its row loop gets hot.
  const items = itemTable(w, e, model, input.linkToSheets, 3);
  const indicators = indicatorTable(w, e, model, items.next + 2);
  const totalsTop = gradeTable(w, e, model, indicators.next + 2) + 2;
  gradeTotalTable(w, e, model, totalsTop);
  w.end();

  e.freeze = { rows: items.top + 1, cols: 1 };
  e.columnWidths = columnWidths(Math.max(items.width, indicators.width));
  const findings = nameFindings(config, sheetName);
  const plan = { ...emptyPlan(), edits: [e] };
  recordSummary(plan, e, input.workbook, own, findings, config);
  return { plan, sheetName, findings };
}

/** The configured name is an item sheet's: nothing is written, and the reason is an error. */
function refused(config: ShinchokuConfig, sheet: string): SummaryPlan {
  const sev = severityOf("summary/name-is-item-sheet", config);
  const findings: Finding[] = sev
    ? [
        {
          code: "summary/name-is-item-sheet",
          severity: sev,
          itemNo: null,
          sheet,
          cell: null,
          params: { name: config.summarySheetName, sheet },
        },
      ]
    : [];
  return { plan: emptyPlan(), sheetName: "", findings };
}

/**
 * The summary's ownership: a name over what it writes and a record of each cell. Cells staff
 * changed on an earlier summary of ours (anywhere on that sheet) are written back as staff left
 * them and reported: the sheet is made again, and nothing staff typed on it is lost.
 */
function recordSummary(
  plan: EditPlan,
  e: SheetEdit,
  wb: WorkbookSnapshot,
  own: Ownership,
  findings: Finding[],
  config: ShinchokuConfig,
): void {
  let bottom = 0;
  let right = 0;
  forEachCellWrite(e.writes, (row, col) => {
    if (row > bottom) bottom = row;
    if (col > right) right = col;
  });
  const rect: CellRange = { top: 0, left: 0, bottom, right };
  const width = right + 1;
  const links = new Set(e.hyperlinks.map((h) => h.row * width + h.col));
  // A link is recorded as its text (what Excel holds); ExcelJS writes it as a HYPERLINK formula.
  const prints = writePrints(e.writes, rect);
  const old = own.summary && sameName(own.summary.sheet, e.sheet) ? own.summary : null;
  const snap = old ? findSheet(wb.sheets, old.sheet) : undefined;
  if (old && snap) {
    const grid = new Grid(snap);
    const texts = new Map<number, PlanValue>();
    forEachCellWrite(e.writes, (row, col, value) => {
      if (links.has(row * width + col)) texts.set(row * width + col, value);
    });
    const nowPrint = (row: number, col: number): string | readonly string[] => {
      if (row > bottom || col > right) return EMPTY_PRINT;
      const i = row * width + col;
      // A link is a HYPERLINK formula (ExcelJS) or its text with a hyperlink (Excel).
      return links.has(i) ? [FORMULA_PRINT, valuePrint(texts.get(i) ?? null)] : prints[i];
    };
    const whole: CellRange = {
      top: 0,
      left: 0,
      bottom: Math.max(bottom, grid.rowCount - 1),
      right: Math.max(right, grid.colCount - 1),
    };
    const kept = editedCells(grid, old, nowPrint, whole);
    keepCells(e, kept, findings, config);
  }
  plan.names.push({
    name: SUMMARY_NAME,
    refersTo: refersToRange(e.sheet, rect),
    comment: "Shinchoku: summary sheet (集計シート)",
  });
  const existing = own.summaryRecordSheet ? (findSheet(wb.sheets, own.summaryRecordSheet) ?? null) : null;
  const r = recordEdit(recordSheetName(wb, existing, SUMMARY_RECORD_SHEET), SUMMARY_RECORD_NAME, [
    { name: SUMMARY_NAME, range: rect, prints },
  ]);
  plan.edits.push(r.edit);
  plan.names.push(r.name);
}

/** Staff's cells written back as they were (value or formula), each reported. */
function keepCells(
  e: SheetEdit,
  kept: readonly EditedCell[],
  findings: Finding[],
  config: ShinchokuConfig,
): void {
  if (kept.length === 0) return;
  const at = new Set(kept.map((c) => `${c.row},${c.col}`));
  const isKept = (row: number, col: number) => at.has(`${row},${col}`);
  e.writes = writesWithout(e.writes, isKept);
  e.hyperlinks = e.hyperlinks.filter((h) => !isKept(h.row, h.col));
  const sev = severityOf("fill/area-edited", config);
  for (const c of kept) {
    const value: PlanValue = c.value !== null && typeof c.value === "object" ? c.value.error : c.value;
    e.writes.push({
      row: c.row,
      col: c.col,
      values: [value],
      formats: [null],
      formulas: c.formula ? [c.formula] : null,
    });
    if (sev)
      findings.push({
        code: "fill/area-edited",
        severity: sev,
        itemNo: null,
        sheet: e.sheet,
        cell: toA1(c.row, c.col),
        params: { cell: toA1(c.row, c.col), value: shownContent(c) },
      });
  }
}

/** summary/name-taken when the sheet had to take another name than the configured one. */
function nameFindings(config: ShinchokuConfig, sheetName: string): Finding[] {
  if (sameName(sheetName, config.summarySheetName)) return [];
  const sev = severityOf("summary/name-taken", config);
  if (!sev) return [];
  return [
    {
      code: "summary/name-taken",
      severity: sev,
      itemNo: null,
      sheet: config.summarySheetName,
      cell: null,
      params: { name: config.summarySheetName, usedName: sheetName },
    },
  ];
}

/** Where a table went: its header row (top), its last row, its width, and the row after it. */
interface TablePlace {
  top: number;
  bottom: number;
  width: number;
  next: number;
}

/** The section title on `row` and the header row below it: returns the header's row. */
function openTable(w: RowWriter, row: number, title: string, header: string[]): number {
  w.start(row, 0).put(title, STYLE.section);
  w.start(row + 1, 0);
  for (const h of header) w.put(h, STYLE.header);
  return row + 1;
}

/**
 * The Excel table over the header (top) and `count` rows below it: an empty table still has a
 * (blank) body row. Returns the row after the table.
 */
function closeTable(e: SheetEdit, name: string, top: number, count: number, width: number): TablePlace {
  const bottom = top + Math.max(count, 1);
  e.tables.push({ name, range: { top, left: 0, bottom, right: width - 1 }, style: "TableStyleLight9" });
  return { top, bottom, width, next: bottom + 1 };
}

/** The item table from `row`, each year's 指標判定 coloured. */
function itemTable(
  w: RowWriter,
  e: SheetEdit,
  model: SummaryModel,
  linkToSheets: boolean,
  row: number,
): TablePlace {
  const years = model.fiscalYears;
  const header = [
    "No.",
    "重点改革項目",
    "中項目",
    "小項目",
    "改革実施項目",
    "担当課",
    ...years.flatMap((fy) => [
      `${shortFiscalYear(fy)} 取組の状況`,
      `${shortFiscalYear(fy)} 年度評価`,
      `${shortFiscalYear(fy)} 指標判定`,
    ]),
    "中間評価",
    "計画期間の評価",
    "エラー",
    "警告",
  ];
  const top = openTable(w, row, "改革項目一覧", header);
  putItemRows(w, e, model.items, linkToSheets, top + 1);
  const table = closeTable(e, "Shinchoku_Items", top, model.items.length, header.length);
  for (let yi = 0; yi < years.length; yi++) flagFormats(e, table, 6 + yi * 3 + 2);
  return table;
}

/** One row per item; No. and title linked to the item's sheet when asked. */
function putItemRows(w: RowWriter, e: SheetEdit, items: ItemRow[], linkToSheets: boolean, row: number): void {
  for (const it of items) {
    const link = linkToSheets ? it.link : null;
    putItemRow(w.start(row, 0), it, link ? STYLE.link : STYLE.cell);
    if (link) {
      e.hyperlinks.push({ row, col: 0, sheet: link.sheet, cell: link.cell, text: it.no || "—" });
      e.hyperlinks.push({ row, col: 4, sheet: link.sheet, cell: link.cell, text: it.title || "—" });
    }
    row++;
  }
}

/** The indicator table from `row`, each year's 判定 coloured. */
function indicatorTable(w: RowWriter, e: SheetEdit, model: SummaryModel, row: number): TablePlace {
  const years = model.fiscalYears;
  const header = [
    "No.",
    "指標",
    "累計",
    "現状値",
    ...years.flatMap((fy) => ["計画", "実績", "達成率", "判定"].map((h) => `${shortFiscalYear(fy)} ${h}`)),
    "期間達成率",
  ];
  const top = openTable(w, row, "指標一覧", header);
  putIndicatorRows(w, model.indicators, top + 1, header.length - 1);
  const table = closeTable(e, "Shinchoku_Indicators", top, model.indicators.length, header.length);
  for (let yi = 0; yi < years.length; yi++) flagFormats(e, table, 4 + yi * 4 + 3);
  return table;
}

/** One row per indicator; the period rate in the last column (`rateCol`) even where years are missing. */
function putIndicatorRows(w: RowWriter, indicators: IndicatorRow[], row: number, rateCol: number): void {
  for (const ind of indicators) {
    w.start(row, 0)
      .put(ind.no, STYLE.cell)
      .put(ind.name, STYLE.cell)
      .put(ind.cumulative ? "累計" : "", STYLE.flag)
      .put(ind.baseline, numberish(ind.baseline));
    for (const y of ind.years)
      w.put(y.plan, numberish(y.plan))
        .put(y.actual, numberish(y.actual))
        .put(y.rate, STYLE.rate)
        .put(y.flag === "対象外" && y.plan === null ? "" : y.flag, STYLE.flag);
    w.start(row, rateCol).put(ind.periodRate, STYLE.rate);
    row++;
  }
}

/** Grade counts by pillar: returns the row after the table. */
function gradeTable(w: RowWriter, e: SheetEdit, model: SummaryModel, row: number): number {
  const header = ["重点改革項目", "評価", ...model.fiscalYears.map(shortFiscalYear)];
  const top = openTable(w, row, "年度評価の件数（重点改革項目別）", header);
  putGradeRows(w, model.gradeCounts, top + 1, true);
  return closeTable(e, "Shinchoku_Grades", top, model.gradeCounts.length, header.length).next;
}

/** Grade counts of all pillars together, with a chart of them beside the table. */
function gradeTotalTable(w: RowWriter, e: SheetEdit, model: SummaryModel, row: number): void {
  const years = model.fiscalYears;
  const header = ["評価", ...years.map(shortFiscalYear)];
  const top = openTable(w, row, "年度評価の件数（全体）", header);
  putGradeRows(w, model.gradeTotals, top + 1, false);
  const { bottom } = closeTable(e, "Shinchoku_GradeTotals", top, model.gradeTotals.length, header.length);
  if (years.length && model.gradeTotals.length)
    e.charts.push({
      kind: "columnStacked",
      title: "年度評価の件数",
      source: { top, left: 0, bottom, right: years.length },
      anchor: { row: top, col: years.length + 2, widthCols: 8, heightRows: 16 },
    });
}

/** One row per grade: the pillar first (by pillar), then the grade and its count per year. */
function putGradeRows(w: RowWriter, rows: GradeCount[], row: number, withPillar: boolean): void {
  for (const g of rows) {
    w.start(row, 0);
    if (withPillar) w.put(g.pillar, STYLE.cell);
    w.put(g.grade, STYLE.flag);
    for (const n of g.counts) w.put(n, STYLE.count);
    row++;
  }
}

/** Narrow No., wide titles, then one width for every year column of the widest table. */
function columnWidths(width: number): SheetEdit["columnWidths"] {
  return [
    { col: 0, width: 8 },
    { col: 1, width: 28 },
    { col: 2, width: 28 },
    { col: 3, width: 28 },
    { col: 4, width: 40 },
    { col: 5, width: 14 },
    ...Array.from({ length: width - 6 }, (_, i) => ({ col: 6 + i, width: 13 })),
  ];
}

/**
 * Ours if our name records it or it carries the marker (then under the spelling it has: Excel
 * compares sheet names without case), else the first free name: "集計 (Shinchoku)", "集計 (Shinchoku 2)", …
 */
export function chooseSheetName(
  config: ShinchokuConfig,
  wb: WorkbookSnapshot,
  recorded: string | null = null,
): string {
  const byName = new Map<string, SheetSnapshot>();
  for (const s of wb.sheets) byName.set(nameKey(s.name), s);
  for (let i = 0; i < 100; i++) {
    const name = candidateName(config.summarySheetName, i);
    const s = byName.get(nameKey(name));
    if (!s) return name;
    if ((recorded !== null && sameName(recorded, s.name)) || isSummarySheet(new Grid(s), config))
      return s.name;
  }
  return `${config.summarySheetName} ${Date.UTC(2000, 0, 1)}`;
}

/** The i-th name tried, built only when the ones before it are taken. */
function candidateName(base: string, i: number): string {
  if (i === 0) return base;
  return i === 1 ? `${base} (Shinchoku)` : `${base} (Shinchoku ${i})`;
}

/** One row of the item table, column by column: No. and title (4) take the link style when linked. */
function putItemRow(w: RowWriter, it: ItemRow, titleFormat: CellFormat): void {
  w.put(it.no, titleFormat)
    .put(it.pillar, STYLE.cell)
    .put(it.midItem, STYLE.cell)
    .put(it.smallItem, STYLE.cell)
    .put(it.title, titleFormat)
    .put(it.leadDepartment, STYLE.cell);
  for (const y of it.years)
    w.put(y.status, STYLE.cell)
      .put(y.grade, STYLE.cell)
      .put(y.flag ?? "", STYLE.cell);
  w.put(it.midtermGrade, STYLE.cell)
    .put(it.finalGrade, STYLE.cell)
    .put(it.errors, STYLE.cell)
    .put(it.warnings, STYLE.cell);
}

function numberish(v: unknown): CellFormat {
  return typeof v === "number" ? STYLE.count : STYLE.cell;
}

/** The flags of one column of the table's body coloured by conditional formats. */
function flagFormats(e: SheetEdit, table: TablePlace, col: number): void {
  colourFlags(e, { top: table.top + 1, bottom: table.bottom, left: col, right: col });
}

function ymd(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
