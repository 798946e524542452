/**
 * ExcelJS workbook → the engine's WorkbookSnapshot. The CLI reads files with its own reader
 * (src/cli/read/); this one stays as the reference the tests compare it with, and for the
 * workbooks the tests build with ExcelJS. Values are reduced the way Office.js hands values over:
 * formulas count by their cached result, dates become serial numbers (their format kept), rich
 * text is joined, error values become {error}. Hidden sheets are read too.
 */
import type ExcelJS from "exceljs";
import {
  type CellRange,
  type CellValue,
  type DefinedNameSnapshot,
  keptNumberFormat,
  parseRangeA1,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import { sheetFromCells, type GridCell } from "./read/sheet-grid";

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
  const cells: GridCell[] = [];
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
    });
  });
  const snap = sheetFromCells(ws.name, cells, readMerges(ws));
  addColumnWidths(ws, snap);
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
