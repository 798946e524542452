/** Rectangles and rows of writes with some cells taken out: the cells staff changed, which we keep. */
import type { CellRange } from "../model/snapshot";
import { RowWriter, forEachCellWrite, type RowWrite } from "../plan/edit-plan";

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * `r` without the given cells, as few rectangles as it takes: the whole of `r` when no cell is
 * taken out; else the rows without a taken cell in full-width bands, and each row with one in the
 * runs between its taken cells. A merge or a colour rule of ours lies inside one of these (and is
 * cleared with it) unless it reaches a row with a kept cell: `insideAny` tells which.
 */
export function rangesWithout(r: CellRange, cells: ReadonlyArray<{ row: number; col: number }>): CellRange[] {
  const inside = cells.filter(
    (c) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right,
  );
  if (inside.length === 0) return [r];
  const out: CellRange[] = [];
  let bandTop = -1;
  for (let row = r.top; row <= r.bottom + 1; row++) {
    const cols = row <= r.bottom ? inside.filter((c) => c.row === row).map((c) => c.col) : [];
    if (row <= r.bottom && cols.length === 0) {
      if (bandTop < 0) bandTop = row;
      continue;
    }
    if (bandTop >= 0) out.push({ top: bandTop, bottom: row - 1, left: r.left, right: r.right });
    bandTop = -1;
    if (row > r.bottom) break;
    let left = r.left;
    for (const col of [...cols].sort((x, y) => x - y)) {
      if (col > left) out.push({ top: row, bottom: row, left, right: col - 1 });
      left = col + 1;
    }
    if (left <= r.right) out.push({ top: row, bottom: row, left, right: r.right });
  }
  return out;
}

/** Whether `x` lies wholly inside one of the ranges. */
export function insideAny(x: CellRange, ranges: readonly CellRange[]): boolean {
  return ranges.some((o) => x.top >= o.top && x.bottom <= o.bottom && x.left >= o.left && x.right <= o.right);
}

/** The writes without the cells `skip` names (each row cut there). */
export function writesWithout(
  writes: readonly RowWrite[],
  skip: (row: number, col: number) => boolean,
): RowWrite[] {
  const out: RowWrite[] = [];
  const w = new RowWriter(out);
  forEachCellWrite(writes, (row, col, value, formula, format) => {
    if (skip(row, col)) return;
    w.start(row, col).put(value, format, formula);
  });
  w.end();
  return out;
}
