/**
 * Which rectangles are ours, read from the workbook's defined names, and which of their cells staff
 * changed since we wrote them.
 */
import type { CellRange, CellValue, WorkbookSnapshot } from "../model/snapshot";
import type { Grid } from "../grid/grid";
import {
  AREA_NAME_PREFIX,
  AREA_RECORD_NAME,
  SUMMARY_NAME,
  SUMMARY_RECORD_NAME,
  SETTINGS_NAME,
  nameKey,
  ourNames,
  parseRefersTo,
  sameName,
} from "./names";
import { readRecords, recordSheet, type RectRecord } from "./record";
import { EMPTY_PRINT, cellPrint } from "./fingerprint";

export interface OwnedRect {
  /** The defined name recording it. */
  name: string;
  sheet: string;
  range: CellRange;
  /** What we wrote there, when the record has it for a rectangle of this very size. */
  record: RectRecord | null;
}

export interface Ownership {
  areas: OwnedRect[];
  summary: OwnedRect | null;
  /** Our names whose cells are gone (#REF!) or whose sheet is missing: removed on the next write. */
  stale: string[];
  /** Every name of ours in the workbook. */
  names: string[];
  areaRecordSheet: string | null;
  summaryRecordSheet: string | null;
  /** The sheet of settings our formulas read (plan/settings-plan.ts), if there is one. */
  settingsSheet: string | null;
}

export function readOwnership(wb: WorkbookSnapshot): Ownership {
  const areaRecords = recordSheet(wb, AREA_RECORD_NAME);
  const summaryRecords = recordSheet(wb, SUMMARY_RECORD_NAME);
  const areaPrints = readRecords(areaRecords);
  const summaryPrints = readRecords(summaryRecords);
  const out: Ownership = {
    areas: [],
    summary: null,
    stale: [],
    names: [],
    areaRecordSheet: areaRecords?.name ?? null,
    summaryRecordSheet: summaryRecords?.name ?? null,
    settingsSheet: recordSheet(wb, SETTINGS_NAME)?.name ?? null,
  };
  const sheetNames = new Map(wb.sheets.map((s) => [nameKey(s.name), s.name]));
  for (const n of ourNames(wb)) {
    out.names.push(n.name);
    const isArea = nameKey(n.name).startsWith(nameKey(AREA_NAME_PREFIX));
    const isSummary = sameName(n.name, SUMMARY_NAME);
    if (!isArea && !isSummary) continue;
    const ref = parseRefersTo(n.refersTo);
    const sheet = ref ? sheetNames.get(nameKey(ref.sheet)) : undefined;
    if (!ref || sheet === undefined) {
      out.stale.push(n.name);
      continue;
    }
    const rec = (isArea ? areaPrints : summaryPrints).get(nameKey(n.name)) ?? null;
    const rows = ref.range.bottom - ref.range.top + 1;
    const cols = ref.range.right - ref.range.left + 1;
    const rect: OwnedRect = {
      name: n.name,
      sheet,
      range: ref.range,
      record: rec && rec.rows === rows && rec.cols === cols ? rec : null,
    };
    if (isArea) out.areas.push(rect);
    else out.summary = rect;
  }
  return out;
}

/** A cell of ours that staff changed: kept as it is, and reported. */
export interface EditedCell {
  row: number;
  col: number;
  value: CellValue;
  /** The formula staff typed, if any. */
  formula: string | null;
}

/**
 * The cells of `range` that staff changed: neither empty, nor as we wrote them (the record of
 * `rect`, where it covers the cell), nor as we would write them now (`nowPrint`; Excel moved our
 * formulas' references, or a figure changed so that what we would write changed too). Without a
 * record (one of another size: staff inserted rows inside the rectangle), a cell counts as ours only
 * when it is empty or as we would write it now: when in doubt a cell is kept, never lost.
 */
export function editedCells(
  grid: Grid,
  rect: OwnedRect,
  nowPrint: (row: number, col: number) => string | readonly string[],
  range: CellRange = rect.range,
): EditedCell[] {
  const out: EditedCell[] = [];
  const r = rect.range;
  const width = r.right - r.left + 1;
  const snap = grid.snapshot;
  const bottom = Math.min(range.bottom, grid.rowCount - 1);
  const right = Math.min(range.right, grid.colCount - 1);
  for (let row = range.top; row <= bottom; row++)
    for (let col = range.left; col <= right; col++) {
      const hasFormula = grid.hasFormula(row, col);
      const value = grid.value(row, col);
      const cur = cellPrint(value, hasFormula);
      if (cur === EMPTY_PRINT) continue;
      const inRecord = row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
      if (inRecord && rect.record && cur === rect.record.prints[(row - r.top) * width + (col - r.left)])
        continue;
      const now = nowPrint(row, col);
      if (typeof now === "string" ? cur === now : now.includes(cur)) continue;
      const formula = hasFormula
        ? (snap.formulas?.[row - snap.originRow]?.[col - snap.originCol] ?? null)
        : null;
      out.push({ row, col, value, formula });
    }
  return out;
}

/** The finding's words for what an edited cell holds. */
export function shownContent(c: EditedCell): string {
  if (c.formula) return c.formula;
  const v = c.value;
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return String(v);
}
