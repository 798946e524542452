/** Workbooks for the adapter tests: the seed pasted at A1, and a 240-sheet plan derived from it. */
import * as ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { pasteAsExcel, seedText } from "../core/layout/pasted";
import { SETTINGS_SHEET, loadSimWorkbook } from "../sim-excel";
import { addSheet } from "../../src/cli/write-snapshot";
import { seedFormSheets, seedIndicators } from "../../scripts/fixtures/seed-form";

/** The CLI's own writer: values, formulas, number formats and merges (absolute, as snapshots hold them). */
export function writeSnapshot(wb: ExcelJS.Workbook, snap: SheetSnapshot): ExcelJS.Worksheet {
  return addSheet(wb, snap);
}

export const SEED_SHEET = "No28";

/** The seed text pasted at A1 of one sheet, as staff do. */
export function seedSnapshot(name = SEED_SHEET): SheetSnapshot {
  return pasteAsExcel(seedText(), name);
}

export function seedWorkbook(name = SEED_SHEET): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeSnapshot(wb, seedSnapshot(name));
  return wb;
}

/** The seed's two period blocks as two sheets of item `no`, with its figures scaled by `factor`. */
export function itemSheets(no: number, factor: number): SheetSnapshot[] {
  const lines = seedText().replace(/\r/g, "").split("\n");
  const second = lines.findIndex((l, i) => i > 5 && l.startsWith("重点改革項目"));
  const parts = [lines.slice(0, second), lines.slice(second)];
  return parts.map((part, k) => {
    const snap = pasteAsExcel(part.join("\n"), `No${no}-${k + 1}`);
    snap.values = snap.values.map((row, i) => {
      const out = row.map((v, j) => (j > 0 && row[j - 1] === "No." ? no : v));
      const indicatorRow = out[0] === "指標" || snap.values[i - 1]?.[0] === "指標";
      return indicatorRow ? out.map((v) => scale(v, factor)) : out;
    });
    return snap;
  });
}

function scale(v: CellValue, factor: number): CellValue {
  return typeof v === "number" ? Math.round(v * factor) : v;
}

/** The seed laid out as the original workbook (merged labels), item `no`, figures scaled. */
export function formSheets(no: number, factor = 1): SheetSnapshot[] {
  const indicators = seedIndicators().map((ind) => ({
    ...ind,
    baseline: scale(ind.baseline, factor),
    plan: ind.plan.map((v) => scale(v, factor)),
    actual: ind.actual.map((v) => scale(v, factor)),
  }));
  return seedFormSheets({ no, indicators, sheetNames: [`No${no}-1`, `No${no}-2`] });
}

export function formWorkbook(no = 28): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of formSheets(no)) writeSnapshot(wb, s);
  return wb;
}

/**
 * `items` items × 2 sheets, No. 1.., figures varied by item: odd items laid out as the original
 * form (merged cells), even items as the seed pasted at A1.
 */
export function planWorkbook(items: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (let n = 1; n <= items; n++) {
    const factor = 0.6 + (n % 9) * 0.1;
    for (const s of n % 2 ? formSheets(n, factor) : itemSheets(n, factor)) writeSnapshot(wb, s);
  }
  return wb;
}

/** An exported .xlsx read back as an ExcelJS workbook (the sim's own loader). */
export const reload: (buffer: ArrayBuffer) => Promise<ExcelJS.Workbook> = loadSimWorkbook;

/** Every non-empty cell (the sim's settings store aside) as "Sheet!A1" → value, formula, number format, fill, font, merge: for comparing workbooks. */
export function cellDump(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === SETTINGS_SHEET) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        out.set(
          `${ws.name}!${c.address}`,
          JSON.stringify([
            c.value,
            c.numFmt,
            c.fill,
            c.font,
            c.border,
            c.alignment,
            c.isMerged ? c.master.address : null,
          ]),
        );
      }),
    );
    out.set(
      `${ws.name}!#merges`,
      JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort()),
    );
    out.set(`${ws.name}!#widths`, JSON.stringify((ws.columns ?? []).map((c) => c.width ?? null)));
  }
  return out;
}

export function diffDumps(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k)} → ${b.get(k)}`);
}

/** Error thrown by `fn`, for asserting Office error codes. */
export async function codeOf(fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
