/**
 * Turning a plan's cell-by-cell writes into few, rectangular range writes: cells next to each other
 * in a row form a run; runs with the same columns on consecutive rows form a block written with one
 * 2-D array. Formats are grouped the same way, one layer per (property, value) pair (formatLayers).
 */
import type { CellFormat, CellRange, CellWrite, PlanValue } from "../core";

export interface Block<T> {
  range: CellRange;
  /** Row-major, the block's shape. */
  cells: T[][];
}

/** Group cells (row, col, item) into rectangles. */
export function toBlocks<T>(cells: Array<{ row: number; col: number; item: T }>): Block<T>[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // 1. Runs within a row.
  const runs: Array<{ row: number; left: number; right: number; items: T[] }> = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.right + 1 === c.col) {
      last.right = c.col;
      last.items.push(c.item);
    } else if (last && last.row === c.row && last.right === c.col) {
      last.items[last.items.length - 1] = c.item; // a later write to the same cell wins
    } else runs.push({ row: c.row, left: c.col, right: c.col, items: [c.item] });
  }
  // 2. Runs spanning the same columns on consecutive rows stack into one block.
  const blocks: Block<T>[] = [];
  const open = new Map<string, Block<T>>();
  for (const r of runs) {
    const key = `${r.left}:${r.right}`;
    const b = open.get(key);
    if (b && b.range.bottom + 1 === r.row) {
      b.range.bottom = r.row;
      b.cells.push(r.items);
    } else {
      const nb = { range: { top: r.row, bottom: r.row, left: r.left, right: r.right }, cells: [r.items] };
      blocks.push(nb);
      open.set(key, nb);
    }
  }
  return blocks;
}

/** What a cell receives through Range.formulas: the formula, or the value as Excel input. */
export function excelInput(w: CellWrite): string | number | boolean {
  return w.formula ?? asExcelInput(w.value);
}

/**
 * A value as typed into Excel keeps its meaning: text that Excel would turn into a number, date,
 * boolean or formula ("1,090", "28", "2026/4/1", "=x", "TRUE") gets the apostrophe that keeps it text.
 */
export function asExcelInput(v: PlanValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v !== "string") return v;
  if (v === "") return "";
  if (/^[=+\-@']/.test(v)) return `'${v}`;
  if (/^[\s\d.,:/%()$¥€eE-]+$/.test(v) && /\d/.test(v)) return `'${v}`;
  if (/^(true|false)$/i.test(v)) return `'${v}`;
  if (/^\d{1,4}[年/.-]\d{1,2}/.test(v)) return `'${v}`;
  return v;
}

/**
 * Formats split by property: every (property, value) pair becomes rectangles of the cells that have
 * it. A bordered table with a few bold headers is then one border write and one bold write, not
 * one write per distinct mix of properties.
 */
export function formatLayers(writes: CellWrite[]): Array<{ range: CellRange; format: CellFormat }> {
  const byProp = new Map<
    string,
    { layer: CellFormat; cells: Array<{ row: number; col: number; item: true }> }
  >();
  for (const w of writes) {
    for (const [k, v] of Object.entries(w.format ?? {})) {
      if (v === undefined) continue;
      const key = `${k}\u0000${typeof v === "string" ? v : JSON.stringify(v)}`;
      let entry = byProp.get(key);
      if (!entry) byProp.set(key, (entry = { layer: { [k]: v } as CellFormat, cells: [] }));
      entry.cells.push({ row: w.row, col: w.col, item: true });
    }
  }
  const out: Array<{ range: CellRange; format: CellFormat }> = [];
  for (const { layer, cells } of byProp.values())
    for (const b of toBlocks(cells)) out.push({ range: b.range, format: layer });
  return out;
}

/** Ranges covering exactly the same cells in as few rectangles as the row-run grouping finds. */
export function coalesceRanges(ranges: CellRange[]): CellRange[] {
  const cells = new Map<string, { row: number; col: number; item: true }>();
  let total = 0;
  for (const r of ranges) total += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  // Our areas are small; anything huge is cleared as given rather than cell by cell.
  if (total > 200_000) return ranges;
  for (const r of ranges)
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) cells.set(`${i},${j}`, { row: i, col: j, item: true });
  return toBlocks([...cells.values()]).map((b) => b.range);
}
