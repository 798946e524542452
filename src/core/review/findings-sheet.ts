/**
 * The findings sheet (default 指摘一覧): its columns, and reading back what staff marked on it. The
 * plan (plan/findings-plan.ts) writes the columns in this order; the reader finds them by their
 * header words, so a sheet whose columns staff moved still reads.
 */
import type { ShinchokuConfig, ReviewState } from "../config/config";
import type { WorkbookSnapshot } from "../model/snapshot";
import type { Grid } from "../grid/grid";
import { FINDINGS_NAME, namedSheet, nameKey } from "../ownership/names";
import { nfkc } from "../values/normalize";
import { cellText } from "../values/parse";

/** The columns, left to right; the last two are hidden and say which finding a row is about. */
export const FINDINGS_COLUMNS = [
  "No.",
  "担当課",
  "シート",
  "セル",
  "重要度",
  "コード",
  "内容",
  "対応",
  "備考",
  "照合キー",
  "照合値",
] as const;

export type FindingsColumn = (typeof FINDINGS_COLUMNS)[number];

export const COL: Record<FindingsColumn, number> = Object.fromEntries(
  FINDINGS_COLUMNS.map((h, i) => [h, i]),
) as Record<FindingsColumn, number>;

/** The header's row on the sheet we write (0-based): the title, a note, a blank row, then the table. */
export const FINDINGS_HEADER_ROW = 3;

/** What staff left on one row: looked up by the row's key, compared by its fingerprint. */
export interface ReviewMark {
  state: ReviewState;
  note: string;
  fingerprint: string;
}

/** The marker in A1: what our findings sheet shows, but not what makes a sheet ours (see below). */
export function hasFindingsMarker(grid: Grid, config: ShinchokuConfig): boolean {
  return cellText(grid.value(0, 0)).startsWith(nfkc(config.findingsMarker));
}

/**
 * A findings sheet written before its name (`_Shinchoku.Findings`) was recorded, adopted safely
 * (issue 15 point 3): the marker in A1 and exactly the shape we write, the title and note in A1:A2,
 * row 3 blank, the header's words in order on row 4, and nothing right of the table. The sheet is
 * rewritten whole, so a sheet holding anything else is a staff sheet, never cleared.
 */
export function isAdoptableFindingsSheet(grid: Grid, config: ShinchokuConfig): boolean {
  if (!hasFindingsMarker(grid, config)) return false;
  const right = FINDINGS_COLUMNS.length - 1;
  for (let c = 0; c < Math.max(grid.colCount, FINDINGS_COLUMNS.length); c++)
    if (cellText(grid.value(FINDINGS_HEADER_ROW, c)) !== (c <= right ? FINDINGS_COLUMNS[c] : ""))
      return false;
  for (let r = 0; r < grid.rowCount; r++) {
    if (r === FINDINGS_HEADER_ROW) continue;
    const last = r < FINDINGS_HEADER_ROW ? (r < 2 ? 0 : -1) : right;
    for (let c = last + 1; c < grid.colCount; c++)
      if (grid.value(r, c) !== null || grid.hasFormula(r, c)) return false;
  }
  return true;
}

/**
 * Which sheet is our findings sheet: the one our name points at; without that name (a workbook of
 * an earlier version, or one whose name undo removed), a sheet with the marker and our exact
 * shape. A sheet with the marker alone is a staff sheet.
 */
export function findingsSheetTest(
  wb: WorkbookSnapshot,
  config: ShinchokuConfig,
): (name: string, grid: Grid) => boolean {
  const named = namedSheet(wb, FINDINGS_NAME);
  if (named !== null) return (name) => nameKey(name) === nameKey(named);
  return (_name, grid) => isAdoptableFindingsSheet(grid, config);
}

/** Our findings sheet among those the reader recognised: the configured name first, else the first. */
export function findingsGrid(
  sheets: readonly string[],
  grids: ReadonlyMap<string, Grid>,
  config: ShinchokuConfig,
): Grid | null {
  const key = nameKey(config.findingsSheetName);
  const name = sheets.find((s) => nameKey(s) === key) ?? sheets[0];
  return name === undefined ? null : (grids.get(name) ?? null);
}

/** The state a 対応 cell names: the configured words (NFKC), or the state's own code; else open. */
export function stateOf(text: string, config: ShinchokuConfig): ReviewState {
  const t = nfkc(text);
  if (!t) return "open";
  for (const [state, word] of Object.entries(config.reviewStates) as Array<[ReviewState, string]>)
    if (nfkc(word) === t || state.toLowerCase() === t.toLowerCase()) return state;
  return "open";
}

/** Staff's marks on the sheet, by key; rows without a key (typed in by staff) are ignored. */
export function readMarks(grid: Grid | null, config: ShinchokuConfig): Map<string, ReviewMark> {
  const marks = new Map<string, ReviewMark>();
  if (!grid) return marks;
  const cols = headerColumns(grid);
  if (!cols) return marks;
  const { row: header, key, fingerprint, state, note } = cols;
  for (let r = header + 1; r < grid.rowCount; r++) {
    const k = cellText(grid.value(r, key));
    if (!k || marks.has(k)) continue;
    marks.set(k, {
      state: stateOf(state < 0 ? "" : cellText(grid.value(r, state)), config),
      note: note < 0 ? "" : rawText(grid.value(r, note)),
      fingerprint: cellText(grid.value(r, fingerprint)),
    });
  }
  return marks;
}

/** The header row (the first with both hidden columns' words in the first 10 rows) and its columns. */
function headerColumns(
  grid: Grid,
): { row: number; key: number; fingerprint: number; state: number; note: number } | null {
  for (let r = 0; r < Math.min(grid.rowCount, 10); r++) {
    const at = new Map<string, number>();
    for (let c = 0; c < grid.colCount; c++) {
      const t = cellText(grid.value(r, c));
      if (t && !at.has(t)) at.set(t, c);
    }
    const key = at.get("照合キー");
    const fingerprint = at.get("照合値");
    if (key === undefined || fingerprint === undefined) continue;
    return { row: r, key, fingerprint, state: at.get("対応") ?? -1, note: at.get("備考") ?? -1 };
  }
  return null;
}

/** A note as staff typed it (line breaks kept), trimmed. */
function rawText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "";
  return String(v).trim();
}
