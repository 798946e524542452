/**
 * Matching data cells to the columns the headers promise. Headers and data do not always line up:
 * the seed text pasted at A1 has its header cells one column left of the data. So the reader takes
 * the slot columns from the headers and finds the one shift that places every row's data after its
 * labels and lands the most data cells on slots. Rows are read by the order of their cells, guided
 * by the year headers, rather than by fixed columns.
 */

export interface AlignRow {
  row: number;
  /** Right-most column taken by the row's labels (and the indicator name): data must lie beyond it. */
  labelEdge: number;
  /** Columns of the row's non-blank data cells. */
  dataCols: readonly number[];
}

export interface Alignment {
  shift: number;
  /** Data cells that landed on no slot, per row. */
  stray: Array<{ row: number; col: number }>;
}

const SHIFTS = [0, 1, -1, 2, -2];

export function alignRows(slots: number[], rows: AlignRow[]): Alignment | null {
  if (slots.length === 0) return null;
  let bestShift = 0;
  let bestScore = -1;
  // A handful of slots and cells per row: plain scans beat building sets. By index: this runs for
  // every section of every sheet, mostly before V8 has compiled it, where a for-of loop's
  // iterator costs more than the comparisons.
  let lowest = slots[0];
  for (let i = 1; i < slots.length; i++) if (slots[i] < lowest) lowest = slots[i];
  for (let k = 0; k < SHIFTS.length; k++) {
    const s = SHIFTS[k];
    const first = lowest + s;
    if (first < 0) continue;
    if (anyLabelReaches(rows, first)) continue;
    let score = 0;
    for (let i = 0; i < rows.length; i++) {
      const cols = rows[i].dataCols;
      for (let j = 0; j < cols.length; j++) if (slots.includes(cols[j] - s)) score++;
    }
    if (score > bestScore) {
      bestShift = s;
      bestScore = score;
    }
  }
  if (bestScore < 0) return null;
  const shift = bestShift;
  const stray: Alignment["stray"] = [];
  for (const r of rows)
    for (const c of r.dataCols) if (!slots.includes(c - shift)) stray.push({ row: r.row, col: c });
  return { shift, stray };
}

/** Whether some row's labels reach column `col` (data cannot start there). */
function anyLabelReaches(rows: AlignRow[], col: number): boolean {
  for (let i = 0; i < rows.length; i++) if (col <= rows[i].labelEdge) return true;
  return false;
}
