/**
 * The simulated Excel: what the preview page and the bench import.
 *   const host = installSimulatedOffice(await loadSimWorkbook(buffer));  // globals Excel, Office
 *   ... run the real adapter ...
 *   host.syncLog; await host.exportXlsx();
 * Browser-safe: ExcelJS comes from the global `ExcelJS` (exceljs.min.js) when present.
 */
import type * as ExcelJS from "exceljs";
import { installSimulatedOffice, SimExcelHost, type SimOfficeOptions } from "./office";

export { installSimulatedOffice, SimExcelHost, type SimOfficeOptions };
export { SimOfficeError } from "./errors";
export { DIALOG_ERRORS, SimDialog, SimDialogHost } from "./dialog";
export {
  EXCEL_LIMITS,
  SETTINGS_SHEET,
  type SyncRecord,
  type SimLimits,
  type SimChart,
  type SimTable,
  type SimConditionalFormat,
} from "./state";

type ExcelJSLib = { Workbook: new () => ExcelJS.Workbook };

async function excelJs(): Promise<ExcelJSLib> {
  const g = (globalThis as { ExcelJS?: ExcelJSLib }).ExcelJS;
  if (g) return g;
  return (await import("exceljs")) as unknown as ExcelJSLib;
}

/** An .xlsx buffer as an ExcelJS workbook, ready for installSimulatedOffice. */
export async function loadSimWorkbook(buffer: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const lib = await excelJs();
  const wb = new lib.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

/** Total request/response bytes of a slice of the sync log. */
export function payloadOf(log: Array<{ requestBytes: number; responseBytes: number }>): {
  requestBytes: number;
  responseBytes: number;
} {
  return log.reduce(
    (a, r) => ({
      requestBytes: a.requestBytes + r.requestBytes,
      responseBytes: a.responseBytes + r.responseBytes,
    }),
    { requestBytes: 0, responseBytes: 0 },
  );
}
