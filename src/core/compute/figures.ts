import type { Item, SourceCell } from "../model/item";
import { fiscalYearOf } from "../values/fiscal-year";

/** The number a cell holds, or null (blank, text, n/a, error). */
export function numberOf(c: SourceCell | null | undefined): number | null {
  return c && c.parsed.kind === "number" ? c.parsed.value : null;
}

/** A cell that holds a plain number on the sheet (not text read as a number): formulas may reference it. */
export function isPlainNumber(c: SourceCell | null | undefined): boolean {
  return !!c && typeof c.raw === "number";
}

/** A cell that holds something where a number belongs, yet no number: text, an Excel error, TRUE/FALSE. */
export function isUnreadable(c: SourceCell | null | undefined): boolean {
  if (!c) return false;
  const k = c.parsed.kind;
  return k === "text" || k === "error" || k === "bool";
}

export function isBlank(c: SourceCell | null | undefined): boolean {
  return !c || c.parsed.kind === "blank";
}

/** The fiscal year N ends on 31 March N+1: is it over on `asOf`? */
export function fiscalYearIsOver(fiscalYear: number, asOf: Date): boolean {
  return fiscalYearOf(asOf) > fiscalYear;
}

/** Whether the item has a grade entered for the fiscal year (a graded year should have its actuals). */
export function isGraded(item: Item, fiscalYear: number): boolean {
  for (const g of item.grades) if (g.fiscalYear === fiscalYear && !isBlank(g.grade)) return true;
  return false;
}
