/**
 * Cells as Office.js sees them, over ExcelJS cells: `values` (formulas give their cached result,
 * errors their literal, blanks ""), `formulas` ("=…" or the constant), `numberFormat`; and what
 * Excel does with input: "=…" is a formula, "'…" is text, number-like text becomes a number.
 * The sim does not calculate: a formula written through the API has no result until a file
 * computed by Excel is loaded (its value reads as "").
 */
import type * as ExcelJS from "exceljs";
import { simError } from "./errors";
import { misreadSheetReference } from "./geometry";

type Scalar = string | number | boolean;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ExcelJS answers a merged area's other cells with the master's value; Excel gives them "". */
export function isHiddenByMerge(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master !== cell && cell.master.address !== cell.address;
}

export function officeValue(cell: ExcelJS.Cell | undefined): Scalar {
  return cell && !isHiddenByMerge(cell) ? scalarOf(cell.value) : "";
}

function scalarOf(v: ExcelJS.CellValue): Scalar {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return "";
      return typeof r === "object" && !(r instanceof Date)
        ? String((r as ExcelJS.CellErrorValue).error)
        : scalarOf(r);
    }
    if ("hyperlink" in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? "");
  }
  return "";
}

export function officeFormula(cell: ExcelJS.Cell | undefined): Scalar {
  if (!cell || isHiddenByMerge(cell)) return "";
  const v = cell.value;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const f = cell.formula;
    if (f) return `=${f}`;
  }
  return officeValue(cell);
}

export function officeNumberFormat(cell: ExcelJS.Cell | undefined): string {
  return cell?.numFmt || "General";
}

/** What typing `input` into a cell does, as Range.values / Range.formulas setters do. */
export function writeInput(cell: ExcelJS.Cell, input: unknown): void {
  // null in a values/formulas array leaves that cell as it is.
  if (input === null || input === undefined) return;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const s = String(input);
  if (s === "") {
    cell.value = null;
    return;
  }
  if (s.startsWith("=") && s.length > 1) {
    // =SUM(H27!F15) for a sheet named H27 is no formula Excel reads (geometry.misreadBare).
    const bare = misreadSheetReference(s);
    if (bare) throw simError.invalidArgument(`formula ${s}: sheet ${bare} must be quoted`);
    // "Text values in formulas are limited to 255 characters" (Excel specifications and limits,
    // support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
    const literal = /"((?:[^"]|"")*)"/g;
    for (let m = literal.exec(s); m; m = literal.exec(s))
      if (m[1].replace(/""/g, '"').length > 255)
        throw simError.invalidArgument(`formula ${s.slice(0, 40)}…: a text of more than 255 characters`);
    cell.value = { formula: s.slice(1) } as ExcelJS.CellFormulaValue;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  if (cell.numFmt !== "@") {
    const n = parseNumberLike(s);
    if (n !== null) {
      cell.value = n;
      return;
    }
    const up = s.toUpperCase();
    if (up === "TRUE" || up === "FALSE") {
      cell.value = up === "TRUE";
      return;
    }
  }
  cell.value = s;
}

/** Excel's parse of typed text as a number: "1,090", "72.5%", "-3", "1e3". */
function parseNumberLike(s: string): number | null {
  const t = s.trim();
  const m = /^([+-]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?(%)?$/.exec(t);
  if (!m || (!m[2] && !m[4])) return null;
  const n = Number(`${m[1]}${(m[2] ?? "0").replace(/,/g, "")}${m[4] ?? ""}${m[5] ?? ""}`);
  if (!Number.isFinite(n)) return null;
  return m[6] ? n / 100 : n;
}

/** ExcelJS shares style objects between cells; always give a cell its own copy before changing it. */
export function restyle(cell: ExcelJS.Cell, change: (s: Partial<ExcelJS.Style>) => void): void {
  const s = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
  change(s);
  cell.style = s as ExcelJS.Style;
}

export function argbOf(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

export function hexOf(argb: string | undefined, fallback: string): string {
  if (!argb) return fallback;
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** Excel's column width in points from ExcelJS's width in characters (and back): 7 px a character + 5 px padding. */
export function pointsFromChars(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function charsFromPoints(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
