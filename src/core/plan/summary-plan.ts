/**
 * The summary sheet (default 集計), laid out for the committee's handout and for reading on screen:
 * the plan's title and the date in the Japanese form, legends, the item table, the indicator table,
 * grade counts and shares by 重点改革項目 and in total (with a chart), indicator flags per year, and
 * the items by lead department; each an Excel table with filters, rates as %, flags coloured, each
 * No. linked to the item's sheet. Printed A4 landscape, one page wide, the title repeated on every
 * page, page numbers and the print date in the footer.
 *
 * Our marker sits in A1 in white, outside the print area: a sheet of that name without it is a
 * user's, never touched (another name is used).
 *
 * Tables share the sheet's columns, so each column's width is the widest need of the tables over it,
 * long texts wrap, and tables whose first column would be narrow (grade, flag and department tables)
 * start in column B.
 */
import { Grid } from "../grid/grid";
import type { ShinchokuConfig } from "../config/config";
import type { Finding } from "../model/finding";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
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
import { colourFlags, shortFiscalYear, summaryStyles, textWidth, type SummaryStyles } from "./styles";
import {
  type DepartmentRow,
  type FlagCount,
  type GradeCount,
  type IndicatorRow,
  type ItemRow,
  type SummaryModel,
} from "../summary/summary-model";
import { japaneseDate, japaneseFiscalYear } from "../values/japanese-date";
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
import { recordEdit, recordSheetName, type RecordMeta } from "../ownership/record";
import { writesWithout } from "../ownership/cells";
import { isSummarySheet } from "../layout/owned-areas";
import { findingOf } from "../checks/finding";
import type { ChecklistEntry } from "../checklist/checklist";
import { planChecklistSection } from "./checklist-plan";
import { KIND_JA, PERIOD_BASIS_JA } from "../model/computed";
import { quoteSheetName } from "../grid/address";
import type { CellRef } from "../model/item";
import { flagBandsOf, flagRank } from "../compute/flags";
import { bandFormula, periodRateOfPairs, type RatePair } from "./fill-plan";
import { ColumnList, eachYear, perYear, type Column, type RowAt } from "./summary-columns";
import { addSettings, bandName, boundedBands, longPrint, settingsPrint } from "./settings-plan";

export interface SummaryPlanInput {
  model: SummaryModel;
  config: ShinchokuConfig;
  /** The date written on the sheet ("作成日"); an input so that a re-run on the same day is identical. */
  generatedAt: Date;
  /** Existing sheets, to tell ours from a user's sheet of the same name. */
  workbook: WorkbookSnapshot;
  /** Link each No. to its item sheet (off when the summary goes to another workbook). */
  linkToSheets: boolean;
  /** Entries now due that items lack (core/checklist), listed in a table of their own at the end. */
  checklist?: readonly ChecklistEntry[];
  /** Sheets holding a form block: a configured summary name equal to one of them is refused. */
  itemSheets?: readonly string[];
}

export interface SummaryPlan {
  plan: EditPlan;
  sheetName: string;
  findings: Finding[];
  /** What the summary is made from (settings and data prints), as its record keeps it. */
  meta?: RecordMeta;
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
  const st = summaryStyles(config.summaryFont);
  const s: Layout = {
    w: new RowWriter(e.writes),
    e,
    st,
    widths: new Map(),
    model,
    config,
    // Formulas read the item sheets only in their own workbook (a summary of several files holds values).
    live: input.linkToSheets,
    indicatorFirstRow: -1,
    indicators: indicatorColumns(st, input.linkToSheets, model.fiscalYears),
    dated: japaneseDate(input.generatedAt),
    timed: new Set(),
  };
  // Cell by cell, left to right and top to bottom: the writer joins neighbours into rows.
  const { w } = s;
  w.start(0, 0).put(config.summaryMarker, st.marker);
  w.start(TITLE_ROW, 0).put(config.summaryTitle, st.title);
  w.start(TITLE_ROW + 1, 0).put(
    `作成日 ${japaneseDate(input.generatedAt)}\u3000改革項目 ${model.items.length} 件\u3000` +
      (s.live
        ? "（計画・実績・達成率・判定は各シートの値から自動で更新されます。件数・指摘は作成日時点です。" +
          "このシートは再作成のたびに書き直されます。手入力した内容は残りません）"
        : "（このシートは再作成のたびに書き直されます。手入力した内容は残りません）"),
    st.note,
  );
  // Each table is a function of its own: a run calls each once, and only its row loop gets hot.
  let row = legend(s, config, TITLE_ROW + 3);
  row = itemTable(s, input.linkToSheets, row + 1).next + 2;
  row = indicatorTable(s, row).next + 2;
  row = gradeTable(s, row) + 2;
  row = gradeTotalTable(s, row) + 2;
  row = departmentTable(s, input.linkToSheets, row);
  w.end();
  const checklistFrom = row;
  row = planChecklistSection(e, input.checklist ?? [], {
    asOfText: japaneseDate(input.generatedAt),
    linkToSheets: input.linkToSheets,
    styles: st,
  });

  e.freeze = { rows: TITLE_ROW + 2, cols: 0 };
  e.columnWidths = [...s.widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, width]) => ({ col, width }));
  e.rowHeights = rowHeights(e.writes, s.widths);
  // The widest table, or the chart where it reaches further right.
  let right = Math.max(0, ...s.widths.keys());
  for (const c of e.charts) right = Math.max(right, c.anchor.col + c.anchor.widthCols - 1);
  e.pageSetup = {
    paperSize: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    printTitleRows: { first: TITLE_ROW, last: TITLE_ROW + 1 },
    // From the title: the marker row stays off the paper.
    printArea: { top: TITLE_ROW, left: 0, bottom: Math.max(TITLE_ROW, row - 1), right },
    footer: { left: "&A", center: "&P / &N ページ", right: "印刷日 &D" },
    margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.5, header: 0.2, footer: 0.2 },
    centerHorizontally: true,
  };
  const findings = nameFindings(config, sheetName);
  const plan = { ...emptyPlan(), edits: [e] };
  const meta = {
    settings: summarySettingsPrint(config, s.live),
    data: summaryDataPrint(e, s.dated, (r, c) => r >= checklistFrom || s.timed.has(`${r},${c}`)),
  };
  recordSummary(plan, e, input.workbook, own, findings, config, meta);
  // The bounds the flag formulas read (_Shinchoku.Band.1 …), as the settings say now.
  if (s.live) addSettings(plan, config, input.workbook);
  return { plan, sheetName, findings, meta };
}

/**
 * The parts of the settings the summary shows other than through the band names (with figures as
 * values, the bounds too): a summary recorded with another print is summary/stale.
 */
export function summarySettingsPrint(config: ShinchokuConfig, live: boolean): string {
  return settingsPrint([
    live ? flagBandsOf(config).map((b) => b.label) : flagBandsOf(config),
    config.grades,
    config.periodGrades,
    config.statuses,
    config.lowerIsBetter,
    config.cumulativeMarkers,
    config.annualMarkers,
    config.levelMarkers,
    config.indicatorKinds,
    config.defaultIndicatorKind,
    config.summaryTitle,
    config.summaryFont,
    config.summaryMarker,
  ]);
}

/**
 * What the summary holds that no formula follows (a formula counts as one), without the date it was
 * made on (a summary made yesterday from the same data is not stale): summary/stale when it changes.
 */
export function summaryDataPrint(
  e: SheetEdit,
  dated: string,
  timed: (row: number, col: number) => boolean = () => false,
): string {
  const parts: string[] = [];
  forEachCellWrite(e.writes, (row, col, value, formula) => {
    if ((typeof value === "string" && value.includes(dated)) || timed(row, col)) return;
    parts.push(`${row},${col}:${formula !== null ? FORMULA_PRINT : valuePrint(value)}`);
  });
  return longPrint(parts.join(";"));
}

/** The configured name is an item sheet's: nothing is written, and the reason is an error. */
function refused(config: ShinchokuConfig, sheet: string): SummaryPlan {
  const f = findingOf(
    "summary/name-is-item-sheet",
    { itemNo: null, sheet, cell: null, params: { name: config.summarySheetName, sheet } },
    config,
  );
  return { plan: emptyPlan(), sheetName: "", findings: f ? [f] : [] };
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
  meta: RecordMeta,
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
    { name: SUMMARY_NAME, range: rect, prints, meta },
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
  for (const c of kept) {
    const value: PlanValue = c.value !== null && typeof c.value === "object" ? c.value.error : c.value;
    e.writes.push({
      row: c.row,
      col: c.col,
      values: [value],
      formats: [null],
      formulas: c.formula ? [c.formula] : null,
    });
    const cell = toA1(c.row, c.col);
    const f = findingOf(
      "fill/area-edited",
      { itemNo: null, sheet: e.sheet, cell, params: { cell, value: shownContent(c) } },
      config,
    );
    if (f) findings.push(f);
  }
}

/** summary/name-taken when the sheet had to take another name than the configured one. */
function nameFindings(config: ShinchokuConfig, sheetName: string): Finding[] {
  if (sameName(sheetName, config.summarySheetName)) return [];
  const f = findingOf(
    "summary/name-taken",
    {
      itemNo: null,
      sheet: config.summarySheetName,
      cell: null,
      params: { name: config.summarySheetName, usedName: sheetName },
    },
    config,
  );
  return f ? [f] : [];
}

/**
 * Points a line of text takes at `size` points, and a row's padding: 游ゴシック's line spacing in
 * Excel (LibreOffice's fallback font sets lines closer, leaving a little room).
 */
const lineHeight = (size: number) => size * 1.3;
const ROW_PADDING = 4;
/**
 * Column-width units one full-width character of 10 pt text takes (textWidth counts it as 2): a
 * little under, as 游ゴシック 10 pt is about 13 px against the 7 px of the width unit.
 */
const FULL_WIDTH_UNITS = 1.85;

/**
 * Each written row's height: its tallest cell, a wrapped text taking as many lines as its width
 * needs in its column. The program that opens the file does not fit rows to wrapped text
 * (LibreOffice keeps the default height, text cut off), so the plan says it.
 */
function rowHeights(
  writes: SheetEdit["writes"],
  widths: Map<number, number>,
): Array<{ row: number; height: number }> {
  const byRow = new Map<number, number>();
  forEachCellWrite(writes, (row, col, value, _formula, format) => {
    const size = format?.fontSize ?? 11;
    let lines = 1;
    if (format?.wrap && value !== null && value !== "") {
      const width = widths.get(col) ?? 8.43;
      // Each line of the text (departments are one a line) wraps on its own.
      lines = 0;
      for (const line of String(value).split("\n")) {
        const units = (textWidth(line) / 2) * FULL_WIDTH_UNITS;
        lines += Math.max(1, Math.ceil(units / Math.max(1, width - 0.5)));
      }
    }
    const h = Math.round((lines * lineHeight(size) + ROW_PADDING) * 4) / 4;
    if ((byRow.get(row) ?? 0) < h) byRow.set(row, h);
  });
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** The sheet's title row (row 0 holds our marker only). */
const TITLE_ROW = 1;

/** What the table functions share while the sheet is laid out. */
interface Layout {
  w: RowWriter;
  e: SheetEdit;
  st: SummaryStyles;
  /** Each column's width so far: the widest need of the tables over it. */
  widths: Map<number, number>;
  model: SummaryModel;
  config: ShinchokuConfig;
  /** Figures as formulas over the item sheets (the summary is in their workbook). */
  live: boolean;
  /** The indicator table's first body row (the item table's 判定 reads it). */
  indicatorFirstRow: number;
  /** The indicator table's columns (the item table's 判定 and the flag counts read them). */
  indicators: ColumnList<IndicatorRow>;
  /** The date the sheet was made, as written on it: what cannot be live is labelled with it. */
  dated: string;
  /**
   * Cells labelled with that date ("row,col": the finding counts), which no formula follows and which
   * summary/stale leaves out: the sheet says they are as of then.
   */
  timed: Set<string>;
}

/** Column width limits, in characters (a full-width character is two). */
const WIDTH = { min: 5, text: 13, title: 18, pillar: 16 } as const;

/** Asks column `col` to be at least `width` wide (capped at `max`). */
function need(s: Layout, col: number, width: number, max: number = WIDTH.title): void {
  const w = Math.min(Math.max(width, WIDTH.min), max);
  if ((s.widths.get(col) ?? 0) < w) s.widths.set(col, w);
}

/** Headers fit on one line: table headers are column names, and one line keeps them aligned. */
function needHeader(s: Layout, col: number, header: string): void {
  need(s, col, textWidth(header) + 1, 40);
}

/** A column of wrapping text as wide as its longest value, up to `max`. */
function needText(s: Layout, col: number, texts: Iterable<string>, max: number): void {
  let longest = 0;
  for (const t of texts) for (const line of t.split("\n")) longest = Math.max(longest, textWidth(line));
  need(s, col, longest + 1, max);
}

/** The legends: grades, flags with their thresholds, departments, the counts; returns the next row. */
function legend(s: Layout, config: ShinchokuConfig, row: number): number {
  const { w, st } = s;
  const flags = flagLegend(config);
  const lines: Array<string | { value: string; formula: string }> = [
    "年度評価\u3000" + config.grades.map((g) => `${g.code}：${g.ja}`).join("\u3000"),
    s.live ? flags : flags.value,
    "状況 ＝ 取組の状況（上半期・10月）\u3000評価 ＝ 年度評価（年度終了後）\u3000判定 ＝ 指標判定（指標の達成率から）\u3000" +
      yearLegend(s.model.fiscalYears),
    `担当課の ● は主担当課\u3000エラー・警告 ＝ ${s.dated}時点の検証で見つかった指摘の件数\u3000達成率 ＝ 実績 ÷ 計画（低いほど良い指標は 計画 ÷ 実績）`,
  ];
  w.start(row, 0).put("凡例", st.section);
  for (const [i, line] of lines.entries()) {
    w.start(row + 1 + i, 0);
    if (typeof line === "string") w.put(line, st.legend);
    else w.put(line.value, st.legend, line.formula);
  }
  return row + 1 + lines.length;
}

/**
 * The flags' legend with the bounds in force: its text, and a formula that reads the bounds from
 * their names (a saved threshold shows here too): "指標判定 達成：達成率 100% 以上 概ね達成：80% 以上 …".
 */
function flagLegend(config: ShinchokuConfig): { value: string; formula: string } {
  const bands = flagBandsOf(config);
  const bounded = boundedBands(config);
  const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const live = (i: number) => `ROUND(${bandName(i + 1)}*100,1)&"%"`;
  let value = "指標判定\u3000";
  let formula = "";
  let text = "指標判定\u3000";
  const flush = (f: string) => {
    formula += `${q(text)}&${f}&`;
    text = "";
  };
  bounded.forEach((b, i) => {
    const lead = `${b.label}：${i === 0 ? "達成率 " : ""}`;
    value += `${lead}${pct(b.min)} 以上\u3000`;
    text += lead;
    flush(live(i));
    text += " 以上\u3000";
  });
  const lowest = bands[bands.length - 1].label;
  const tail = "未入力：実績が未記入（年度終了後・評価済み）\u3000要確認：数値として読めない値";
  if (bounded.length) {
    const last = bounded.length - 1;
    value += `${lowest}：${pct(bounded[last].min)} 未満\u3000`;
    text += `${lowest}：`;
    flush(live(last));
    text += " 未満\u3000";
  }
  value += tail;
  text += tail;
  return { value, formula: `=${formula}${q(text)}` };
}

/** "H27 ＝ 平成27年度 … H30 ＝ 平成30年度": the headers' short years in the form's own era names. */
function yearLegend(years: number[]): string {
  if (years.length === 0) return "";
  const first = years[0];
  const last = years[years.length - 1];
  const one = (fy: number) => `${shortFiscalYear(fy)} ＝ ${japaneseFiscalYear(fy)}`;
  return first === last ? one(first) : `${one(first)} … ${one(last)}`;
}

/** Where a table went: its header row (top), its last row, its width, and the row after it. */
interface TablePlace {
  top: number;
  bottom: number;
  left: number;
  width: number;
  next: number;
}

/** The section title on `row` and the header row below it from column `left`: returns the header's row. */
function openTable(s: Layout, row: number, left: number, title: string, header: string[]): number {
  s.w.start(row, left).put(title, s.st.section);
  s.w.start(row + 1, left);
  header.forEach((h, i) => {
    s.w.put(h, s.st.header);
    needHeader(s, left + i, h);
  });
  return row + 1;
}

/**
 * The Excel table over the header (top) and `count` rows below it: an empty table still has a
 * (blank) body row. Returns where it went.
 */
function closeTable(
  e: SheetEdit,
  name: string,
  top: number,
  left: number,
  count: number,
  width: number,
): TablePlace {
  const bottom = top + Math.max(count, 1);
  e.tables.push({ name, range: { top, left, bottom, right: left + width - 1 }, style: "TableStyleLight9" });
  return { top, bottom, left, width, next: bottom + 1 };
}

/**
 * A table from `row`: its section title, the header row and one row per entry, column by column;
 * columns of wrapping text as wide as their values, flag columns coloured. Returns where it went.
 */
function putTable<R>(
  s: Layout,
  row: number,
  title: string,
  name: string,
  list: ColumnList<R>,
  rows: readonly R[],
): TablePlace {
  const top = openTable(s, row, list.left, title, list.headers);
  rows.forEach((r, index) => putRow(s, list, r, { row: top + 1 + index, index }));
  list.columns.forEach((c, i) => {
    if (c.fit === undefined) return;
    const texts = rows.map((r, index) => c.value(r, { row: top + 1 + index, index }));
    needText(
      s,
      list.left + i,
      texts.map((t) => (typeof t === "string" ? t : "")),
      c.fit,
    );
  });
  const table = closeTable(s.e, name, top, list.left, rows.length, list.width);
  list.columns.forEach((c, i) => {
    if (c.flags) flagFormats(s.e, table, list.left + i);
  });
  return table;
}

/** One row of a table, cell by cell: a null under a formula is written "" (the formula's own blank). */
function putRow<R>(s: Layout, list: ColumnList<R>, r: R, at: RowAt): void {
  list.columns.forEach((c, i) => {
    const col = list.left + i;
    const value = c.value(r, at);
    if (value === undefined) return;
    const formula = c.formula ? c.formula(r, at) : null;
    s.w
      .start(at.row, col)
      .put(
        formula !== null && value === null ? "" : value,
        typeof c.style === "function" ? c.style(r) : c.style,
        formula,
      );
    const link = c.link?.(r);
    if (link) s.e.hyperlinks.push({ row: at.row, col, ...link });
    if (c.timed) s.timed.add(`${at.row},${col}`);
  });
}

/** The item table from `row`, each year's 判定 coloured. */
function itemTable(s: Layout, linkToSheets: boolean, row: number): TablePlace {
  const items = s.model.items;
  // Where indicatorTable puts its first row: two blank rows, its title and its header below this table.
  s.indicatorFirstRow = row + 1 + Math.max(items.length, 1) + 5;
  return putTable(s, row, "改革項目一覧", "Shinchoku_Items", itemColumns(s, linkToSheets), items);
}

/**
 * The item table's columns: No. linked to the item's sheet when asked, each year's status,
 * grade and 判定 (live: the worst of the item's indicator flags that year), the finding counts, and a
 * summary of several files names each item's file in a last column (absent for one workbook).
 */
function itemColumns(s: Layout, linkToSheets: boolean): ColumnList<ItemRow> {
  const { st, model } = s;
  const linkOf = (it: ItemRow) => (linkToSheets ? it.link : null);
  const linked = (plain: CellFormat) => (it: ItemRow) => (linkOf(it) ? st.link : plain);
  const linkWith = (text: (it: ItemRow) => string) => (it: ItemRow) => {
    const link = linkOf(it);
    return link ? { sheet: link.sheet, cell: link.cell, text: text(it) || "—" } : null;
  };
  const spans = s.live ? indicatorSpans(s) : null;
  const worst = worstFlagOrder(s.config);
  const flagFormula = (yi: number) => (_it: ItemRow, at: RowAt) => {
    const span = spans?.get(at.index);
    if (!span) return null;
    const col = s.indicators.col(`flag:${yi}`);
    return worstFlagFormula(`${toA1(span.first, col)}:${toA1(span.last, col)}`, worst);
  };
  const columns: Column<ItemRow>[] = [
    {
      key: "no",
      header: "No.",
      value: (it) => it.no,
      style: linked(st.code),
      link: linkWith((it) => it.no),
    },
    // "重点改革項目Ⅱ" whole on the first line: the numeral is what tells the pillars apart.
    { key: "pillar", header: "重点改革項目", value: (it) => it.pillar, style: st.text, fit: WIDTH.pillar },
    { key: "midItem", header: "中項目", value: (it) => it.midItem, style: st.text, fit: WIDTH.text },
    { key: "smallItem", header: "小項目", value: (it) => it.smallItem, style: st.text, fit: WIDTH.text },
    // Plain text, not a link: a linked cell does not wrap in LibreOffice's print, and a long title
    // was cut at the column's edge; No. is the link to the item's sheet.
    { key: "title", header: "改革実施項目", value: (it) => it.title, style: st.text, fit: WIDTH.title },
    { key: "departments", header: "担当課", value: (it) => it.departments, style: st.text, fit: WIDTH.text },
    ...perYear<ItemRow>(model.fiscalYears, (fy, yi) => [
      // A status word on one line: cut, "進捗に遅れあり" would read "進捗に遅れあ" / "り".
      {
        key: "status",
        header: `${shortFiscalYear(fy)}状況`,
        value: (it) => it.years[yi].status,
        style: st.text,
        fit: 15,
      },
      {
        key: "grade",
        header: `${shortFiscalYear(fy)}評価`,
        value: (it) => it.years[yi].grade,
        style: st.code,
      },
      {
        key: "flag",
        header: `${shortFiscalYear(fy)}判定`,
        value: (it) => it.years[yi].flag ?? "",
        style: st.code,
        formula: flagFormula(yi),
        flags: true,
      },
    ]),
    { key: "midtermGrade", header: "中間評価", value: (it) => it.midtermGrade, style: st.code },
    { key: "finalGrade", header: "期間評価", value: (it) => it.finalGrade, style: st.code },
    // The counts of errors and warnings: as of the date in the legend.
    { key: "errors", header: "エラー", value: (it) => it.errors, style: st.count, timed: true },
    { key: "warnings", header: "警告", value: (it) => it.warnings, style: st.count, timed: true },
  ];
  if (model.items.some((it) => it.files.length > 0))
    columns.push({
      key: "files",
      header: "ファイル",
      value: (it) => (it.files.length ? it.files.join("\n") : undefined),
      style: st.text,
      fit: WIDTH.title,
    });
  return new ColumnList(0, columns);
}

/** Each item's indicator rows in the indicator table (first and last sheet row), by item index. */
function indicatorSpans(s: Layout): Map<number, { first: number; last: number }> {
  const out = new Map<number, { first: number; last: number }>();
  s.model.indicators.forEach((ind, i) => {
    if (ind.itemIndex === undefined) return;
    const row = s.indicatorFirstRow + i;
    const span = out.get(ind.itemIndex);
    if (span) span.last = row;
    else out.set(ind.itemIndex, { first: row, last: row });
  });
  return out;
}

/** The flags an item's 判定 can be, worst first (対象外 does not count), as computeItems ranks them. */
function worstFlagOrder(config: ShinchokuConfig): string[] {
  const bands = flagBandsOf(config);
  const ranked = config.flagBands?.length ? bands : null;
  const flags = [...bands.map((b) => b.label), "要確認", "未入力"];
  return flags
    .map((f, i) => ({ f, i, r: flagRank(f, ranked) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.f);
}

/** The worst flag among the cells: IF(COUNTIF(r,"未達成"),"未達成",IF(COUNTIF(r,"要確認"),…,"")). */
function worstFlagFormula(range: string, order: readonly string[]): string {
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  let f = '""';
  for (let i = order.length - 1; i >= 0; i--)
    f = `IF(COUNTIF(${range},${q(order[i])})>0,${q(order[i])},${f})`;
  return `=${f}`;
}

/** The indicator table from `row`, each year's 判定 coloured. */
function indicatorTable(s: Layout, row: number): TablePlace {
  const rows = s.model.indicators;
  // The item table's 判定 reads this table's rows where it expects them.
  if (s.live && rows.length && row + 2 !== s.indicatorFirstRow)
    throw new Error("the indicator table is not where the item table's 判定 reads it");
  return putTable(s, row, "指標一覧", "Shinchoku_Indicators", s.indicators, rows);
}

/**
 * The indicator table's columns: each year's plan, actual, rate and 判定, then the period rate. Live,
 * figures read their cells on the item sheet and rates and flags are formulas over them.
 */
function indicatorColumns(st: SummaryStyles, live: boolean, years: number[]): ColumnList<IndicatorRow> {
  const figure = (v: unknown) => (typeof v === "number" ? st.count : st.text);
  // A figure read from its cell on the item sheet ("" while it is blank), where it is a plain number.
  const read = (ref: CellRef | null | undefined) =>
    live && ref ? `=IF(${sheetRef(ref)}="","",${sheetRef(ref)})` : null;
  const cell = (at: RowAt, key: string) => toA1(at.row, list.col(key));
  // The row's own rate cell computes exactly this year's rate: the period formula reads it.
  const pair = (at: RowAt, yi: number): RatePair => ({
    p: cell(at, `plan:${yi}`),
    a: cell(at, `actual:${yi}`),
    r: cell(at, `rate:${yi}`),
  });
  const list: ColumnList<IndicatorRow> = new ColumnList(0, [
    { key: "no", header: "No.", value: (ind) => ind.no, style: st.code },
    { key: "name", header: "指標", value: (ind) => ind.name, style: st.text, fit: WIDTH.text },
    { key: "kind", header: "種別", value: (ind) => KIND_JA[ind.kind], style: st.code },
    {
      key: "baseline",
      header: "現状値",
      value: (ind) => ind.baseline,
      style: (ind) => figure(ind.baseline),
      formula: (ind) => read(ind.sources?.baseline),
    },
    ...perYear<IndicatorRow>(years, (fy, yi) => [
      {
        key: "plan",
        header: `${shortFiscalYear(fy)}計画`,
        value: (ind) => ind.years[yi].plan,
        style: (ind) => figure(ind.years[yi].plan),
        formula: (ind) => read(ind.sources?.years[yi]?.plan),
      },
      {
        key: "actual",
        header: `${shortFiscalYear(fy)}実績`,
        value: (ind) => ind.years[yi].actual,
        style: (ind) => figure(ind.years[yi].actual),
        formula: (ind) => read(ind.sources?.years[yi]?.actual),
      },
      {
        key: "rate",
        header: `${shortFiscalYear(fy)}達成率`,
        value: (ind) => ind.years[yi].rate,
        style: st.rate,
        // Both numbers (COUNT counts them), the plan not 0: the rate, else "".
        formula: (ind, at) => {
          if (!live) return null;
          const { p, a } = pair(at, yi);
          const [num, den] = ind.lowerIsBetter ? [p, a] : [a, p];
          return `=IF(COUNT(${p},${a})=2,IFERROR(${num}/${den},""),"")`;
        },
      },
      {
        key: "flag",
        header: `${shortFiscalYear(fy)}判定`,
        value: (ind) => shownFlag(ind, yi),
        style: st.code,
        flags: true,
        // When the rate cannot be computed, the flag decided now (未入力, 要確認, 対象外) stands.
        formula: (ind, at) => {
          if (!live) return null;
          const r = cell(at, `rate:${yi}`);
          return `=IF(ISNUMBER(${r}),${bandFormula(r)},"${ind.years[yi].rate === null ? shownFlag(ind, yi) : ""}")`;
        },
      },
    ]),
    {
      key: "periodRate",
      header: "期間達成率",
      value: (ind) => ind.periodRate,
      style: st.rate,
      formula: (ind, at) =>
        live
          ? periodRateOfPairs(
              ind.years.map((_, yi) => pair(at, yi)),
              ind.periodBasis,
              ind.lowerIsBetter ?? false,
            )
          : null,
    },
    {
      key: "periodBasis",
      header: "期間達成率の基準",
      value: (ind) => PERIOD_BASIS_JA[ind.periodBasis],
      style: st.code,
    },
  ]);
  return list;
}

/** A year's 判定 as shown: blank where the indicator has no plan that year (対象外). */
function shownFlag(ind: IndicatorRow, yi: number): string {
  const y = ind.years[yi];
  return y.flag === "対象外" && y.plan === null ? "" : y.flag;
}

/** A cell of an item sheet from the summary: 'H27-28'!F14. */
function sheetRef(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${ref.cell}`;
}

/** The grade's name beside its code: "A 計画以上に進捗" (その他 as it is). */
function gradeLabel(config: ShinchokuConfig, grade: string): string {
  const g = config.grades.find((x) => x.code === grade);
  return g ? `${g.code} ${g.ja}` : grade;
}

/**
 * A grade table's columns from column B: the pillar first (by pillar), then the grade, each year's
 * count ("H27件数", …; side by side, what the chart reads), then each year's share ("H27割合", …).
 */
function gradeColumns(s: Layout, withPillar: boolean): ColumnList<GradeCount> {
  const { st } = s;
  const years = s.model.fiscalYears;
  const pillar: Column<GradeCount>[] = withPillar
    ? [{ key: "pillar", header: "重点改革項目", value: (g) => g.pillar, style: st.text, fit: WIDTH.text }]
    : [];
  return new ColumnList(1, [
    ...pillar,
    {
      key: "grade",
      header: "年度評価",
      value: (g) => gradeLabel(s.config, g.grade),
      style: st.text,
      fit: WIDTH.text,
    },
    ...eachYear<GradeCount>(years, (fy, yi) => ({
      key: "count",
      header: `${shortFiscalYear(fy)}件数`,
      value: (g) => g.counts[yi],
      style: st.count,
    })),
    ...eachYear<GradeCount>(years, (fy, yi) => ({
      key: "share",
      header: `${shortFiscalYear(fy)}割合`,
      value: (g) => g.shares[yi],
      style: st.share,
    })),
  ]);
}

/** Grade counts and shares by pillar, from column B: returns the row after the table. */
function gradeTable(s: Layout, row: number): number {
  const list = gradeColumns(s, true);
  const title = "年度評価の件数と割合（重点改革項目別）";
  return putTable(s, row, title, "Shinchoku_Grades", list, s.model.gradeCounts).next;
}

/**
 * Grade counts and shares of all pillars, from column B, the indicator flags per year below it, and
 * a chart of the grade counts beside both: returns the row after the last of them.
 */
function gradeTotalTable(s: Layout, row: number): number {
  const { model, e } = s;
  const years = model.fiscalYears;
  const list = gradeColumns(s, false);
  const title = "年度評価の件数と割合（全体）";
  const totals = putTable(s, row, title, "Shinchoku_GradeTotals", list, model.gradeTotals);
  const flags = flagTable(s, totals.next + 2);
  if (!years.length || !model.gradeTotals.length) return flags;
  const chartRows = 16;
  const { top } = totals;
  e.charts.push({
    kind: "columnStacked",
    title: "年度評価の件数",
    // The grade column and each year's count, side by side in the table.
    source: {
      top,
      left: list.col("grade"),
      bottom: totals.bottom,
      right: list.col(`count:${years.length - 1}`),
    },
    anchor: { row: top, col: list.left + list.width + 1, widthCols: 6, heightRows: chartRows },
  });
  return Math.max(flags, top + chartRows + 1);
}

/**
 * Indicator flags per year, from column B: each year's count, then each year's share. Live, the
 * counts are counted from the indicator table's 判定 columns, so they follow its formulas.
 */
function flagTable(s: Layout, row: number): number {
  const { st, model } = s;
  const years = model.fiscalYears;
  const rows = model.flagCounts;
  const totals = years.map((_, yi) => rows.reduce((n, r) => n + r.counts[yi], 0));
  const live = s.live && model.indicators.length > 0;
  const countFormula = (yi: number) => (f: FlagCount) => {
    if (!live) return null;
    const col = s.indicators.col(`flag:${yi}`);
    const top = s.indicatorFirstRow;
    const range = `${toA1(top, col)}:${toA1(top + model.indicators.length - 1, col)}`;
    return `=COUNTIF(${range},"${f.flag.replace(/"/g, '""')}")`;
  };
  // The year's count in this row over the year's counts in all rows ("" when there are none).
  const shareFormula = (yi: number) => (_f: FlagCount, at: RowAt) => {
    if (!live) return null;
    const col = list.col(`count:${yi}`);
    const first = at.row - at.index;
    const sum = `SUM(${toA1(first, col)}:${toA1(first + rows.length - 1, col)})`;
    return `=IF(${sum}=0,"",${toA1(at.row, col)}/${sum})`;
  };
  const list: ColumnList<FlagCount> = new ColumnList(1, [
    { key: "flag", header: "指標判定", value: (f) => f.flag, style: st.code, flags: true },
    ...eachYear<FlagCount>(years, (fy, yi) => ({
      key: "count",
      header: `${shortFiscalYear(fy)}件数`,
      value: (f) => f.counts[yi],
      style: st.count,
      formula: countFormula(yi),
    })),
    ...eachYear<FlagCount>(years, (fy, yi) => ({
      key: "share",
      header: `${shortFiscalYear(fy)}割合`,
      value: (f) => (totals[yi] ? f.counts[yi] / totals[yi] : null),
      style: st.share,
      formula: shareFormula(yi),
    })),
  ]);
  return putTable(s, row, "指標判定の件数と割合（年度別）", "Shinchoku_Flags", list, rows).next;
}

/** The items by lead department, from column B: each year's grade and the open findings. */
function departmentTable(s: Layout, linkToSheets: boolean, row: number): number {
  const { model, st } = s;
  const linkOf = (d: DepartmentRow) => (linkToSheets ? d.link : null);
  const linked = (plain: CellFormat) => (d: DepartmentRow) => (linkOf(d) ? st.link : plain);
  const linkWith = (text: (d: DepartmentRow) => string) => (d: DepartmentRow) => {
    const link = linkOf(d);
    return link ? { sheet: link.sheet, cell: link.cell, text: text(d) || "—" } : null;
  };
  const list = new ColumnList<DepartmentRow>(1, [
    { key: "department", header: "主担当課", value: (d) => d.department, style: st.text, fit: WIDTH.text },
    { key: "no", header: "No.", value: (d) => d.no, style: linked(st.code), link: linkWith((d) => d.no) },
    // Plain, as in the item table: a linked cell does not wrap in LibreOffice's print.
    { key: "title", header: "改革実施項目", value: (d) => d.title, style: st.text, fit: WIDTH.title },
    ...eachYear<DepartmentRow>(model.fiscalYears, (fy, yi) => ({
      key: "grade",
      header: `${shortFiscalYear(fy)}評価`,
      value: (d) => d.grades[yi],
      style: st.code,
    })),
    // The counts of errors and warnings: as of the date in the legend.
    { key: "errors", header: "エラー", value: (d) => d.errors, style: st.count, timed: true },
    { key: "warnings", header: "警告", value: (d) => d.warnings, style: st.count, timed: true },
  ]);
  return putTable(s, row, "主担当課別の状況", "Shinchoku_Departments", list, model.byDepartment).next;
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

/** The flags of one column of the table's body coloured by conditional formats. */
function flagFormats(e: SheetEdit, table: TablePlace, col: number): void {
  colourFlags(e, { top: table.top + 1, bottom: table.bottom, left: col, right: col });
}
