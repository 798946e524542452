/**
 * A sheet's cells → the engine's SheetSnapshot: the box from the first row and column holding a
 * value or a merge, each row only as long as its last cell. Shared by both readers (ours and the
 * ExcelJS one kept as the reference, read-xlsx.ts), so that they shape a sheet the same way.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../../core";

export interface GridCell {
  r: number;
  c: number;
  v: CellValue;
  f: string | null;
  n: string | null;
}

export function sheetFromCells(
  name: string,
  cells: readonly GridCell[],
  merges: readonly CellRange[],
): SheetSnapshot {
  // The box's top, left and bottom (merges included); its right edge is each row's own (below).
  // Loops by index: this runs once a sheet, mostly before V8 has compiled it, where a for-of
  // loop's iterator costs more than the loop's own work.
  let top = Infinity,
    left = Infinity,
    bottom = -1;
  const extend = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
  };
  for (let i = 0; i < cells.length; i++) extend(cells[i].r, cells[i].c);
  for (let i = 0; i < merges.length; i++) {
    extend(merges[i].top, merges[i].left);
    extend(merges[i].bottom, merges[i].left);
  }
  if (bottom < 0)
    return { name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [], merges };

  const h = bottom - top + 1;
  // Each row only as long as its last cell (the snapshot allows it: a cell past a row's end is blank).
  // The form's rows are short and many are empty: half the slots of the bounding box on the bench
  // workbook (46,200 of 95,400), a third on a filled one: less memory, and less for the reader to scan.
  const rowLength = new Int32Array(h);
  let anyFormula = false;
  let anyFormat = false;
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i];
    rowLength[x.r - top] = Math.max(rowLength[x.r - top], x.c - left + 1);
    if (x.f !== null) anyFormula = true;
    if (x.n !== null) anyFormat = true;
  }
  const grid = <T>() => {
    const rows: Array<Array<T | null>> = new Array(h);
    for (let i = 0; i < h; i++) rows[i] = new Array<T | null>(rowLength[i]).fill(null);
    return rows;
  };
  const values = grid<CellValue>();
  // Formulas and formats only where a sheet has any (most item sheets have neither): fewer arrays
  // to build, and fewer for the garbage collector to carry while the engine runs.
  const formulas = anyFormula ? grid<string>() : undefined;
  const numberFormats = anyFormat ? grid<string>() : undefined;
  for (let i = 0; i < cells.length; i++) {
    const x = cells[i];
    values[x.r - top][x.c - left] = x.v;
    if (formulas) formulas[x.r - top][x.c - left] = x.f;
    if (numberFormats) numberFormats[x.r - top][x.c - left] = x.n;
  }
  const snap: SheetSnapshot = { name, originRow: top, originCol: left, values, merges };
  if (formulas) snap.formulas = formulas;
  if (numberFormats) snap.numberFormats = numberFormats;
  return snap;
}
