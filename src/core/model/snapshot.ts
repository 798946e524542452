/**
 * Cell values as the hosts hand them over: Excel (Office.js `values`) and ExcelJS both reduce to
 * numbers, strings, booleans, blanks and error values. Formulas count by their computed value;
 * the formula text travels beside it so that computed fields can reference source cells.
 */
export interface CellError {
  /** The error literal as Excel shows it: "#DIV/0!", "#REF!", "#N/A", ... */
  readonly error: string;
}

export type CellValue = string | number | boolean | CellError | null;

/** A rectangle of cells, 0-based and inclusive on every side. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as read by an adapter: its used range plus what the engine needs to see. */
export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] on the sheet (the used range need not start at A1). */
  originRow: number;
  originCol: number;
  /** By row; a row may end at its last non-blank cell (the CLI's do): a cell past its end is blank. */
  values: CellValue[][];
  /**
   * Same shape as values; the formula text ("=B3/C3") where the cell holds a formula, else null
   * (absent: none). A formula counts by its value: the engine reads only whether a cell has one (a
   * formula that shows nothing is not an empty cell); write-snapshot.ts writes the text back when it
   * builds the samples.
   */
  formulas?: (string | null)[][];
  /**
   * Same shape as values; the number format where it is not "General", else null. The engine
   * reads formats of numbers only (a % format); the add-in reads no others (null elsewhere).
   */
  numberFormats?: (string | null)[][];
  /** Merged areas; only their top-left cell holds a value. */
  merges?: readonly CellRange[];
  /**
   * The file the sheet came from, when one analysis reads several files (the CLI's summary of many
   * files): the summary names each item's file. Absent for one workbook.
   */
  file?: string;
  /**
   * Column widths as staff left them, by 0-based column: Excel's width in characters, null for the
   * sheet's standard width (no width of its own). Read only for columns a computed area widens, so
   * that undo can put them back: a column not listed is unknown, unless `columnWidthsComplete`.
   */
  columnWidths?: Record<number, number | null>;
  /** Every column with a width of its own is listed: a column not listed has the standard width. */
  columnWidthsComplete?: boolean;
}

/**
 * A defined name as the host holds it (Office.js `workbook.names` / a sheet's `names`; the file's
 * `<definedName>`). Ownership of what we wrote is recorded in names (see docs), so adapters hand
 * every name over and the engine picks its own.
 */
export interface DefinedNameSnapshot {
  name: string;
  /** The sheet a sheet-scoped name belongs to; absent for a workbook-scoped name. */
  scope?: string;
  /** What it refers to, without "=": "'H27-28'!$J$10:$T$13", "0.8", "#REF!" once its cells are gone. */
  refersTo: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Defined names; absent when the host read none. */
  names?: DefinedNameSnapshot[];
}
