/** Rectangles and addresses shared by the sim's range objects. */
import type * as ExcelJS from "exceljs";
import { columnIndex, parseRangeA1, rangeToA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/model/snapshot";

/**
 * `Range.address` as Excel gives it: the sheet name bare when Excel reads it as a name, quoted
 * otherwise: names with spaces or punctuation, and names Excel would read as a cell (H27, No28),
 * an R1C1 reference (R1C1, RC) or a boolean.
 */
export function sheetAddress(sheetName: string, r: CellRange): string {
  return `${displaySheetName(sheetName)}!${rangeToA1(r)}`;
}

function displaySheetName(name: string): string {
  return excelReadsBare(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const XFD = columnIndex("XFD");

export function excelReadsBare(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnIndex(a1[1]) <= XFD && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return false;
  if (/^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name)) return false;
  return !/^(TRUE|FALSE)$/i.test(name);
}

/**
 * A bare sheet name Excel cannot read as one: a cell reference (H27, FY2016), an R1C1 reference
 * (R1C1, RC, C3), a boolean (TRUE) or a name starting with a digit. Excel's formula grammar (ECMA-376
 * Part 1, 18.17.2: a sheet name with characters other than letters, digits, "_" and "." or that can
 * be read as a reference must be quoted: 'H27'!F15).
 */
export function misreadBare(name: string): boolean {
  if (/^\d/.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnIndex(a1[1]) <= XFD && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return true;
  if (/^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return /^(TRUE|FALSE)$/i.test(name);
}

/**
 * The first sheet reference in a formula (or a link's "Sheet!A1") that stands bare although Excel
 * would misread it, or null. String literals and quoted names ('…'!) are skipped.
 */
export function misreadSheetReference(formula: string): string | null {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')+'!/g, "Q!");
  const re = /(^|[\s=(),:&+\-*/^<>{};])([^\s'!=(),:&+\-*/^<>"{};[\]]+)!/g;
  for (let m = re.exec(code); m; m = re.exec(code)) if (m[2] !== "Q" && misreadBare(m[2])) return m[2];
  return null;
}

export function cellsOf(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (
    ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  return Object.values(merges ?? {})
    .filter(Boolean)
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/** "A1:B2", "Sheet!A1", "C:C", "2:3" (whole rows, as Excel's getRange takes them) → rectangle. */
export function parseRangeLike(address: string): CellRange {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const r = parseRangeA1(`${cols[1]}1:${cols[2]}1`);
    return { top: 0, bottom: 1048575, left: r.left, right: r.right };
  }
  return parseRangeA1(bare);
}

/** The used range: cells with values (valuesOnly) or with values or formatting. */
export function usedRect(ws: ExcelJS.Worksheet, valuesOnly: boolean): CellRange | null {
  let r: CellRange | null = null;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const hasValue = cell.value !== null && cell.value !== undefined && cell.value !== "";
      const hasFormat =
        !valuesOnly &&
        Object.keys(cell.style ?? {}).some((k) => (cell.style as Record<string, unknown>)[k] !== undefined);
      if (!hasValue && !hasFormat) return;
      const i = rowNumber - 1;
      const j = colNumber - 1;
      r = r
        ? {
            top: Math.min(r.top, i),
            left: Math.min(r.left, j),
            bottom: Math.max(r.bottom, i),
            right: Math.max(r.right, j),
          }
        : { top: i, left: j, bottom: i, right: j };
    });
  });
  return r;
}
