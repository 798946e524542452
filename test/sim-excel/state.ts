/**
 * What the simulated Excel holds: an ExcelJS workbook (cells, styles, merges, sheets) plus what
 * ExcelJS cannot keep (charts, tables, conditional formats as Excel objects, selection, settings).
 * Browser-safe: no Node imports; ExcelJS is handed in, never required here.
 */
import type * as ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/model/snapshot";

export interface SimChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string } | null;
}

export interface SimTable {
  name: string;
  range: CellRange;
  hasHeaders: boolean;
  style: string;
  showFilterButton: boolean;
}

export interface SimConditionalFormat {
  id: number;
  type: "CellValue" | "ContainsText" | "Custom";
  range: CellRange;
  /** CellValue: { formula1, operator }; ContainsText: { operator, text }; Custom: { formula }. */
  rule: Record<string, string>;
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface SimSheetExtras {
  charts: SimChart[];
  tables: SimTable[];
  conditionalFormats: SimConditionalFormat[];
  frozen: { rows: number; cols: number } | null;
}

export interface SyncRecord {
  /** 1-based, over the life of the workbook. */
  n: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  error: string | null;
}

export interface SimLimits {
  requestBytes: number;
  responseBytes: number;
  /** Cells of one range a get operation may read (values, formulas, number formats, text). */
  cells: number;
  /** Merged areas getMergedAreasOrNullObject returns at most (more: the batch fails). */
  mergedAreas: number;
  /**
   * What a get over the cells limit does: "error", RangeExceedsLimit; "null", the property comes
   * back as null with no error, as newer hosts do for values and text (OfficeDev/office-js#4783,
   * #6781; the note on learn.microsoft.com/office/dev/add-ins/excel/performance).
   */
  overCells: "error" | "null";
}

export const EXCEL_LIMITS: SimLimits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  cells: 5_000_000,
  mergedAreas: 512,
  overCells: "error",
};

/** Where the sim keeps Office.context.document.settings inside the backing file. */
export const SETTINGS_SHEET = "__OfficeDocumentSettings";

export class SimBook {
  readonly extras = new Map<number, SimSheetExtras>();
  readonly syncLog: SyncRecord[] = [];
  /**
   * Staff working in the workbook between the add-in's round trips: called with the sync's number
   * (1-based, as in syncLog) before that batch runs, so a test can delete a sheet or insert a column
   * after a command read and before it writes.
   */
  beforeBatch: ((n: number) => void) | null = null;
  selection: { sheet: string; address: string } | null = null;
  activeSheetId: number | null = null;
  /** Workbook.readOnly: the file is open read-only. */
  readOnly = false;
  /**
   * Desktop Excel lets staff edit a workbook opened read-only (they save a copy): the API writes
   * too. False: the host refuses every write of a read-only workbook (Excel on the web, view mode).
   */
  readOnlyEditable = false;
  /**
   * Workbook structure protected (Workbook.protection.protected, ExcelApi 1.7): sheets cannot be
   * added, deleted, renamed, moved, hidden or shown ("Protect a workbook", support.microsoft.com/
   * office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517); cells stay writable.
   */
  structureProtected = false;
  /** The user is typing in a cell: batches fail, or wait (delayForCellEdit) until `exitCellEdit`. */
  cellEdit: { exited: Promise<void>; exit: () => void } | null = null;
  /** Batches that asked for suspendApiCalculationUntilNextSync (tests assert the adapter does). */
  calculationSuspensions = 0;
  /**
   * "Suspends calculation until the next context.sync() is called. Once set, it is the developer's
   * responsibility to re-calc the workbook" (Application.suspendApiCalculationUntilNextSync,
   * learn.microsoft.com/javascript/api/excel/excel.application): true from a suspended batch until
   * Application.calculate runs in a batch that is not suspended.
   */
  recalcNeeded = false;
  /**
   * The batch being run asked for suspendApiCalculationUntilNextSync: calculation stays suspended
   * until that batch's sync is over, so a calculate() queued after it in the same batch is not
   * counted as a recalculation (the page promises suspension until the sync, nothing about
   * calculate() inside it). Cleared by SimContext.sync when the batch ends.
   */
  calculationSuspended = false;
  /** Application.calculate calls that ran with calculation not suspended, with their type. */
  recalculations: string[] = [];
  /** Application.calculate calls that ran inside a suspended batch (not counted as a recalculation). */
  calculationsWhileSuspended: string[] = [];
  limits: SimLimits;
  private nextCfId = 1;

  constructor(
    readonly wb: ExcelJS.Workbook,
    limits: Partial<SimLimits> = {},
  ) {
    this.limits = { ...EXCEL_LIMITS, ...limits };
    const active = wb.views?.[0]?.activeTab ?? 0;
    this.activeSheetId = this.sheets()[active]?.id ?? this.sheets()[0]?.id ?? null;
    for (const ws of this.sheets()) {
      const v = ws.views?.[0];
      if (v && v.state === "frozen") this.extrasOf(ws).frozen = { rows: v.ySplit ?? 0, cols: v.xSplit ?? 0 };
    }
  }

  /** The sheets Excel shows through the API, in tab order (the settings store is not one of them). */
  sheets(): ExcelJS.Worksheet[] {
    return this.wb.worksheets.filter((ws) => ws.name !== SETTINGS_SHEET);
  }

  sheetByName(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets().find((ws) => ws.name.toLowerCase() === lower);
  }

  sheetById(id: number): ExcelJS.Worksheet | undefined {
    const ws = this.wb.getWorksheet(id);
    return ws && ws.name !== SETTINGS_SHEET ? ws : undefined;
  }

  extrasOf(ws: ExcelJS.Worksheet): SimSheetExtras {
    let e = this.extras.get(ws.id);
    if (!e) {
      e = { charts: [], tables: [], conditionalFormats: [], frozen: null };
      this.extras.set(ws.id, e);
    }
    return e;
  }

  newCfId(): number {
    return this.nextCfId++;
  }

  /** Whether the host refuses writes as a read-only workbook. */
  get refusesWrites(): boolean {
    return this.readOnly && !this.readOnlyEditable;
  }

  isProtected(ws: ExcelJS.Worksheet): boolean {
    const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    return !!p?.sheet;
  }

  /** Puts a sheet at a 0-based tab position, renumbering the others. */
  moveSheet(ws: ExcelJS.Worksheet, position: number): void {
    const order = this.sheets().filter((w) => w !== ws);
    const pos = Math.max(0, Math.min(position, order.length));
    order.splice(pos, 0, ws);
    order.push(...this.wb.worksheets.filter((w) => w.name === SETTINGS_SHEET));
    order.forEach((w, i) => {
      (w as unknown as { orderNo: number }).orderNo = i + 1;
    });
  }
}
