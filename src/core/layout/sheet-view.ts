/**
 * A sheet as the reader sees it: the grid, with the areas we own (computed fields from an earlier
 * run) masked out, and every label cell classified once.
 */
import { rangeAt, type CellRange, type CellValue } from "../grid/cell";
import { Grid } from "../grid/grid";
import { a1Of } from "../grid/address";
import type { SourceCell } from "../model/item";
import { cellParserFor, type CellParser, type Parsed } from "../values/parse";
import { isBlankText } from "../values/normalize";
import { cellText } from "../values/parse";
import type { ShinchokuConfig } from "../config/config";
import type { LabelField, LabelMatch } from "./labels";
import type { TextClassifier } from "./text-class";
import { ownedAreaAt } from "./owned-areas";

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
/** Shared by every empty row; never written to. */
const EMPTY_ROW: number[] = [];

export class SheetView {
  readonly grid: Grid;
  readonly name: string;
  /** In reading order (row, then column). */
  readonly labels: LabelCell[] = [];
  /** Where each row's labels start in `labels` (the next row's start is where they end): label() looks at one row's few. */
  private readonly labelRowStart: Int32Array;
  /** Non-blank columns of each row, in order: sections ask for them again and again. */
  private readonly filled: number[][];
  /** Areas we wrote on an earlier run (computed fields): masked, so our numbers are never read as staff's. */
  readonly ownedAreas: CellRange[] = [];
  private readonly parser: CellParser;

  constructor(grid: Grid, classifier: TextClassifier, config: ShinchokuConfig) {
    this.grid = grid;
    this.name = grid.name;
    this.parser = cellParserFor(config.estimateMarkers);
    // Straight over the snapshot's rows: this loop sees every cell of every sheet.
    const snap = grid.snapshot;
    // One scratch row, copied out at its exact size (an array grown by push keeps spare room), reused
    // by count rather than emptied and pushed again: the scan allocates each row's list once.
    const scratch: number[] = [];
    let n = 0;
    this.filled = new Array<number[]>(grid.rowCount);
    for (let r = 0; r < grid.rowCount; r++) {
      n = 0;
      const line = snap.values[r - snap.originRow] ?? NONE;
      for (let i = 0; i < line.length; i++) {
        const v = line[i];
        if (v === null || v === undefined || (typeof v === "string" && isBlankText(v))) continue;
        const c = i + snap.originCol;
        const kind =
          typeof v === "string" && v.length <= classifier.maxLength ? classifier.classify(v) : null;
        // An owned area's title is its top-left cell: every cell of the area comes after it in this
        // scan, so the area is masked from here on.
        if (kind?.ownedTitle) this.ownedAreas.push(ownedAreaAt(grid, r, c, config));
        if (this.ownedAreas.length && this.masked(r, c)) continue;
        scratch[n++] = c;
        const m = kind?.label;
        if (!m) continue;
        const cell: LabelCell = {
          row: r,
          col: c,
          right: grid.rightEdge(r, c),
          field: m.field,
          match: m,
          text: kind.text,
        };
        this.labels.push(cell);
      }
      this.filled[r] = n ? scratch.slice(0, n) : EMPTY_ROW;
    }
    this.labelRowStart = new Int32Array(grid.rowCount + 1);
    let i = 0;
    for (let r = 0; r <= grid.rowCount; r++) {
      while (i < this.labels.length && this.labels[i].row < r) i++;
      this.labelRowStart[r] = i;
    }
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return this.grid.colCount;
  }

  private masked(row: number, col: number): boolean {
    return rangeAt(this.ownedAreas, row, col) !== undefined;
  }

  value(row: number, col: number): CellValue {
    if (this.ownedAreas.length && this.masked(row, col)) return null;
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
    if (row < 0 || row >= this.rowCount) return undefined;
    const end = this.labelRowStart[row + 1];
    for (let i = this.labelRowStart[row]; i < end; i++) {
      const l = this.labels[i];
      if (l.col >= col) return l.col === col ? l : undefined;
    }
    return undefined;
  }

  rightEdge(row: number, col: number): number {
    return this.grid.rightEdge(row, col);
  }

  /**
   * Non-blank cells of a row from `fromCol` to `toCol`, in column order. The whole row comes back
   * as it is kept (no copy); a part of it is one exact slice.
   */
  cellsInRow(row: number, fromCol = 0, toCol = this.colCount - 1): readonly number[] {
    const filled = this.filled[row];
    if (!filled || filled.length === 0) return NONE;
    let i = 0;
    while (i < filled.length && filled[i] < fromCol) i++;
    let j = filled.length;
    while (j > i && filled[j - 1] > toCol) j--;
    if (i === 0 && j === filled.length) return filled;
    return i === j ? NONE : filled.slice(i, j);
  }

  /** The first non-blank column of a row at or right of `fromCol`, or -1: without building a list. */
  firstFilledFrom(row: number, fromCol: number): number {
    const filled = this.filled[row];
    if (filled) for (const c of filled) if (c >= fromCol) return c;
    return -1;
  }

  rowIsBlank(row: number): boolean {
    return !this.filled[row]?.length;
  }

  /** What the cell means (number, text, n/a …), without building a SourceCell. */
  parsed(row: number, col: number): Parsed {
    return this.parser.parse(this.value(row, col), this.grid.numberFormat(row, col));
  }

  source(row: number, col: number): SourceCell {
    return this.sourceWith(row, col, this.value(row, col));
  }

  /** The cell as a SourceCell, or null when it is blank. */
  sourceOrNull(row: number, col: number): SourceCell | null {
    const raw = this.value(row, col);
    if (raw === null || (typeof raw === "string" && isBlankText(raw))) return null;
    return this.sourceWith(row, col, raw);
  }

  /** The value looked up once (masking and error literals included), for both of the above. */
  private sourceWith(row: number, col: number, raw: CellValue): SourceCell {
    return {
      sheet: this.name,
      cell: a1Of(row, col),
      raw,
      parsed: this.parser.parse(raw, this.grid.numberFormat(row, col)),
      formula: this.grid.formula(row, col),
      row,
      col,
    };
  }
}
