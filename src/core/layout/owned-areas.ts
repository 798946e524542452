/**
 * Areas we wrote on an earlier run: the computed-fields area on item sheets (title cell holding
 * config.ownedAreaTitle, headers on the row below) and the summary sheet (config.summaryMarker in A1).
 * The reader masks them so that our own numbers are never read back as staff data.
 */
import type { CellRange } from "../model/snapshot";
import type { Grid } from "../grid/grid";
import type { ShinchokuConfig } from "../config/config";
import { nfkc } from "../values/normalize";
import { cellText } from "../values/parse";

/** Blank rows an area may hold inside it (the 取組工程 row has no computed fields). */
const MAX_GAP_ROWS = 3;

/**
 * The area whose title is at (row, col): the title's width or the header row below it, whichever is
 * wider, down to the last filled row before a gap of more than MAX_GAP_ROWS or the next title.
 */
export function ownedAreaAt(grid: Grid, row: number, col: number, config: ShinchokuConfig): CellRange {
  const title = nfkc(config.ownedAreaTitle);
  let right = grid.rightEdge(row, col);
  for (let cc = col; cc < grid.colCount && !grid.isBlank(row + 1, cc); cc++) right = Math.max(right, cc);
  let bottom = row + 1;
  let gap = 0;
  for (let rr = row + 2; rr < grid.rowCount && gap <= MAX_GAP_ROWS; rr++) {
    let any = false;
    for (let cc = col; cc <= right; cc++) if (!grid.isBlank(rr, cc)) any = true;
    if (any && isTitle(grid, rr, col, right, config, title)) break;
    if (any) {
      bottom = rr;
      gap = 0;
    } else gap++;
  }
  return { top: row, left: col, bottom, right };
}

/** The longest cell text that may still be our title (Excel may have re-spaced it). */
export function maxOwnedTitleLength(config: ShinchokuConfig): number {
  return maxTitleLength(config.ownedAreaTitle);
}

function maxTitleLength(written: string): number {
  return written.length * 2 + 8;
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
export function isOwnedTitle(v: unknown, written: string, normalised: string): boolean {
  if (typeof v !== "string") return false;
  if (v === written) return true;
  if (v.length > maxTitleLength(written)) return false;
  return nfkc(v) === normalised;
}

export function isSummarySheet(grid: Grid, config: ShinchokuConfig): boolean {
  return cellText(grid.value(0, 0)).startsWith(nfkc(config.summaryMarker));
}
