/**
 * A sheet as the reader sees it: the grid, with the areas we own (computed fields from an earlier
 * run) masked out, and every label cell classified once.
 */
import { rangeAt } from "../grid/cell";
import type { CellRange, CellValue } from "../model/snapshot";
import { Grid } from "../grid/grid";
import { toA1 } from "../grid/address";
import type { SourceCell } from "../model/item";
import { cellParserFor, type CellParser, type Parsed } from "../values/parse";
import { isBlankText } from "../values/normalize";
import { cellText } from "../values/parse";
import type { ShinchokuConfig } from "../config/config";
import type { LabelField, LabelMatch } from "./labels";
import type { TextClass, TextClassifier } from "./text-class";
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

/**
 * One sheet at a time: `load` reads the next sheet into the same view. The reader looks at a sheet,
 * keeps what it found as SourceCells and numbers, and moves on; the view's lists and label cells are
 * refilled rather than built anew for each of a workbook's sheets. Whatever the view hands out (labels, sections anchored on them) holds until the next load.
 */
export class SheetView {
  grid!: Grid;
  name!: string;
  /** In reading order (row, then column). */
  readonly labels: LabelCell[] = [];
  /** Where each row's labels start in `labels` (the next row's start is where they end): label() looks at one row's few. */
  private readonly labelRowStart: number[] = [];
  /**
   * Non-blank columns of the whole sheet in reading order, and where each row's start (the next row's
   * start is where they end). Two flat lists per sheet rather than a list per row: the scan sees every
   * cell of every sheet. Entries past the sheet's count are an earlier sheet's, never read.
   */
  private readonly filledCols: number[] = [];
  private readonly filledRowStart: number[] = [];
  /**
   * What the scan found each filled cell's text to be (beside filledCols; null for numbers, long
   * texts and error literals): text() reads it instead of looking the text up again, as the reader
   * asks for the texts of most cells several times.
   */
  private readonly filledKinds: (TextClass | null)[] = [];
  /** Areas we wrote on an earlier run (computed fields): masked, so our numbers are never read as staff's. */
  readonly ownedAreas: CellRange[] = [];
  private readonly parser: CellParser;
  private readonly classifier: TextClassifier;
  readonly config: ShinchokuConfig;

  constructor(grid: Grid, classifier: TextClassifier, config: ShinchokuConfig) {
    this.classifier = classifier;
    this.config = config;
    this.parser = cellParserFor(config.estimateMarkers);
    this.load(grid);
  }

  /** Reads `grid` into this view, in place of the sheet before. */
  load(grid: Grid): this {
    this.grid = grid;
    this.name = grid.name;
    // Straight over the snapshot's rows: this loop sees every cell of every sheet.
    const classifier = this.classifier;
    const snap = grid.snapshot;
    const rows = grid.rowCount;
    const cols = this.filledCols;
    const kinds = this.filledKinds;
    const rowStart = this.filledRowStart;
    const labels = this.labels;
    const owned = this.ownedAreas;
    owned.length = 0;
    let n = 0;
    let nl = 0;
    for (let r = 0; r < rows; r++) {
      rowStart[r] = n;
      const line = snap.values[r - snap.originRow] ?? NONE;
      for (let i = 0; i < line.length; i++) {
        const v = line[i];
        if (v === null || v === undefined || (typeof v === "string" && isBlankText(v))) continue;
        const c = i + snap.originCol;
        const kind =
          typeof v === "string" && v.length <= classifier.maxLength ? classifier.classify(v) : null;
        // An owned area's title is its top-left cell: every cell of the area comes after it in this
        // scan, so the area is masked from here on.
        if (kind?.ownedTitle) owned.push(ownedAreaAt(grid, r, c, this.config));
        if (owned.length && this.masked(r, c)) continue;
        // Error literals ("#N/A") read as errors (Grid.value): their text is not the string's.
        kinds[n] = kind !== null && (v as string).charCodeAt(0) !== 0x23 ? kind : null;
        cols[n++] = c;
        const m = kind?.label;
        if (!m) continue;
        // The label cell of an earlier sheet at this place is refilled rather than replaced.
        const cell = labels[nl];
        if (cell === undefined)
          labels[nl] = {
            row: r,
            col: c,
            right: grid.rightEdge(r, c),
            field: m.field,
            match: m,
            text: kind.text,
          };
        else {
          cell.row = r;
          cell.col = c;
          cell.right = grid.rightEdge(r, c);
          cell.field = m.field;
          cell.match = m;
          cell.text = kind.text;
        }
        nl++;
      }
    }
    rowStart[rows] = n;
    // The labels are read as a whole list (find, for-of): it ends at this sheet's last.
    if (labels.length > nl) labels.length = nl;
    const labelRowStart = this.labelRowStart;
    let i = 0;
    for (let r = 0; r <= rows; r++) {
      while (i < nl && labels[i].row < r) i++;
      labelRowStart[r] = i;
    }
    return this;
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
    const i = this.filledIndex(row, col);
    return i >= 0 ? this.filledText(row, i) : cellText(this.value(row, col));
  }

  /** Where (row, col) is among the filled cells, or -1 when it is blank (or masked). */
  private filledIndex(row: number, col: number): number {
    for (let i = this.filledStart(row), end = this.filledEnd(row); i < end; i++)
      if (this.filledCols[i] >= col) return this.filledCols[i] === col ? i : -1;
    return -1;
  }

  label(row: number, col: number): LabelCell | undefined {
    for (let i = this.labelStart(row), end = this.labelStart(row + 1); i < end; i++) {
      const l = this.labels[i];
      if (l.col >= col) return l.col === col ? l : undefined;
    }
    return undefined;
  }

  /** The row's labels are `labels[labelStart(row)]` up to (not including) `labels[labelStart(row + 1)]`. */
  labelStart(row: number): number {
    return this.labelRowStart[row < 0 ? 0 : row > this.rowCount ? this.rowCount : row];
  }

  /**
   * The right edge of the row's rightmost label (labels are merged across columns), or -1 when it has
   * none. Notes (※…) do not count: a note typed beside the figures is not a label they sit under.
   */
  labelEdge(row: number): number {
    let edge = -1;
    for (let i = this.labelStart(row), end = this.labelStart(row + 1); i < end; i++) {
      const l = this.labels[i];
      if (l.right > edge && l.field !== "notePrefixes") edge = l.right;
    }
    return edge;
  }

  /** Whether the cell is a note (it starts with ※ or another configured note mark): never a figure. */
  isNote(row: number, col: number): boolean {
    return this.label(row, col)?.field === "notePrefixes";
  }

  /** cellsInRow without the notes: the cells that may hold the row's data. */
  dataCellsInRow(row: number, fromCol = 0, toCol = this.colCount - 1): readonly number[] {
    const cols = this.cellsInRow(row, fromCol, toCol);
    let notes = 0;
    for (const c of cols) if (this.isNote(row, c)) notes++;
    if (notes === 0) return cols;
    const out: number[] = [];
    for (const c of cols) if (!this.isNote(row, c)) out.push(c);
    return out;
  }

  /** Whether one of the row's labels is of that field. */
  hasLabel(row: number, field: LabelField): boolean {
    for (let i = this.labelStart(row), end = this.labelStart(row + 1); i < end; i++)
      if (this.labels[i].field === field) return true;
    return false;
  }

  rightEdge(row: number, col: number): number {
    return this.grid.rightEdge(row, col);
  }

  /** Non-blank cells of a row from `fromCol` to `toCol`, in column order (a list of its own). */
  cellsInRow(row: number, fromCol = 0, toCol = this.colCount - 1): readonly number[] {
    if (row < 0 || row >= this.rowCount) return NONE;
    const cols = this.filledCols;
    let i = this.filledRowStart[row];
    let j = this.filledRowStart[row + 1];
    while (i < j && cols[i] < fromCol) i++;
    while (j > i && cols[j - 1] > toCol) j--;
    if (i === j) return NONE;
    // At its exact size: a list grown by push keeps spare room.
    const out = new Array<number>(j - i);
    for (let k = i; k < j; k++) out[k - i] = cols[k];
    return out;
  }

  /**
   * Where a row's non-blank cells are in the view: cells filledStart(row) to filledEnd(row) - 1, left
   * to right, cell i at column filledCol(i) with text filledText(row, i). For loops that only look at
   * the cells: cellsInRow builds a list.
   */
  filledStart(row: number): number {
    return row < 0 || row >= this.rowCount ? 0 : this.filledRowStart[row];
  }

  filledEnd(row: number): number {
    return row < 0 || row >= this.rowCount ? 0 : this.filledRowStart[row + 1];
  }

  filledCol(i: number): number {
    return this.filledCols[i];
  }

  /** text(row, filledCol(i)), without finding the cell again. */
  filledText(row: number, i: number): string {
    const kind = this.filledKinds[i];
    return kind !== null ? kind.text : cellText(this.value(row, this.filledCols[i]));
  }

  /** The first non-blank column of a row at or right of `fromCol`, or -1: without building a list. */
  firstFilledFrom(row: number, fromCol: number): number {
    if (row < 0 || row >= this.rowCount) return -1;
    for (let i = this.filledRowStart[row], end = this.filledRowStart[row + 1]; i < end; i++)
      if (this.filledCols[i] >= fromCol) return this.filledCols[i];
    return -1;
  }

  rowIsBlank(row: number): boolean {
    if (row < 0 || row >= this.rowCount) return true;
    return this.filledRowStart[row] === this.filledRowStart[row + 1];
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
      cell: toA1(row, col),
      raw,
      parsed: this.parser.parse(raw, this.grid.numberFormat(row, col)),
      row,
      col,
    };
  }
}
