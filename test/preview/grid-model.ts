/**
 * What the preview page shows for a cell and for a command, as pure functions (tested in node):
 * cell text, fill, the conditional format that applies, and the sync meter's figures.
 */
import type * as ExcelJS from "exceljs";
import type { SimConditionalFormat, SyncRecord } from "../sim-excel";
import { HIGHLIGHT_FORMULA } from "../../src/excel/highlight";
import { RESPONSE_BYTES_PER_ACTION } from "../sim-excel/context";

export interface CommandStats {
  syncs: number;
  /** Syncs that brought data back (loads); the others only sent changes. */
  read: number;
  write: number;
  requestBytes: number;
  responseBytes: number;
  errors: number;
}

/** What Excel shows in a cell, as plain text. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "object") return String(v);
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o) return String(o.error);
  if ("richText" in o && Array.isArray(o.richText))
    return (o.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? "")).join("");
  if ("result" in o || "formula" in o || "sharedFormula" in o)
    return o.result === undefined ? "" : cellText(o.result as ExcelJS.CellValue);
  if ("text" in o) return cellText(o.text as ExcelJS.CellValue);
  return "";
}

export function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2)}` : null;
}

/**
 * The conditional format that shows on a cell, as far as the preview can tell without a calculation
 * engine: our error highlight (its formula is always true), "contains text", and "equal to" a
 * constant. Other formulas are not evaluated (the cell shows without them).
 */
export function conditionalFormatOf(
  cfs: SimConditionalFormat[],
  row: number,
  col: number,
  value: ExcelJS.CellValue,
): SimConditionalFormat["format"] | null {
  for (const cf of cfs) {
    const r = cf.range;
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    const text = cellText(value);
    if (cf.type === "Custom" && cf.rule.formula === HIGHLIGHT_FORMULA) return cf.format;
    if (cf.type === "ContainsText" && cf.rule.text && text.includes(cf.rule.text)) return cf.format;
    if (cf.type === "CellValue" && cf.rule.operator === "EqualTo") {
      const f = (cf.rule.formula1 ?? "").replace(/^=/, "");
      const constant = /^".*"$/.test(f) ? f.slice(1, -1).replace(/""/g, '"') : f;
      if (constant !== "" && constant === text) return cf.format;
    }
  }
  return null;
}

export const HEX = /^#[0-9A-Fa-f]{6}$/;

export function statsOf(log: SyncRecord[]): CommandStats {
  let read = 0;
  let requestBytes = 0;
  let responseBytes = 0;
  let errors = 0;
  for (const r of log) {
    // A sync whose answer carries more than the fixed per-action cost loaded something.
    if (r.responseBytes > r.actions * RESPONSE_BYTES_PER_ACTION) read++;
    requestBytes += r.requestBytes;
    responseBytes += r.responseBytes;
    if (r.error) errors++;
  }
  return { syncs: log.length, read, write: log.length - read, requestBytes, responseBytes, errors };
}

export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
