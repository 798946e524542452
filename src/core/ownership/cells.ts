/** Rectangles and rows of writes with some cells taken out: the cells staff changed, which we keep. */
import type { CellRange } from "../grid/cell";
import { RowWriter, forEachCellWrite, type RowWrite } from "../plan/edit-plan";

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * `r` without the given cells, as few rectangles as it takes: the whole of `r` when no cell is
 * taken out, else each column's runs of cells between the taken ones (our colour rules run down a
 * column, so a column without a kept cell is cleared, rules and all, in one piece).
 */
export function rangesWithout(r: CellRange, cells: ReadonlyArray<{ row: number; col: number }>): CellRange[] {
  const inside = cells.filter(
    (c) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right,
  );
  if (inside.length === 0) return [r];
  const out: CellRange[] = [];
  for (let col = r.left; col <= r.right; col++) {
    const rows = inside.filter((c) => c.col === col).map((c) => c.row);
    let top = r.top;
    for (const row of [...rows].sort((x, y) => x - y)) {
      if (row > top) out.push({ top, bottom: row - 1, left: col, right: col });
      top = row + 1;
    }
    if (top <= r.bottom) out.push({ top, bottom: r.bottom, left: col, right: col });
  }
  return out;
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
