/**
 * ExcelJS workbook → the engine's WorkbookSnapshot, reduced the way Office.js hands values over:
 * formulas count by their cached result, dates become serial numbers (their format kept), rich
 * text is joined, error values become {error}. Hidden sheets are read too.
 */
import type ExcelJS from "exceljs";
import {
  keptNumberFormat,
  type CellRange,
  type CellValue,
  type DefinedNameSnapshot,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core/grid/cell";
import { parseRangeA1 } from "../core/grid/address";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system (ExcelJS reads dates as UTC). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function snapshotWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  return { sheets: wb.worksheets.map((ws) => snapshotSheet(ws, date1904)), names: definedNames(wb) };
}

/**
 * The workbook's defined names as ExcelJS holds them: those that refer to cells (ExcelJS drops
 * constants and #REF! names when it reads a file, and keeps no sheet scope).
 */
function definedNames(wb: ExcelJS.Workbook): DefinedNameSnapshot[] {
  const out: DefinedNameSnapshot[] = [];
  for (const n of wb.definedNames.model as Array<{ name: string; ranges: string[] }>)
    if (n.ranges.length) out.push({ name: n.name, refersTo: n.ranges.join(",") });
  return out;
}

export function snapshotSheet(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const cells: Array<{ r: number; c: number; v: CellValue; f: string | null; n: string | null }> = [];
  // The box's top, left and bottom (merges included); its right edge is each row's own (below).
  let top = Infinity,
    left = Infinity,
    bottom = -1;
  const extend = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
  };
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Non-master cells of a merge hold a reference to the master, not a value.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cellValue(cell.value, date1904);
      const f = formulaText(cell);
      if (v === null && f === null) return;
      const r = Number(cell.row) - 1;
      const c = Number(cell.col) - 1;
      const fmt = cell.numFmt;
      cells.push({ r, c, v, f, n: keptNumberFormat(v, fmt) });
      extend(r, c);
    });
  });
  const merges = readMerges(ws);
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.left);
  }
  if (bottom < 0)
    return { name: ws.name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges };

  const h = bottom - top + 1;
  // Each row only as long as its last cell (the snapshot allows it: a cell past a row's end is blank).
  // The form's rows are short and many are empty: half the slots of the bounding box on the bench
  // workbook (46,200 of 95,400), a third on a filled one: less memory, and less for the reader to scan.
  const rowLength = new Int32Array(h);
  for (const x of cells) rowLength[x.r - top] = Math.max(rowLength[x.r - top], x.c - left + 1);
  const grid = <T>() => Array.from({ length: h }, (_, i) => new Array<T | null>(rowLength[i]).fill(null));
  const values = grid<CellValue>();
  // Formulas and formats only where a sheet has any (most item sheets have neither): fewer arrays
  // to build, and fewer for the garbage collector to carry while the engine runs.
  const formulas = cells.some((x) => x.f !== null) ? grid<string>() : undefined;
  const numberFormats = cells.some((x) => x.n !== null) ? grid<string>() : undefined;
  for (const x of cells) {
    values[x.r - top][x.c - left] = x.v;
    if (formulas) formulas[x.r - top][x.c - left] = x.f;
    if (numberFormats) numberFormats[x.r - top][x.c - left] = x.n;
  }
  const snap: SheetSnapshot = { name: ws.name, originRow: top, originCol: left, values, merges };
  addColumnWidths(ws, snap);
  if (formulas) snap.formulas = formulas;
  if (numberFormats) snap.numberFormats = numberFormats;
  return snap;
}

/**
 * Every column's own width (ExcelJS holds the file's <col> widths): undo puts back the widths of
 * the columns our areas widen. A column ExcelJS does not list has the standard width.
 */
function addColumnWidths(ws: ExcelJS.Worksheet, snap: SheetSnapshot): void {
  const widths: Record<number, number | null> = {};
  (ws.columns ?? []).forEach((c, i) => {
    widths[i] = typeof c.width === "number" ? c.width : null;
  });
  snap.columnWidths = widths;
  snap.columnWidthsComplete = true;
}

/** One ExcelJS cell value as the engine sees it. */
export function cellValue(v: unknown, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : v;
  if (v instanceof Date) return dateSerial(v, date1904);
  if (typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) {
    const s = (o.richText as Array<{ text?: unknown }>)
      .map((t) => (typeof t.text === "string" ? t.text : ""))
      .join("");
    return s === "" ? null : s;
  }
  if ("formula" in o || "sharedFormula" in o) return cellValue(o.result, date1904);
  // A hyperlink cell: its shown text (which may itself be rich text).
  if ("hyperlink" in o) return cellValue(o.text, date1904);
  return null;
}

function dateSerial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return (t - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

/** "=..." for formula cells; ExcelJS translates shared formulas from their master cell. */
function formulaText(cell: ExcelJS.Cell): string | null {
  const v = cell.value as Record<string, unknown> | null;
  if (!v || typeof v !== "object" || !("formula" in v || "sharedFormula" in v)) return null;
  let f: string | undefined;
  try {
    f = cell.formula;
  } catch {
    f = undefined;
  }
  if (!f) return null;
  return f.startsWith("=") ? f : `=${f}`;
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  // ExcelJS keeps merges by master address as Range objects with 1-based edges (and "A1:C1").
  const internal = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  const out: CellRange[] = [];
  for (const m of Object.values(internal)) {
    if (!m) continue;
    if (isEdge(m.top) && isEdge(m.left) && isEdge(m.bottom) && isEdge(m.right)) {
      out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      continue;
    }
    if (typeof m.range !== "string") continue;
    try {
      out.push(parseRangeA1(m.range));
    } catch {
      // An unreadable merge is ignored rather than failing the whole sheet.
    }
  }
  return out; // in ExcelJS's order: Grid sorts them itself
}

interface MergeRange {
  top?: unknown;
  left?: unknown;
  bottom?: unknown;
  right?: unknown;
  range?: unknown;
}

function isEdge(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1;
}
