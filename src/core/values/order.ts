/**
 * Sorting in place, skipped when the list is already in order. Most lists the reader sorts (years,
 * blocks, sections) arrive in order, and Array.prototype.sort allocates scratch space every time.
 */
export function sortInPlace<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++)
    if (compare(xs[i - 1], xs[i]) > 0)
      return xs.length <= INSERTION_MAX ? insertionSort(xs, i, compare) : xs.sort(compare);
  return xs;
}

/**
 * Up to this length an out-of-order list is sorted by insertion. The lists that arrive out of order
 * are short and nearly sorted (a sheet's merges, as ExcelJS lists them: one or two out of place), where
 * insertion is a few comparisons more than the check above, and allocates nothing.
 */
const INSERTION_MAX = 256;

/** Stable, like Array.prototype.sort; `from` is the first element found out of order. */
function insertionSort<T>(xs: T[], from: number, compare: (a: T, b: T) => number): T[] {
  for (let i = from; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && compare(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

export const byFiscalYear = (a: { fiscalYear: number }, b: { fiscalYear: number }): number =>
  a.fiscalYear - b.fiscalYear;

export const ascending = (a: number, b: number): number => a - b;

/** Where the first entry of that fiscal year is, or -1 (a findIndex without a closure per lookup). */
export function indexOfYear(list: readonly { fiscalYear: number }[], fy: number): number {
  for (let i = 0; i < list.length; i++) if (list[i].fiscalYear === fy) return i;
  return -1;
}

/** The first entry of that fiscal year, as a find() would give it. */
export function ofYear<T extends { fiscalYear: number }>(list: readonly T[], fy: number): T | undefined {
  const i = indexOfYear(list, fy);
  return i < 0 ? undefined : list[i];
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
