/**
 * A sheet as the reader sees it: the grid, with the areas we own (computed fields from an earlier
 * run) masked out, and every label cell classified once.
 */
import type { CellRange, CellValue } from "../grid/cell";
import { Grid } from "../grid/grid";
import { a1Of } from "../grid/address";
import type { SourceCell } from "../model/item";
import { parseCell } from "../values/parse";
import { isBlankText } from "../values/normalize";
import { findAtCell } from "../values/order";
import { cellText } from "../values/parse";
import type { ShinchokuConfig } from "../config/config";
import { LabelMatcher, type LabelField, type LabelMatch } from "./labels";

export interface LabelCell {
  row: number;
  col: number;
  /** Right edge of the label's merged area. */
  right: number;
  field: LabelField;
  match: LabelMatch;
  text: string;
}

const NONE: readonly number[] = [];
const rowOf = (l: LabelCell) => l.row;
const colOf = (l: LabelCell) => l.col;
/** Shared by every empty row; never written to. */
const EMPTY_ROW: number[] = [];

export class SheetView {
  readonly grid: Grid;
  readonly name: string;
  /** In reading order (row, then column): label() finds one by binary search, no index to build. */
  readonly labels: LabelCell[] = [];
  private readonly masks: CellRange[];
  /** Non-blank columns of each row, in order: sections ask for them again and again. */
  private readonly filled: number[][] = [];

  constructor(
    grid: Grid,
    matcher: LabelMatcher,
    private readonly config: ShinchokuConfig,
    masks: CellRange[] = [],
  ) {
    this.grid = grid;
    this.name = grid.name;
    this.masks = masks;
    // Straight over the snapshot's rows: this loop sees every cell of every sheet.
    const snap = grid.snapshot;
    // One scratch row, copied out at its exact size: an array grown by push keeps spare room.
    const filled: number[] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      filled.length = 0;
      const line = snap.values[r - snap.originRow] ?? NONE;
      for (let i = 0; i < line.length; i++) {
        const v = line[i];
        if (v === null || v === undefined || (typeof v === "string" && isBlankText(v))) continue;
        const c = i + snap.originCol;
        if (masks.length && this.masked(r, c)) continue;
        filled.push(c);
        // Labels are short; the pillar line is the longest (about 30 characters).
        if (typeof v !== "string" || v.length > 80) continue;
        const m = matcher.match(v);
        if (!m) continue;
        const cell: LabelCell = {
          row: r,
          col: c,
          right: grid.rightEdge(r, c),
          field: m.field,
          match: m,
          text: cellText(v),
        };
        this.labels.push(cell);
      }
      this.filled.push(filled.length ? filled.slice() : EMPTY_ROW);
    }
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return this.grid.colCount;
  }

  private masked(row: number, col: number): boolean {
    for (const m of this.masks)
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return true;
    return false;
  }

  value(row: number, col: number): CellValue {
    if (this.masks.length && this.masked(row, col)) return null;
    return this.grid.value(row, col);
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && isBlankText(v));
  }

  /** The cell's text, NFKC-normalised (normalisation is memoised by text, so asking again is cheap). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  label(row: number, col: number): LabelCell | undefined {
    return findAtCell(this.labels, row, col, rowOf, colOf);
  }

  rightEdge(row: number, col: number): number {
    return this.grid.rightEdge(row, col);
  }

  /** Non-blank cells of a row from `fromCol` on, in column order. */
  cellsInRow(row: number, fromCol = 0, toCol = this.colCount - 1): readonly number[] {
    const filled = this.filled[row];
    if (!filled) return NONE;
    if (fromCol <= (filled[0] ?? 0) && toCol >= (filled[filled.length - 1] ?? 0)) return filled;
    return filled.filter((c) => c >= fromCol && c <= toCol);
  }

  rowIsBlank(row: number): boolean {
    return !this.filled[row]?.length;
  }

  source(row: number, col: number): SourceCell {
    const raw = this.value(row, col);
    return {
      ref: { sheet: this.name, cell: a1Of(row, col) },
      raw,
      parsed: parseCell(raw, {
        estimateMarkers: this.config.estimateMarkers,
        numberFormat: this.grid.numberFormat(row, col),
      }),
      formula: this.grid.formula(row, col),
      row,
      col,
    };
  }

  /** The cell as a SourceCell, or null when it is blank. */
  sourceOrNull(row: number, col: number): SourceCell | null {
    return this.isBlank(row, col) ? null : this.source(row, col);
  }
}
