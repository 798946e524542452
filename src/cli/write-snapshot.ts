/**
 * SheetSnapshot[] → an ExcelJS workbook, for samples, tests and the benchmark: values, formulas,
 * number formats and merges, with a readable layout (column widths, wrapped text at the top).
 */
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs-workbook";
import { cellAt } from "./apply-plan";
import type { CellValue, SheetSnapshot } from "../core";

export interface LayoutOptions {
  /** Column widths in characters, by 0-based column; others get `defaultWidth`. */
  widths?: number[];
  defaultWidth?: number;
  /** Labels in column A bold on a light fill, with thin borders, as forms look. */
  labelColumn?: boolean;
}

export function workbookFromSnapshots(sheets: SheetSnapshot[], layout: LayoutOptions = {}): ExcelJS.Workbook {
  const wb = new Workbook();
  // Fixed document dates: regenerated samples differ only where their content does.
  wb.created = wb.modified = new Date(Date.UTC(2019, 5, 30));
  for (const s of sheets) addSheet(wb, s, layout);
  return wb;
}

export function addSheet(
  wb: ExcelJS.Workbook,
  s: SheetSnapshot,
  layout: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name);
  const cols = Math.max(0, ...s.values.map((r) => r.length)) + s.originCol;
  for (let c = 0; c < cols; c++) ws.getColumn(c + 1).width = layout.widths?.[c] ?? layout.defaultWidth ?? 14;
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = s.formulas?.[i]?.[j] ?? null;
      if (v === null && !f) return;
      const cell = cellAt(ws, s.originRow + i, s.originCol + j);
      cell.value = f
        ? { formula: f.replace(/^=/, ""), result: toExcel(v) as ExcelJS.CellFormulaValue["result"] }
        : toExcel(v);
      const fmt = s.numberFormats?.[i]?.[j];
      if (fmt) cell.numFmt = fmt;
      if (typeof v === "string") cell.alignment = { wrapText: true, vertical: "top" };
      if (layout.labelColumn && s.originCol + j === 0 && typeof v === "string") {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
      }
    }),
  );
  for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}

function toExcel(v: CellValue): ExcelJS.CellValue {
  if (v !== null && typeof v === "object") return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}
