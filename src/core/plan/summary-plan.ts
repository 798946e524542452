/**
 * The summary sheet (default 集計), laid out as a person expects: a title with our marker in A1,
 * the item table, the indicator table and the grade counts, each an Excel table with filters, rates
 * as %, flags coloured, No. and titles linked to the item's sheet, a chart of the grade counts.
 * A sheet of that name without our marker is a user's: we never touch it and use another name.
 */
import type { CellRange } from "../grid/cell";
import { Grid } from "../grid/grid";
import type { ShinchokuConfig } from "../config/config";
import type { Finding } from "../model/finding";
import type { SheetSnapshot, WorkbookSnapshot } from "../grid/cell";
import {
  emptySheetEdit,
  RowWriter,
  type CellFormat,
  type EditPlan,
  type PlanValue,
  type SheetEdit,
} from "./edit-plan";
import { FLAG_FORMATS, STYLE, shortFiscalYear } from "./styles";
import type { ItemRow, SummaryModel } from "../summary/summary-model";
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
}

export interface SummaryPlan {
  plan: EditPlan;
  sheetName: string;
  findings: Finding[];
}

export function planSummarySheet(input: SummaryPlanInput): SummaryPlan {
  const { model, config, workbook } = input;
  const findings: Finding[] = [];
  const sheetName = chooseSheetName(config, workbook);
  if (sheetName !== config.summarySheetName) {
    const sev = severityOf("summary/name-taken", config);
    if (sev)
      findings.push({
        code: "summary/name-taken",
        severity: sev,
        itemNo: null,
        sheet: config.summarySheetName,
        cell: null,
        params: { name: config.summarySheetName, usedName: sheetName },
      });
  }
  const e: SheetEdit = emptySheetEdit(sheetName, "owned");
  e.tabColor = "#0078D4";
  e.activate = true;
  // Cell by cell, left to right and top to bottom: the writer joins neighbours into rows.
  const w = new RowWriter(e.writes);
  const put = (row: number, col: number, value: PlanValue, format: CellFormat) =>
    w.start(row, col).put(value, format);
  const header = (row: number, texts: string[]) => {
    w.start(row, 0);
    for (const h of texts) w.put(h, STYLE.header);
  };
  const years = model.fiscalYears;

  put(0, 0, `${config.summaryMarker} 行政改革プラン 進捗集計`, STYLE.title);
  put(
    1,
    0,
    `作成日 ${ymd(input.generatedAt)} ／ Shinchoku が作成したシートです。手入力しても再作成で上書きされます。`,
    STYLE.note,
  );

  // 1. Item table
  let row = 3;
  put(row++, 0, "改革項目一覧", STYLE.section);
  const itemHeader = [
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
  const itemTop = row;
  header(row, itemHeader);
  row++;
  for (const it of model.items) {
    const link = input.linkToSheets ? it.link : null;
    putItemRow(w.start(row, 0), it, link ? STYLE.link : STYLE.cell);
    if (link) {
      e.hyperlinks.push({ row, col: 0, sheet: link.sheet, cell: link.cell, text: it.no || "—" });
      e.hyperlinks.push({ row, col: 4, sheet: link.sheet, cell: link.cell, text: it.title || "—" });
    }
    row++;
  }
  const itemBottom = Math.max(row - 1, itemTop + 1);
  if (model.items.length === 0) row++;
  e.tables.push({
    name: "Shinchoku_Items",
    range: { top: itemTop, left: 0, bottom: itemBottom, right: itemHeader.length - 1 },
    style: "TableStyleLight9",
  });
  years.forEach((_, yi) =>
    flagFormats(e, { top: itemTop + 1, bottom: itemBottom, left: 6 + yi * 3 + 2, right: 6 + yi * 3 + 2 }),
  );

  // 2. Indicator table
  row += 2;
  put(row++, 0, "指標一覧", STYLE.section);
  const indHeader = [
    "No.",
    "指標",
    "累計",
    "現状値",
    ...years.flatMap((fy) => ["計画", "実績", "達成率", "判定"].map((h) => `${shortFiscalYear(fy)} ${h}`)),
    "期間達成率",
  ];
  const indTop = row;
  header(row, indHeader);
  row++;
  for (const ind of model.indicators) {
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
    w.start(row, indHeader.length - 1).put(ind.periodRate, STYLE.rate);
    row++;
  }
  const indBottom = Math.max(row - 1, indTop + 1);
  if (model.indicators.length === 0) row++;
  e.tables.push({
    name: "Shinchoku_Indicators",
    range: { top: indTop, left: 0, bottom: indBottom, right: indHeader.length - 1 },
    style: "TableStyleLight9",
  });
  years.forEach((_, yi) =>
    flagFormats(e, { top: indTop + 1, bottom: indBottom, left: 4 + yi * 4 + 3, right: 4 + yi * 4 + 3 }),
  );

  // 3. Grade counts, by pillar and in total, with a chart of the totals
  row += 2;
  put(row++, 0, "年度評価の件数（重点改革項目別）", STYLE.section);
  const gradeHeader = ["重点改革項目", "評価", ...years.map((fy) => `${shortFiscalYear(fy)}`)];
  const gTop = row;
  header(row, gradeHeader);
  row++;
  for (const g of model.gradeCounts) {
    w.start(row, 0).put(g.pillar, STYLE.cell).put(g.grade, STYLE.flag);
    for (const n of g.counts) w.put(n, STYLE.count);
    row++;
  }
  const gBottom = Math.max(row - 1, gTop + 1);
  if (model.gradeCounts.length === 0) row++;
  e.tables.push({
    name: "Shinchoku_Grades",
    range: { top: gTop, left: 0, bottom: gBottom, right: gradeHeader.length - 1 },
    style: "TableStyleLight9",
  });

  row += 2;
  put(row++, 0, "年度評価の件数（全体）", STYLE.section);
  const tTop = row;
  header(row, ["評価", ...years.map((fy) => `${shortFiscalYear(fy)}`)]);
  row++;
  for (const g of model.gradeTotals) {
    w.start(row, 0).put(g.grade, STYLE.flag);
    for (const n of g.counts) w.put(n, STYLE.count);
    row++;
  }
  w.end();
  const tBottom = Math.max(row - 1, tTop + 1);
  e.tables.push({
    name: "Shinchoku_GradeTotals",
    range: { top: tTop, left: 0, bottom: tBottom, right: years.length },
    style: "TableStyleLight9",
  });
  if (years.length && model.gradeTotals.length)
    e.charts.push({
      kind: "columnStacked",
      title: "年度評価の件数",
      source: { top: tTop, left: 0, bottom: tBottom, right: years.length },
      anchor: { row: tTop, col: years.length + 2, widthCols: 8, heightRows: 16 },
    });

  e.freeze = { rows: itemTop + 1, cols: 1 };
  e.columnWidths = [
    { col: 0, width: 8 },
    { col: 1, width: 28 },
    { col: 2, width: 28 },
    { col: 3, width: 28 },
    { col: 4, width: 40 },
    { col: 5, width: 14 },
    ...Array.from({ length: Math.max(itemHeader.length, indHeader.length) - 6 }, (_, i) => ({
      col: 6 + i,
      width: 13,
    })),
  ];
  return { plan: { edits: [e] }, sheetName, findings };
}

/** Ours if it carries the marker, else the first free name: "集計 (Shinchoku)", "集計 (Shinchoku 2)", … */
export function chooseSheetName(config: ShinchokuConfig, wb: WorkbookSnapshot): string {
  const byName = new Map<string, SheetSnapshot>();
  for (const s of wb.sheets) byName.set(s.name, s);
  for (let i = 0; i < 100; i++) {
    const name = candidateName(config.summarySheetName, i);
    const s = byName.get(name);
    if (!s) return name;
    if (isSummarySheet(new Grid(s), config)) return name;
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

function flagFormats(e: SheetEdit, range: CellRange): void {
  for (const f of FLAG_FORMATS) e.conditionalFormats.push({ range, equals: f.flag, format: f.format });
}

function ymd(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
