/**
 * What to write, decided by the engine and applied as-is by the Excel and ExcelJS adapters.
 * Everything concrete (values, formulas, number formats, colours) is in the plan, so the two hosts
 * produce the same sheets.
 */
import type { CellRange } from "../grid/cell";

export type PlanValue = string | number | boolean | null;

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  border?: "thin";
}

export interface CellWrite {
  /** 0-based. */
  row: number;
  col: number;
  /** The value; with a formula, the value we computed for it (ExcelJS stores it as the cached result). */
  value: PlanValue;
  /** "=IFERROR(D14/C14,\"\")" — live where the sources are plain numbers. */
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

export interface SheetEdit {
  sheet: string;
  /**
   * "item": write into an existing item sheet, only in cells we own.
   * "owned": a sheet that is entirely ours (the summary): create it if missing, clear it first.
   */
  kind: "item" | "owned";
  /** Ranges to clear (values and formats) before writing: our own areas from an earlier run. */
  clear: CellRange[];
  writes: CellWrite[];
  merges: CellRange[];
  columnWidths: Array<{ col: number; width: number }>;
  freeze: { rows: number; cols: number } | null;
  tables: TableSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  hyperlinks: Hyperlink[];
  charts: ChartSpec[];
  /** Tab colour "#RRGGBB" for sheets we own. */
  tabColor: string | null;
  /** Put this sheet first/activate it after writing (the summary). */
  activate: boolean;
}

export interface EditPlan {
  edits: SheetEdit[];
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
  };
}
