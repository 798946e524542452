/**
 * A summary table as a list of columns: each with its header, how wide its values may make it, and
 * its cell in each row (value, format, optional formula). Columns are found by key ("flag:0", the
 * first year's 判定), so code that needs a column's place asks the list instead of counting.
 */
import type { CellFormat, PlanValue } from "./edit-plan";

/** The row a cell is written for: its sheet row and its place among the table's rows. */
export interface RowAt {
  row: number;
  index: number;
}

/** Where a cell links to, and the text the link shows. */
export interface ColumnLink {
  sheet: string;
  cell: string;
  text: string;
}

export interface Column<R> {
  /** How the column is found: "no", "title", "flag:0" (per year: the year's index after the colon). */
  key: string;
  header: string;
  /** The cell's value in a row; undefined leaves the cell out. A null under a formula is written "". */
  value: (r: R, at: RowAt) => PlanValue | undefined;
  style: CellFormat | ((r: R) => CellFormat);
  formula?: (r: R, at: RowAt) => string | null;
  /** Wrapping text: the column is as wide as its longest line of text, up to `fit` characters. */
  fit?: number;
  /** The cell links to this place (No. to the item's sheet). */
  link?: (r: R) => ColumnLink | null;
  /** Its values are as of the date the sheet was made (the finding counts): summary/stale leaves them out. */
  timed?: boolean;
  /** Its flags are coloured by conditional formats. */
  flags?: boolean;
}

/** The columns of one table from sheet column `left`, in order. */
export class ColumnList<R> {
  private readonly at = new Map<string, number>();

  constructor(
    readonly left: number,
    readonly columns: readonly Column<R>[],
  ) {
    columns.forEach((c, i) => {
      if (this.at.has(c.key)) throw new Error(`two summary columns keyed ${c.key}`);
      this.at.set(c.key, left + i);
    });
  }

  /** The sheet column of the column keyed `key`. */
  col(key: string): number {
    const col = this.at.get(key);
    if (col === undefined) throw new Error(`no summary column keyed ${key}`);
    return col;
  }

  get width(): number {
    return this.columns.length;
  }

  get headers(): string[] {
    return this.columns.map((c) => c.header);
  }
}

/** The same columns for each fiscal year, keyed "key:yi" (yi the year's index), year after year. */
export function perYear<R>(
  years: readonly number[],
  make: (fy: number, yi: number) => Column<R>[],
): Column<R>[] {
  return years.flatMap((fy, yi) => make(fy, yi).map((c) => ({ ...c, key: `${c.key}:${yi}` })));
}

/** The same column for each fiscal year, each year's after the other: all counts, then all shares. */
export function eachYear<R>(
  years: readonly number[],
  make: (fy: number, yi: number) => Column<R>,
): Column<R>[] {
  return perYear(years, (fy, yi) => [make(fy, yi)]);
}
