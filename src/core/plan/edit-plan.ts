/**
 * What to write, decided by the engine and applied as-is by the Excel and ExcelJS adapters.
 * Everything concrete (values, formulas, number formats, colours) is in the plan, so the two hosts
 * produce the same sheets.
 */
import type { CellRange } from "../model/snapshot";

export type PlanValue = string | number | boolean | null;

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  /** The font's name ("游ゴシック"); absent: the cell's own font is kept (an item sheet's). */
  fontName?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  border?: "thin";
}

/**
 * Cells side by side on one row, from `col` rightwards: how the plan writes. An object per cell was
 * the largest part of what a run keeps alive (18,000 of them on the bench workbook, 1.8 MB); rows
 * hold the same in a third of that (0.6 MB), rows of one pattern sharing their lists.
 */
export interface RowWrite {
  /** 0-based. */
  row: number;
  /** The first cell's column; the next cell is one column right, and so on. */
  col: number;
  /** One per cell. With a formula, the value we computed for it (ExcelJS stores it as the cached result). */
  values: readonly PlanValue[];
  /** One per cell, null for none. Lists are shared between rows of one pattern: never change one. */
  formats: readonly (CellFormat | null)[];
  /**
   * One per cell, null where the cell takes its value; null for the whole row when no cell has one.
   * "=IFERROR(D14/C14,\"\")" — live where the sources are plain numbers.
   */
  formulas: readonly (string | null)[] | null;
}

/** One cell of a RowWrite, for code that goes cell by cell (tests, the Excel adapter's grouping). */
export interface CellWrite {
  row: number;
  col: number;
  value: PlanValue;
  formula?: string;
  format?: CellFormat;
}

export interface Hyperlink {
  row: number;
  col: number;
  /** Sheet and cell to jump to inside the workbook. */
  sheet: string;
  cell: string;
  text: string;
}

export interface TableSpec {
  /** Excel table name: unique in the workbook, letters/digits/underscore. */
  name: string;
  range: CellRange;
  style: string;
}

export interface ConditionalFormatSpec {
  range: CellRange;
  /** Cells whose text equals `equals` get `format`. */
  equals: string;
  format: CellFormat;
}

export interface ChartSpec {
  kind: "columnStacked" | "columnClustered";
  title: string;
  /** Data including the header row and the category column. */
  source: CellRange;
  /** Where the chart goes (top-left cell and size in cells). */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
}

/**
 * Page setup of a sheet we own (the summary, the findings sheet). Item sheets' page setup is the
 * staff's and is never in a plan.
 */
export interface PageSetupSpec {
  paperSize: "A4" | "A3";
  orientation: "portrait" | "landscape";
  /** Fit to this many pages wide (1), and as many pages high as needed. */
  fitToWidth: number;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  printTitleRows: { first: number; last: number } | null;
  printArea: CellRange | null;
  /** Excel header/footer codes: "&P / &N", "&D". */
  footer: { left?: string; center?: string; right?: string } | null;
  /** Page margins in inches (Excel's unit in the file; the add-in converts to points). Absent: the host's. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre the printed area between the left and right margins. */
  centerHorizontally?: boolean;
}

/**
 * A list data validation: every cell of the range offers the words as a dropdown (Excel's
 * "List" validation, Office.js DataValidation.rule.list; ExcelJS cell.dataValidation type "list").
 */
export interface ListValidationSpec {
  range: CellRange;
  list: string[];
}

export interface SheetEdit {
  sheet: string;
  /**
   * "item": write into an existing item sheet, only in cells we own.
   * "owned": a sheet that is entirely ours (the summary): create it if missing, clear it first.
   */
  kind: "item" | "owned";
  /** Ranges to clear (values and formats) before writing: our own areas from an earlier run. */
  clear: CellRange[];
  writes: RowWrite[];
  merges: CellRange[];
  columnWidths: Array<{ col: number; width: number }>;
  /** Columns set back to the sheet's standard width (undo: they had no width of their own). Absent: none. */
  standardWidths?: number[];
  /**
   * Row heights in points, for sheets we own: the rows of wrapped text, sized by the plan (neither
   * LibreOffice nor a file reader fits a row to its wrapped text on opening). Absent: none set.
   */
  rowHeights?: Array<{ row: number; height: number }>;
  freeze: { rows: number; cols: number } | null;
  tables: TableSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  hyperlinks: Hyperlink[];
  charts: ChartSpec[];
  /** Tab colour "#RRGGBB" for sheets we own. */
  tabColor: string | null;
  /** Put this sheet first/activate it after writing (the summary). */
  activate: boolean;
  /** For sheets we own only; null: leave the page setup as it is. */
  pageSetup: PageSetupSpec | null;
  /** Dropdowns (sheets we own only; absent: none). */
  validations?: ListValidationSpec[];
  /** 0-based columns to hide (sheets we own only; absent: none). */
  hiddenColumns?: number[];
  /** For sheets we own only: very hidden (Excel's UI cannot unhide it), as our record sheets are. Absent: visible. */
  hidden?: boolean;
}

/** A workbook-scoped defined name to create or replace. */
export interface NameWrite {
  name: string;
  /** Without "=": a reference with its sheet quoted ("'H27-28'!$J$10:$T$13") or a constant ("0.8"). */
  refersTo: string;
  /** Shown in Excel's Name Manager: why the name is there. */
  comment: string;
}

export interface EditPlan {
  edits: SheetEdit[];
  /** Defined names to create or replace (ownership records, settings the formulas read). */
  names: NameWrite[];
  /** Defined names (workbook scope) to delete. */
  removeNames: string[];
  /**
   * Custom XML parts to remove, by their root element's namespace (undo: our saved settings,
   * core/config/settings-xml.ts). Absent: none.
   */
  removeCustomXml?: string[];
  /** Sheets we own to delete entirely (undo); never a staff sheet. */
  removeSheets: string[];
}

export function emptyPlan(): EditPlan {
  return { edits: [], names: [], removeNames: [], removeSheets: [] };
}

export function emptySheetEdit(sheet: string, kind: SheetEdit["kind"]): SheetEdit {
  return {
    sheet,
    kind,
    clear: [],
    writes: [],
    merges: [],
    columnWidths: [],
    freeze: null,
    tables: [],
    conditionalFormats: [],
    hyperlinks: [],
    charts: [],
    tabColor: null,
    activate: false,
    pageSetup: null,
  };
}

/** Every cell of the rows, in order (a later write to the same cell wins), without building objects. */
export function forEachCellWrite(
  writes: readonly RowWrite[],
  visit: (
    row: number,
    col: number,
    value: PlanValue,
    formula: string | null,
    format: CellFormat | null,
  ) => void,
): void {
  for (const w of writes) {
    const { values, formats, formulas } = w;
    for (let i = 0; i < values.length; i++)
      visit(w.row, w.col + i, values[i], formulas ? formulas[i] : null, formats[i]);
  }
}

/** How many cells the rows write. */
export function cellCount(writes: readonly RowWrite[]): number {
  let n = 0;
  for (const w of writes) n += w.values.length;
  return n;
}

/** The rows' cells as objects, in order. */
export function cellWrites(writes: readonly RowWrite[]): CellWrite[] {
  const out: CellWrite[] = [];
  forEachCellWrite(writes, (row, col, value, formula, format) => {
    const w: CellWrite = { row, col, value };
    if (formula !== null) w.formula = formula;
    if (format !== null) w.format = format;
    out.push(w);
  });
  return out;
}

/**
 * Builds a sheet's rows cell by cell: put() adds the next cell to the right, start() says where the
 * next cell goes, skip() leaves cells out (the row is cut there and goes on further right).
 *
 * Rows of a table mostly repeat the formats of the row before: while they do, no list of formats is
 * built, and the row shares the earlier row's list.
 */
export class RowWriter {
  private row = 0;
  private col = 0;
  /** Cells put in the current row; the working lists below are reused row after row. */
  private n = 0;
  private readonly values: PlanValue[] = [];
  private readonly formats: (CellFormat | null)[] = [];
  private readonly formulas: (string | null)[] = [];
  private hasFormula = false;
  /** Whether the row's formats so far are those of `pattern`, cell for cell. */
  private followsPattern = true;
  private pattern: readonly (CellFormat | null)[] = NO_FORMATS;

  constructor(private out: RowWrite[]) {}

  /** From here on, rows go to `out` (another sheet's list); formats may still be shared with earlier rows. */
  writeTo(out: RowWrite[]): this {
    this.end();
    this.out = out;
    return this;
  }

  /** The next cell goes at (row, col): the row goes on when that is the cell right of the last one. */
  start(row: number, col: number): this {
    if (row === this.row && col === this.col + this.n) return this;
    this.end();
    this.row = row;
    this.col = col;
    return this;
  }

  put(value: PlanValue, format: CellFormat | null, formula: string | null = null): this {
    const i = this.n++;
    this.values[i] = value;
    this.formats[i] = format;
    this.formulas[i] = formula;
    if (formula !== null) this.hasFormula = true;
    if (this.followsPattern && (i >= this.pattern.length || this.pattern[i] !== format))
      this.followsPattern = false;
    return this;
  }

  /** Leaves `n` cells out: they are not written at all. */
  skip(n = 1): this {
    return this.start(this.row, this.col + this.n + n);
  }

  /** Hands the row over (if it has cells): call once the sheet's last row is put. */
  end(): void {
    const n = this.n;
    if (n === 0) return;
    // Lists of the row's exact size: lists grown cell by cell keep spare room.
    let formats: readonly (CellFormat | null)[];
    if (this.followsPattern) formats = n === this.pattern.length ? this.pattern : this.pattern.slice(0, n);
    else formats = this.pattern = this.formats.slice(0, n);
    this.out.push({
      row: this.row,
      col: this.col,
      values: this.values.slice(0, n),
      formats,
      formulas: this.hasFormula ? this.formulas.slice(0, n) : null,
    });
    this.col += n;
    this.n = 0;
    this.hasFormula = false;
    this.followsPattern = true;
  }
}

const NO_FORMATS: readonly (CellFormat | null)[] = [];
