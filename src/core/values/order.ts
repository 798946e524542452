export const byFiscalYear = (a: { fiscalYear: number }, b: { fiscalYear: number }): number =>
  a.fiscalYear - b.fiscalYear;

export const ascending = (a: number, b: number): number => a - b;

/** Where the first entry of that fiscal year is, or -1. */
export function indexOfYear(list: readonly { fiscalYear: number }[], fy: number): number {
  return list.findIndex((y) => y.fiscalYear === fy);
}

/** The first entry of that fiscal year. */
export function ofYear<T extends { fiscalYear: number }>(list: readonly T[], fy: number): T | undefined {
  return list.find((y) => y.fiscalYear === fy);
}

/**
 * Item numbers in the order people expect: numeric ones by value ("2" before "10"), then other
 * ones by code point, then items without a No.
 */
export function compareItemNo(a: string | null, b: string | null): number {
  return itemNoRank(a) - itemNoRank(b) || compareText(a ?? "", b ?? "");
}

/** An item No.'s rank: its value when numeric, then other Nos., then none (ties by text). */
export function itemNoRank(n: string | null): number {
  if (n === null || n === "") return Number.MAX_SAFE_INTEGER;
  const v = Number(n);
  return Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER - 1;
}

/** By code point: the same order on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
