/**
 * The engine's EditPlan applied to an ExcelJS workbook, as-is. "item" edits touch only the ranges
 * and cells the plan lists; "owned" edits (the summary) delete and recreate the sheet at the same
 * position, so a re-run leaves nothing stale. ExcelJS cannot write charts: they are counted and
 * reported, never a failure.
 */
import type ExcelJS from "exceljs";
import {
  type CellFormat,
  type CellRange,
  type EditPlan,
  forEachCellWrite,
  formulaText,
  type ListValidationSpec,
  type PageSetupSpec,
  parseRangeA1,
  type PlanValue,
  quoteSheetName,
  rangeToA1,
  type SheetEdit,
  toA1,
} from "../core";
import { xstringCell } from "./patch/xstring";

export interface ApplyResult {
  /** Charts in the plan that ExcelJS cannot write (the add-in writes them). */
  chartsSkipped: number;
  /** Plan entries that could not be applied (a merge over a user's merge, …), in English. */
  problems: string[];
  cellsWritten: number;
}

/**
 * One style object per distinct format, shared by the cells that use it: ExcelJS recognises a
 * style object it has seen (a WeakMap) and skips re-encoding it, which halves the write of a
 * summary sheet. Nothing here mutates a style after assigning it (ExcelJS shares loaded styles alike).
 */
class StyleCache {
  private readonly byFormat = new WeakMap<CellFormat, Map<string, Partial<ExcelJS.Style>>>();
  get(f: CellFormat, fontName: string | undefined): Partial<ExcelJS.Style> {
    let m = this.byFormat.get(f);
    if (!m) this.byFormat.set(f, (m = new Map()));
    const key = fontName ?? "";
    let st = m.get(key);
    if (!st) m.set(key, (st = cellStyle(f, fontName)));
    return st;
  }
}

interface ApplyState extends ApplyResult {
  styles: StyleCache;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: EditPlan): ApplyResult {
  const res: ApplyState = { chartsSkipped: 0, problems: [], cellsWritten: 0, styles: new StyleCache() };
  for (const name of plan.removeSheets) {
    const ws = worksheetNamed(wb, name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  for (const e of plan.edits) {
    if (e.kind === "owned") applyOwned(wb, e, res);
    else applyItem(wb, e, res);
  }
  applyNames(wb, plan);
  return { chartsSkipped: res.chartsSkipped, problems: res.problems, cellsWritten: res.cellsWritten };
}

/**
 * The sheet of that name as Excel compares names (without case). ExcelJS's getWorksheet compares
 * exactly, while its addWorksheet refuses a name that differs only in case.
 */
function worksheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = name.toUpperCase();
  return (
    wb.worksheets.find((ws) => ws.name === name) ?? wb.worksheets.find((ws) => ws.name.toUpperCase() === key)
  );
}

/**
 * Defined names: removed, then created or replaced. ExcelJS keeps a name as the set of cells it
 * covers and writes it back as ranges; names are compared without case, as Excel does.
 */
function applyNames(wb: ExcelJS.Workbook, plan: EditPlan): void {
  const dn = wb.definedNames as unknown as {
    matrixMap: Record<string, unknown>;
    add(loc: string, name: string): void;
  };
  const drop = (name: string) => {
    const key = name.toUpperCase();
    for (const k of Object.keys(dn.matrixMap)) if (k.toUpperCase() === key) delete dn.matrixMap[k];
  };
  for (const name of plan.removeNames) drop(name);
  for (const n of plan.names) {
    drop(n.name);
    dn.add(n.refersTo, n.name);
  }
}

function applyItem(wb: ExcelJS.Workbook, e: SheetEdit, res: ApplyState): void {
  const ws = worksheetNamed(wb, e.sheet);
  if (!ws) {
    res.problems.push(`sheet not found: ${e.sheet}`);
    return;
  }
  for (const r of e.clear) clearRange(ws, r);
  // Our conditional formats from an earlier run sit inside the cleared ranges: drop them too.
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !insideAny(cf.ref, e.clear));
  // The computed area's columns sized to their headers, as the add-in does.
  for (const w of e.columnWidths) ws.getColumn(w.col + 1).width = w.width;
  // Undo: no width of their own again (ExcelJS writes no <col> width for them).
  for (const c of e.standardWidths ?? []) ws.getColumn(c + 1).width = undefined as unknown as number;
  writeCommon(ws, e, res);
}

function applyOwned(wb: ExcelJS.Workbook, e: SheetEdit, res: ApplyState): void {
  const old = worksheetNamed(wb, e.sheet);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(e.sheet);
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  if (e.hidden) ws.state = "veryHidden";
  if (e.tabColor) ws.properties.tabColor = { argb: argb(e.tabColor) };
  for (const w of e.columnWidths) ws.getColumn(w.col + 1).width = w.width;
  for (const c of e.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  for (const h of e.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  writeCommon(ws, e, res);
  for (const v of e.validations ?? []) addListValidation(ws, v);
  for (const t of e.tables) addTable(ws, t.name, t.range, t.style, res);
  const view =
    e.freeze && (e.freeze.rows > 0 || e.freeze.cols > 0)
      ? { state: "frozen", xSplit: e.freeze.cols, ySplit: e.freeze.rows }
      : { state: "normal" };
  // tabSelected is written by ExcelJS but missing from its typings.
  ws.views = [{ ...view, tabSelected: e.activate } as unknown as Partial<ExcelJS.WorksheetView>];
  if (e.pageSetup) applyPageSetup(ws, e.pageSetup);
  if (e.activate) activate(wb, ws);
}

/** OOXML's paper size codes (ECMA-376 Part 1, §18.3.1.64 pageSetup@paperSize): 9 = A4, 8 = A3. */
const PAPER_SIZE: Record<PageSetupSpec["paperSize"], number> = { A4: 9, A3: 8 };

/**
 * Page setup of a sheet we own, in the file's terms: fitToPage with fitToHeight 0 is "one page wide,
 * as many pages high as needed" (§18.3.1.63: 0 = automatic); print titles and the print area are
 * the defined names _xlnm.Print_Titles / _xlnm.Print_Area, which ExcelJS writes from these fields.
 */
function applyPageSetup(ws: ExcelJS.Worksheet, p: PageSetupSpec): void {
  const ps: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_SIZE[p.paperSize] as ExcelJS.PaperSize,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
  };
  if (p.margins) ps.margins = p.margins;
  if (p.centerHorizontally !== undefined) ps.horizontalCentered = p.centerHorizontally;
  // ExcelJS puts "$" before each end's column only: the rows' "$" given here make it $A$2:$V$76.
  if (p.printArea) ps.printArea = rangeToA1(p.printArea).replace(/([A-Z]+)(\d+)/g, "$1$$$2");
  if (p.printTitleRows) ps.printTitlesRow = `${p.printTitleRows.first + 1}:${p.printTitleRows.last + 1}`;
  Object.assign(ws.pageSetup, ps);
  if (p.footer) {
    const f = p.footer;
    ws.headerFooter.oddFooter =
      (f.left ? `&L${f.left}` : "") + (f.center ? `&C${f.center}` : "") + (f.right ? `&R${f.right}` : "");
  }
}

function writeCommon(ws: ExcelJS.Worksheet, e: SheetEdit, res: ApplyState): void {
  forEachCellWrite(e.writes, (row, col, value, formula, format) => {
    writeCell(cellAt(ws, row, col), value, formula, format, res.styles);
    res.cellsWritten++;
  });
  for (const m of e.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    try {
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    } catch (err) {
      res.problems.push(`${ws.name}!${rangeToA1(m)}: not merged (${(err as Error).message})`);
    }
  }
  for (const cf of e.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: rangeToA1(cf.range),
      // No priority: ExcelJS numbers the rules after the sheet's existing ones when it writes.
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${cf.equals.replace(/"/g, '""')}"`],
          style: dxfStyle(cf.format),
        } as ExcelJS.CellIsRuleType,
      ],
    });
  }
  for (const h of e.hyperlinks) cellAt(ws, h.row, h.col).value = hyperlinkFormula(h.sheet, h.cell, h.text);
  res.chartsSkipped += e.charts.length;
}

/** A dropdown on every cell of the range: ExcelJS keeps data validations per cell. */
function addListValidation(ws: ExcelJS.Worksheet, v: ListValidationSpec): void {
  const dv: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [`"${v.list.join(",")}"`],
    showErrorMessage: true,
  };
  for (let row = v.range.top; row <= v.range.bottom; row++)
    for (let col = v.range.left; col <= v.range.right; col++) cellAt(ws, row, col).dataValidation = dv;
}

/**
 * A link inside the workbook as =HYPERLINK("#'Sheet'!A1", text): ExcelJS writes its own hyperlinks
 * as external relationships with a location Excel misreads ("#S!A1##S!A1", exceljs#3027), while
 * the formula works in Excel, LibreOffice and Google Sheets alike.
 */
export function hyperlinkFormula(sheet: string, cell: string, text: string): ExcelJS.CellFormulaValue {
  const q = (s: string) => s.replace(/"/g, '""');
  return {
    // A long item title passes Excel's 255 characters of a string literal: formulaText joins pieces.
    formula: `HYPERLINK("#${q(quoteSheetName(sheet))}!${cell}",${formulaText(text)})`,
    result: xstringCell(text),
    date1904: false,
  };
}

/**
 * The cell at a 0-based position, created if missing. Through the row rather than ws.getCell(r, c),
 * which spells the address out and parses it back for every call (no cache past row 100 or column
 * 100): that parse was a third of applying the bench workbook's plans in a fresh process.
 */
export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row + 1).getCell(col + 1);
}

function writeCell(
  cell: ExcelJS.Cell,
  value: PlanValue,
  formula: string | null,
  format: CellFormat | null,
  styles: StyleCache,
): void {
  if (formula) {
    const f = formula.startsWith("=") ? formula.slice(1) : formula;
    const result = typeof value === "string" ? xstringCell(value) : value;
    cell.value = value === null ? { formula: f } : ({ formula: f, result } as ExcelJS.CellFormulaValue);
  } else {
    // ExcelJS writes text as it is: a literal _xHHHH_ and a CR are escaped here, as the patcher does.
    cell.value = typeof value === "string" ? xstringCell(value) : value;
  }
  cell.style = format ? styles.get(format, cell.font?.name) : {};
}

function clearRange(ws: ExcelJS.Worksheet, r: CellRange): void {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  for (const m of Object.values(merges)) {
    if (m?.range && insideAny(m.range, [r])) ws.unMergeCells(m.range);
  }
  // Only cells that exist: getCell would create the others, and an empty cell still widens its row's
  // spans in the file, so a second run's output would differ from the first's in that hint.
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const cell = ws.findRow(row + 1)?.findCell(col + 1);
      if (!cell) continue;
      cell.value = null;
      cell.style = {};
    }
}

function addTable(ws: ExcelJS.Worksheet, name: string, r: CellRange, style: string, res: ApplyResult): void {
  // ExcelJS's addTable writes the header and rows itself: hand it what we already wrote, then put
  // our cell styles back.
  const header: string[] = [];
  const seen = new Set<string>();
  for (let c = r.left; c <= r.right; c++) {
    let h = textOf(cellAt(ws, r.top, c).value) || `Column${c - r.left + 1}`;
    while (seen.has(h)) h += " ";
    seen.add(h);
    header.push(h);
  }
  const rows: ExcelJS.CellValue[][] = [];
  const styles: Partial<ExcelJS.Style>[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const vs: ExcelJS.CellValue[] = [];
    const ss: Partial<ExcelJS.Style>[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const cell = cellAt(ws, row, c);
      vs.push(cell.value);
      ss.push(cell.style);
    }
    if (row > r.top) rows.push(vs);
    styles.push(ss);
  }
  try {
    ws.addTable({
      name,
      ref: toA1(r.top, r.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: header.map((h) => ({ name: h, filterButton: true })),
      rows,
    });
  } catch (err) {
    res.problems.push(`${ws.name}: table ${name} not written (${(err as Error).message})`);
  }
  styles.forEach((ss, i) => ss.forEach((s, j) => (cellAt(ws, r.top + i, r.left + j).style = s)));
}

function activate(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  const index = wb.worksheets.indexOf(ws);
  for (const other of wb.worksheets)
    if (other !== ws && other.views?.length)
      other.views = other.views.map((v) => ({ ...v, tabSelected: false }));
  const base = wb.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: "visible" as const };
  wb.views = [{ ...base, firstSheet: 0, activeTab: Math.max(0, index) }];
}

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "text" in v && typeof v.text === "string") return v.text;
  if (typeof v === "object") return "";
  return String(v);
}

export function cellStyle(f: CellFormat, fontName?: string): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (f.numberFormat) s.numFmt = f.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  // The plan's font first; else the cell's own, so that an item sheet keeps its staff's font.
  const name = f.fontName ?? fontName;
  if (name) font.name = name;
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.fontSize) font.size = f.fontSize;
  if (f.fontColor) font.color = { argb: argb(f.fontColor) };
  if (Object.keys(font).length) s.font = font;
  if (f.fill) s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  const al: Partial<ExcelJS.Alignment> = {};
  if (f.wrap !== undefined) al.wrapText = f.wrap;
  if (f.hAlign) al.horizontal = f.hAlign;
  if (f.vAlign) al.vertical = f.vAlign;
  if (Object.keys(al).length) s.alignment = al;
  if (f.border === "thin") {
    const b = { style: "thin" as const, color: { argb: "FFC8C6C4" } };
    s.border = { top: b, left: b, bottom: b, right: b };
  }
  return s;
}

/** Conditional formats take a differential style: the fill colour goes in bgColor. */
function dxfStyle(f: CellFormat): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (f.fill) s.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(f.fill) } };
  const font: Partial<ExcelJS.Font> = {};
  if (f.bold) font.bold = true;
  if (f.fontColor) font.color = { argb: argb(f.fontColor) };
  if (Object.keys(font).length) s.font = font;
  return s;
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function insideAny(ref: string, ranges: CellRange[]): boolean {
  let r: CellRange;
  try {
    // A conditional format may cover several areas ("A1:A3 C1:C3"): each must be inside.
    return ref
      .split(/\s+/)
      .filter(Boolean)
      .every((part) => {
        r = parseRangeA1(part);
        return ranges.some(
          (o) => r.top >= o.top && r.bottom <= o.bottom && r.left >= o.left && r.right <= o.right,
        );
      });
  } catch {
    return false;
  }
}
