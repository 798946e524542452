/**
 * A sheet as the reader sees it: the grid, with the areas we own (computed fields from an earlier
 * run) masked out, and every label cell classified once.
 */
import type { CellRange, CellValue } from "../grid/cell";
import { Grid } from "../grid/grid";
import { a1Of } from "../grid/address";
import type { SourceCell } from "../model/item";
import { parseCell } from "../values/parse";
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

export class SheetView {
  readonly grid: Grid;
  readonly name: string;
  readonly labels: LabelCell[] = [];
  private readonly labelAt = new Map<number, LabelCell>();
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
    for (let r = 0; r < grid.rowCount; r++) {
      const filled: number[] = [];
      this.filled.push(filled);
      const line = snap.values[r - snap.originRow];
      if (!line) continue;
      for (let i = 0; i < line.length; i++) {
        const v = line[i];
        if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
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
        this.labelAt.set(r * 16384 + c, cell);
      }
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
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  private readonly texts = new Map<number, string>();

  /** The cell's text, NFKC-normalised; memoised because sections look at the same cells again. */
  text(row: number, col: number): string {
    const k = row * 16384 + col;
    let t = this.texts.get(k);
    if (t === undefined) {
      t = cellText(this.value(row, col));
      this.texts.set(k, t);
    }
    return t;
  }

  label(row: number, col: number): LabelCell | undefined {
    return this.labelAt.get(row * 16384 + col);
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
