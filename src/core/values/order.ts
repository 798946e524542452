/**
 * Sorting in place, skipped when the list is already in order. Most lists the reader sorts (years,
 * blocks, sections) arrive in order, and Array.prototype.sort allocates scratch space every time.
 */
export function sortInPlace<T>(xs: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) if (compare(xs[i - 1], xs[i]) > 0) return xs.sort(compare);
  return xs;
}

export const byFiscalYear = (a: { fiscalYear: number }, b: { fiscalYear: number }): number =>
  a.fiscalYear - b.fiscalYear;

export const ascending = (a: number, b: number): number => a - b;
