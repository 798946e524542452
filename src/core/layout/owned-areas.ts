/**
 * Areas we wrote on an earlier run: the computed-fields area on item sheets (title cell holding
 * config.ownedAreaTitle, headers on the row below) and the summary sheet (config.summaryMarker in A1).
 * The reader masks them so that our own numbers are never read back as staff data.
 */
import type { CellRange } from "../grid/cell";
import type { Grid } from "../grid/grid";
import type { ShinchokuConfig } from "../config/config";
import { nfkc } from "../values/normalize";
import { cellText } from "../values/parse";

/** Blank rows an area may hold inside it (the 取組工程 row has no computed fields). */
const MAX_GAP_ROWS = 3;

export function findOwnedAreas(grid: Grid, config: ShinchokuConfig): CellRange[] {
  const title = nfkc(config.ownedAreaTitle);
  const areas: CellRange[] = [];
  const snap = grid.snapshot;
  for (let i = 0; i < snap.values.length; i++) {
    const line = snap.values[i];
    for (let j = 0; j < line.length; j++) {
      // Straight over the snapshot: most cells fail here on type or length.
      if (!isOwnedTitle(line[j], config.ownedAreaTitle, title)) continue;
      const r = i + snap.originRow;
      const c = j + snap.originCol;
      let right = grid.rightEdge(r, c);
      for (let cc = c; cc < grid.colCount && !grid.isBlank(r + 1, cc); cc++) right = Math.max(right, cc);
      let bottom = r + 1;
      let gap = 0;
      for (let rr = r + 2; rr < grid.rowCount && gap <= MAX_GAP_ROWS; rr++) {
        let any = false;
        for (let cc = c; cc <= right; cc++) if (!grid.isBlank(rr, cc)) any = true;
        if (any && rr > r + 1 && isTitle(grid, rr, c, right, config, title)) break;
        if (any) {
          bottom = rr;
          gap = 0;
        } else gap++;
      }
      areas.push({ top: r, left: c, bottom, right });
    }
  }
  return areas;
}

function isTitle(
  grid: Grid,
  row: number,
  left: number,
  right: number,
  config: ShinchokuConfig,
  title: string,
): boolean {
  for (let c = left; c <= right; c++) {
    if (isOwnedTitle(grid.value(row, c), config.ownedAreaTitle, title)) return true;
  }
  return false;
}

/** Our title as written, or as staff's Excel may have re-spaced it; most cells fail on length alone. */
function isOwnedTitle(v: unknown, written: string, normalised: string): boolean {
  if (typeof v !== "string") return false;
  if (v === written) return true;
  if (v.length > written.length * 2 + 8) return false;
  return nfkc(v) === normalised;
}

export function isSummarySheet(grid: Grid, config: ShinchokuConfig): boolean {
  return cellText(grid.value(0, 0)).startsWith(nfkc(config.summaryMarker));
}
