/**
 * Working with cell values and ranges: Excel's error literals, the ranges a cell falls in, the number
 * formats a snapshot keeps. The snapshot types themselves live in model/snapshot.ts.
 */
import type { CellError, CellRange } from "../model/snapshot";

/** The first of the ranges that holds (row, col), if any. */
export function rangeAt(ranges: readonly CellRange[], row: number, col: number): CellRange | undefined {
  for (const m of ranges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
] as const;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** Excel hands error values over as plain strings in `values`; this recognises them. */
export function asExcelErrorLiteral(s: string): string | null {
  const t = s.trim().toUpperCase();
  return (EXCEL_ERRORS as readonly string[]).includes(t) ? t : null;
}

/**
 * The number format a snapshot keeps for a cell: only a number's, and none for "General". The engine
 * reads a format only to tell a %-formatted number; both adapters keep exactly this much.
 */
export function keptNumberFormat(value: unknown, format: unknown): string | null {
  return typeof value === "number" && typeof format === "string" && format !== "" && format !== "General"
    ? format
    : null;
}
