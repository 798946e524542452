import { asExcelErrorLiteral, isCellError, rangeAt } from "./cell";
import type { CellRange, CellValue, SheetSnapshot } from "../model/snapshot";
import { isBlankText } from "../values/normalize";

/**
 * Read access to one sheet in absolute sheet coordinates (0-based), whatever the used range's
 * origin. Merged areas are resolved to their top-left cell, which is where the value lives.
 */
export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly snap: SheetSnapshot;
  /** Merges in reading order (top, then left), for a binary search from a top-left cell. */
  private readonly merges: readonly CellRange[];
  // A formula counts by its value; its text only tells that the cell is not empty (isEmpty).
  private readonly originRow: number;
  private readonly originCol: number;
  private readonly values: CellValue[][];
  private readonly formats: (string | null)[][] | null;
  private readonly formulas: (string | null)[][] | null;

  constructor(snap: SheetSnapshot) {
    this.snap = snap;
    this.name = snap.name;
    this.originRow = snap.originRow;
    this.originCol = snap.originCol;
    this.values = snap.values;
    this.formats = snap.numberFormats ?? null;
    this.formulas = snap.formulas ?? null;
    let width = 0;
    for (let i = 0; i < snap.values.length; i++)
      if (snap.values[i].length > width) width = snap.values[i].length;
    this.rowCount = snap.originRow + snap.values.length;
    this.colCount = snap.originCol + width;
    this.merges = sortedMerges(snap.merges ?? []);
  }

  /** The file the sheet came from (SheetSnapshot.file), when several files are read together. */
  get file(): string | undefined {
    return this.snap.file;
  }

  /** The merge whose top-left cell is (row, col), if any. */
  private mergeFrom(row: number, col: number): CellRange | undefined {
    const merges = this.merges;
    let lo = 0;
    let hi = merges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = merges[mid];
      const d = m.top - row || m.left - col;
      if (d === 0) return m;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The raw value at (row, col); error strings from Office.js come back as CellError. */
  value(row: number, col: number): CellValue {
    const r = row - this.originRow;
    const c = col - this.originCol;
    if (r < 0 || c < 0) return null;
    const line = this.values[r];
    if (!line || c >= line.length) return null;
    const v = line[c];
    if (v === undefined || v === null || v === "") return v === "" ? "" : null;
    if (typeof v === "string") {
      const err = v.startsWith("#") ? asExcelErrorLiteral(v) : null;
      return err ? { error: err } : v;
    }
    if (isCellError(v)) return v;
    return v;
  }

  /**
   * Nothing at all in the cell: not even a space, nor a formula. A cell staff typed a space into is not
   * ours to overwrite, and neither is a formula that shows nothing (=IF(A1="","",A1)).
   */
  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return (v === null || v === "") && !this.hasFormula(row, col);
  }

  hasFormula(row: number, col: number): boolean {
    if (!this.formulas) return false;
    const f = this.formulas[row - this.originRow]?.[col - this.originCol];
    return typeof f === "string" && f !== "";
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && isBlankText(v));
  }

  numberFormat(row: number, col: number): string | null {
    if (!this.formats) return null;
    return this.formats[row - this.originRow]?.[col - this.originCol] ?? null;
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRange | null {
    return rangeAt(this.merges, row, col) ?? null;
  }

  /** The merged areas that reach into `range`, in the order of their top-left cells. */
  mergesIn(range: CellRange): CellRange[] {
    return this.merges.filter(
      (m) => m.top <= range.bottom && m.bottom >= range.top && m.left <= range.right && m.right >= range.left,
    );
  }

  /** The last column a value at (row, col) covers: the right edge of its merge, or col itself. */
  rightEdge(row: number, col: number): number {
    const m = this.mergeFrom(row, col);
    return m ? m.right : col;
  }

  get snapshot(): SheetSnapshot {
    return this.snap;
  }
}

/**
 * Merges by top, then left. Readers hand them over in the sheet's order, often sorted already, and
 * the sheets of one form often share one list (merges are never changed): each list sorted once.
 */
const sorted = new WeakMap<readonly CellRange[], readonly CellRange[]>();
function sortedMerges(merges: readonly CellRange[]): readonly CellRange[] {
  let out = sorted.get(merges);
  if (out === undefined) {
    out = isSorted(merges) ? merges : merges.slice().sort(byTopLeft);
    sorted.set(merges, out);
  }
  return out;
}

function byTopLeft(a: CellRange, b: CellRange): number {
  return a.top - b.top || a.left - b.left;
}

function isSorted(merges: readonly CellRange[]): boolean {
  for (let i = 1; i < merges.length; i++) if (byTopLeft(merges[i - 1], merges[i]) > 0) return false;
  return true;
}
