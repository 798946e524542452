/**
 * Globals `Excel` and `Office` over a SimBook, so the real adapter (src/excel) runs unchanged in jest
 * and in the browser preview. `installSimulatedOffice` returns a handle for tests: the sync log,
 * selection, charts/tables/conditional formats as recorded, exportXlsx().
 */
import type * as ExcelJS from "exceljs";
import { parseRangeA1, rangeToA1 } from "../../src/core/grid/address";
import { SimRequirements } from "./requirements";
import { SimSettings, readStore, writeStore } from "./settings";
import {
  SimBook,
  type SimChart,
  type SimConditionalFormat,
  type SimLimits,
  type SimTable,
  type SyncRecord,
} from "./state";
import { SimRequestContext } from "./workbook";
import { argbOf, hexOf } from "./cells";
import { SpecialCellType, SpecialCellValueType } from "./special-cells";
import { DialogEventType, SimDialogHost } from "./dialog";
import { exportNames, insertColumnInNames } from "./names";
import { removeSheet } from "./worksheet";

export interface SimOfficeOptions {
  /** Highest ExcelApi version the host claims (default 1.17). */
  excelApi?: string;
  displayLanguage?: string;
  readOnly?: boolean;
  /** With readOnly: the host lets staff edit it anyway (desktop Excel); default: writes refused. */
  readOnlyEditable?: boolean;
  /** Workbook structure protected (sheets cannot be added, deleted, renamed, hidden). */
  workbookProtected?: boolean;
  limits?: Partial<SimLimits>;
}

export class SimExcelHost {
  readonly book: SimBook;
  readonly requirements: SimRequirements;
  readonly settings: SimSettings;
  /** Office.context.ui: the Dialog API (dialog.ts). */
  readonly dialogs = new SimDialogHost();
  displayLanguage: string;

  constructor(wb: ExcelJS.Workbook, opts: SimOfficeOptions = {}) {
    this.book = new SimBook(wb, opts.limits);
    this.book.readOnly = !!opts.readOnly;
    this.book.readOnlyEditable = !!opts.readOnlyEditable;
    this.book.structureProtected = !!opts.workbookProtected;
    this.requirements = new SimRequirements(opts.excelApi ?? "1.17");
    this.settings = new SimSettings(this.book);
    this.displayLanguage = opts.displayLanguage ?? "ja-JP";
    importExtras(this.book);
  }

  get syncLog(): SyncRecord[] {
    return this.book.syncLog;
  }
  /** Syncs since `mark` (a previous syncLog.length). */
  syncsSince(mark: number): SyncRecord[] {
    return this.book.syncLog.slice(mark);
  }
  /** The error codes of the batches Excel failed since `mark`, in order. */
  syncErrorsSince(mark: number): string[] {
    return this.syncsSince(mark).flatMap((s) => (s.error ? [s.error] : []));
  }
  get selection(): { sheet: string; address: string } | null {
    return this.book.selection;
  }
  get activeSheet(): string | null {
    return this.book.activeSheetId === null
      ? null
      : (this.book.sheetById(this.book.activeSheetId)?.name ?? null);
  }
  chartsOf(sheet: string): SimChart[] {
    const ws = this.book.sheetByName(sheet);
    return ws ? this.book.extrasOf(ws).charts : [];
  }
  tablesOf(sheet: string): SimTable[] {
    const ws = this.book.sheetByName(sheet);
    return ws ? this.book.extrasOf(ws).tables : [];
  }
  conditionalFormatsOf(sheet: string): SimConditionalFormat[] {
    const ws = this.book.sheetByName(sheet);
    return ws ? this.book.extrasOf(ws).conditionalFormats : [];
  }
  frozenOf(sheet: string): { rows: number; cols: number } | null {
    const ws = this.book.sheetByName(sheet);
    return ws ? this.book.extrasOf(ws).frozen : null;
  }

  /**
   * Staff delete a sheet in Excel's UI (between the add-in's round trips, see `book.beforeBatch`):
   * names that referred to it become #REF!, as Excel does.
   */
  staffDeletesSheet(name: string): void {
    const ws = this.book.sheetByName(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    removeSheet(this.book, ws);
  }

  /**
   * Staff insert a column at `at` (0-based) in Excel's UI: cells, column widths, conditional
   * formats and names right of it move one column right, a span it goes into grows ("Insert or
   * delete rows and columns", support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
   * The new column has the standard width. Not moved: merges and formulas' references (ExcelJS
   * keeps them where they were), so use it on sheets without merges.
   */
  staffInsertsColumn(sheet: string, at: number): void {
    const ws = this.book.sheetByName(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.spliceColumns(at + 1, 0, []);
    const move = (c: number) => (c >= at ? c + 1 : c);
    for (const cf of this.book.extrasOf(ws).conditionalFormats)
      cf.range = { ...cf.range, left: move(cf.range.left), right: move(cf.range.right) };
    insertColumnInNames(this.book, ws.name, at);
  }

  /** The user starts typing in a cell (batches fail or wait); `exitCellEdit` ends it. */
  enterCellEdit(): void {
    let exit = () => undefined as void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    this.book.cellEdit = { exited, exit };
  }
  exitCellEdit(): void {
    const edit = this.book.cellEdit;
    this.book.cellEdit = null;
    edit?.exit();
  }

  run<T>(
    batchOrOptions: ((context: Excel.RequestContext) => Promise<T>) | { delayForCellEdit?: boolean },
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof batchOrOptions === "function" ? batchOrOptions : maybeBatch;
    const options = typeof batchOrOptions === "function" ? {} : batchOrOptions;
    if (!batch) throw new TypeError("Excel.run needs a batch function");
    const context = new SimRequestContext(this.book, this.requirements, !!options.delayForCellEdit);
    return batch(context as unknown as Excel.RequestContext).then(async (result) => {
      // Excel.run sends what the batch queued but did not sync.
      if (context.pendingActions > 0) await context.sync();
      return result;
    });
  }

  /** The workbook as an .xlsx, with conditional formats, active tab and the sim's extras written in. */
  async exportXlsx(): Promise<ArrayBuffer> {
    exportExtras(this.book);
    return (await this.book.wb.xlsx.writeBuffer()) as ArrayBuffer;
  }
}

/** Sets the globals `Excel` and `Office` the adapter calls. */
export function installSimulatedOffice(wb: ExcelJS.Workbook, opts: SimOfficeOptions = {}): SimExcelHost {
  const host = new SimExcelHost(wb, opts);
  const g = globalThis as Record<string, unknown>;
  g.Excel = {
    run: <T>(
      a: ((context: Excel.RequestContext) => Promise<T>) | { delayForCellEdit?: boolean },
      b?: (context: Excel.RequestContext) => Promise<T>,
    ) => host.run(a, b),
    SpecialCellType,
    SpecialCellValueType,
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      itemNotFound: "ItemNotFound",
      propertyNotLoaded: "PropertyNotLoaded",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      apiNotFound: "ApiNotFound",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    },
  };
  g.Office = {
    context: {
      get displayLanguage() {
        return host.displayLanguage;
      },
      requirements: host.requirements,
      document: { settings: host.settings },
      ui: {
        displayDialogAsync: (...args: Parameters<SimDialogHost["displayDialogAsync"]>) =>
          host.dialogs.displayDialogAsync(...args),
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: DialogEventType,
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  return host;
}

/** Conditional formats from the file become the sim's; charts and tables from the settings store. */
function importExtras(book: SimBook): void {
  for (const ws of book.sheets()) {
    const extras = book.extrasOf(ws);
    const cfs =
      (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings ?? [];
    for (const cf of cfs) {
      for (const rule of cf.rules) {
        const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
        const fill = (style.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb;
        const format = {
          fill: fill ? hexOf(fill, "") : undefined,
          fontColor: style.font?.color?.argb ? hexOf(style.font.color.argb, "") : undefined,
          bold: style.font?.bold,
        };
        const range = parseRangeA1(cf.ref.split(" ")[0]);
        const r = rule as unknown as { type: string; operator?: string; formulae?: string[]; text?: string };
        if (r.type === "cellIs")
          extras.conditionalFormats.push({
            id: book.newCfId(),
            type: "CellValue",
            range,
            rule: {
              formula1: `=${r.formulae?.[0] ?? ""}`,
              operator: r.operator === "equal" ? "EqualTo" : String(r.operator),
            },
            format,
          });
        else if (r.type === "expression")
          extras.conditionalFormats.push({
            id: book.newCfId(),
            type: "Custom",
            range,
            rule: { formula: `=${r.formulae?.[0] ?? ""}` },
            format,
          });
        else if (r.type === "containsText")
          extras.conditionalFormats.push({
            id: book.newCfId(),
            type: "ContainsText",
            range,
            rule: { operator: "Contains", text: r.text ?? "" },
            format,
          });
      }
    }
  }
  const saved = readStore(book).extras as
    Record<string, { charts: SimChart[]; tables: SimTable[] }> | undefined;
  for (const [name, e] of Object.entries(saved ?? {})) {
    const ws = book.sheetByName(name);
    if (!ws) continue;
    book.extrasOf(ws).charts = e.charts ?? [];
    book.extrasOf(ws).tables = e.tables ?? [];
  }
}

function exportExtras(book: SimBook): void {
  const saved: Record<string, { charts: SimChart[]; tables: SimTable[] }> = {};
  for (const ws of book.sheets()) {
    const extras = book.extrasOf(ws);
    const cfs: ExcelJS.ConditionalFormattingOptions[] = extras.conditionalFormats.map((cf, i) => {
      const style: Partial<ExcelJS.Style> = {};
      if (cf.format.fill)
        style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argbOf(cf.format.fill) } };
      if (cf.format.fontColor || cf.format.bold)
        style.font = {
          color: cf.format.fontColor ? { argb: argbOf(cf.format.fontColor) } : undefined,
          bold: cf.format.bold,
        };
      const ref = rangeToA1(cf.range);
      const strip = (f: string | undefined) => (f ?? "").replace(/^=/, "");
      const rule =
        cf.type === "CellValue"
          ? {
              type: "cellIs",
              operator: cf.rule.operator === "EqualTo" ? "equal" : cf.rule.operator,
              formulae: [strip(cf.rule.formula1)],
              style,
              priority: i + 1,
            }
          : cf.type === "Custom"
            ? { type: "expression", formulae: [strip(cf.rule.formula)], style, priority: i + 1 }
            : { type: "containsText", operator: "containsText", text: cf.rule.text, style, priority: i + 1 };
      return { ref, rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] };
    });
    (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings = cfs;
    if (extras.charts.length || extras.tables.length)
      saved[ws.name] = { charts: extras.charts, tables: extras.tables };
  }
  const store = readStore(book);
  store.extras = saved;
  store.names = exportNames(book);
  writeStore(book, store);
  const active = book.activeSheetId === null ? null : book.sheetById(book.activeSheetId);
  const tab = active ? book.wb.worksheets.indexOf(active) : 0;
  book.wb.views = [
    {
      x: 0,
      y: 0,
      width: 10000,
      height: 20000,
      firstSheet: 0,
      activeTab: Math.max(0, tab),
      visibility: "visible",
    },
  ];
}
