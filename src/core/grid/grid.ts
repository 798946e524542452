import { CellRange, CellValue, SheetSnapshot, asExcelErrorLiteral, isCellError } from "./cell";
import { toA1 } from "./address";

/**
 * Read access to one sheet in absolute sheet coordinates (0-based), whatever the used range's
 * origin. Merged areas are resolved to their top-left cell, which is where the value lives.
 */
export class Grid {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly snap: SheetSnapshot;
  private readonly mergeTopLeft = new Map<number, CellRange>();
  private readonly mergeOf = new Map<number, CellRange>();

  constructor(snap: SheetSnapshot) {
    this.snap = snap;
    this.name = snap.name;
    const width = snap.values.reduce((m, r) => Math.max(m, r.length), 0);
    this.rowCount = snap.originRow + snap.values.length;
    this.colCount = snap.originCol + width;
    for (const m of snap.merges ?? []) {
      this.mergeTopLeft.set(this.key(m.top, m.left), m);
      // Index every cell of small merges; large ones (whole rows) are looked up by scan.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) <= 4096) {
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The raw value at (row, col); error strings from Office.js come back as CellError. */
  value(row: number, col: number): CellValue {
    const r = row - this.snap.originRow;
    const c = col - this.snap.originCol;
    if (r < 0 || c < 0) return null;
    const line = this.snap.values[r];
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

  /** Nothing at all in the cell: not even a space. A cell staff typed a space into is not ours to overwrite. */
  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || v === "";
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  formula(row: number, col: number): string | null {
    const f = this.snap.formulas?.[row - this.snap.originRow]?.[col - this.snap.originCol];
    return typeof f === "string" && f.startsWith("=") ? f : null;
  }

  numberFormat(row: number, col: number): string | null {
    return this.snap.numberFormats?.[row - this.snap.originRow]?.[col - this.snap.originCol] ?? null;
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, col: number): CellRange | null {
    const hit = this.mergeOf.get(this.key(row, col));
    if (hit) return hit;
    for (const m of this.snap.merges ?? []) {
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return null;
  }

  /** The last column a value at (row, col) covers: the right edge of its merge, or col itself. */
  rightEdge(row: number, col: number): number {
    const m = this.mergeTopLeft.get(this.key(row, col));
    return m ? m.right : col;
  }

  bottomEdge(row: number, col: number): number {
    const m = this.mergeTopLeft.get(this.key(row, col));
    return m ? m.bottom : row;
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  get snapshot(): SheetSnapshot {
    return this.snap;
  }
}
