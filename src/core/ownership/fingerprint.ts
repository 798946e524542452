/**
 * A short fingerprint of what a cell holds, kept per cell of every rectangle we write (record.ts),
 * so that a later run tells a cell staff typed over from one still as we left it.
 *
 * Four hex digits a cell. A formula counts as "a formula" whatever its text: Excel rewrites the
 * references of our formulas when staff insert rows, and recalculates their values, without anyone
 * editing our cell; a value typed over our formula is what must be caught, and always is.
 */
import type { CellValue } from "../model/snapshot";
import { isCellError } from "../grid/cell";
import type { Grid } from "../grid/grid";
import type { CellRange } from "../model/snapshot";
import { forEachCellWrite, type PlanValue, type RowWrite } from "../plan/edit-plan";

export const EMPTY_PRINT = "0000";
export const FORMULA_PRINT = "ffff";
export const PRINT_LENGTH = 4;

/** The fingerprint of a value (no formula): never EMPTY_PRINT or FORMULA_PRINT. */
export function valuePrint(v: CellValue | PlanValue | undefined): string {
  if (v === null || v === undefined || v === "") return EMPTY_PRINT;
  let text: string;
  if (typeof v === "number") text = `n${Number(v.toPrecision(15))}`;
  else if (typeof v === "string") text = `s${v}`;
  else if (typeof v === "boolean") text = `b${v}`;
  else if (isCellError(v)) text = `e${v.error}`;
  else text = `?${String(v)}`;
  return folded(fnv(FNV_OFFSET, text));
}

/**
 * valuePrint(text) and valuePrint(text + "\u0000") together, from one pass over the text: the
 * second hash is the first one carried on by one unit. For long texts (a whole sheet's prints).
 */
export function textPrintPair(text: string): [string, string] {
  if (text === "") return [EMPTY_PRINT, valuePrint("\u0000")];
  const h = fnv(fnv(FNV_OFFSET, "s"), text);
  return [folded(h), folded(fnvUnit(h, 0))];
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over UTF-16 units. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = fnvUnit(h, text.charCodeAt(i));
  return h;
}

function fnvUnit(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193) >>> 0;
}

/** Folded to 16 bits, then kept off the two reserved prints. */
function folded(h: number): string {
  const x = (((h >>> 16) ^ h) & 0xffff) % 0xfffe;
  return (x + 1).toString(16).padStart(PRINT_LENGTH, "0");
}

export function cellPrint(value: CellValue | PlanValue | undefined, hasFormula: boolean): string {
  return hasFormula ? FORMULA_PRINT : valuePrint(value);
}

/** What a rectangle holds now, row by row, one print a cell. */
export function gridPrints(grid: Grid | null, r: CellRange): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      out.push(grid ? cellPrint(grid.value(row, col), grid.hasFormula(row, col)) : EMPTY_PRINT);
  return out;
}

/**
 * What the writes put into a rectangle, row by row (cells the writes leave out are empty). A link
 * is recorded as its text: the summary accepts the HYPERLINK formula ExcelJS writes as well.
 */
export function writePrints(writes: readonly RowWrite[], r: CellRange): string[] {
  const width = r.right - r.left + 1;
  const out = new Array<string>((r.bottom - r.top + 1) * width).fill(EMPTY_PRINT);
  forEachCellWrite(writes, (row, col, value, formula) => {
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) return;
    const i = (row - r.top) * width + (col - r.left);
    out[i] = cellPrint(value, formula !== null);
  });
  return out;
}

/** The prints joined as they are stored. */
export function joinPrints(prints: readonly string[]): string {
  return prints.join("");
}

export function splitPrints(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + PRINT_LENGTH <= text.length; i += PRINT_LENGTH)
    out.push(text.slice(i, i + PRINT_LENGTH));
  return out;
}
