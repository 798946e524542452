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
  WIDTHS_NAME_PREFIX,
  nameKey,
  ourNames,
  parseRefersTo,
  parseRefersToAreas,
  sameName,
} from "./names";
import { readRecords, readWidthRecords, recordSheet, type RectRecord, type WidthRecord } from "./record";
import { EMPTY_PRINT, cellPrint } from "./fingerprint";

export interface OwnedRect {
  /** The defined name recording it. */
  name: string;
  sheet: string;
  range: CellRange;
  /** What we wrote there, when the record has it for a rectangle of this very size. */
  record: RectRecord | null;
}

/** Columns of one sheet that our areas widened, and the widths staff had there. */
export interface OwnedWidths {
  name: string;
  sheet: string;
  /**
   * The recorded columns where they are now (the name's areas moved with them), one per entry of
   * `widths`; null for one staff deleted. A column staff inserted among them is in none.
   */
  cols: Array<number | null>;
  /** Per entry of `cols`: staff's width, null (standard), undefined (not ours); null when the record does not fit the name. */
  widths: WidthRecord | null;
}

export interface Ownership {
  areas: OwnedRect[];
  /** Staff's column widths where our areas widened columns (undo puts them back). */
  widths: OwnedWidths[];
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
    widths: [],
    summary: null,
    stale: [],
    names: [],
    areaRecordSheet: areaRecords?.name ?? null,
    summaryRecordSheet: summaryRecords?.name ?? null,
    settingsSheet: recordSheet(wb, SETTINGS_NAME)?.name ?? null,
  };
  const sheetNames = new Map(wb.sheets.map((s) => [nameKey(s.name), s.name]));
  let widthRecords: Map<string, WidthRecord> | undefined;
  for (const n of ourNames(wb)) {
    out.names.push(n.name);
    const isArea = nameKey(n.name).startsWith(nameKey(AREA_NAME_PREFIX));
    const isSummary = sameName(n.name, SUMMARY_NAME);
    const isWidths = nameKey(n.name).startsWith(nameKey(WIDTHS_NAME_PREFIX));
    if (!isArea && !isSummary && !isWidths) continue;
    if (isWidths) {
      const refs = parseRefersToAreas(n.refersTo);
      const sheet = refs ? sheetNames.get(nameKey(refs.sheet)) : undefined;
      if (!refs || sheet === undefined) {
        out.stale.push(n.name);
        continue;
      }
      // One entry a column of each area: one an area as written now; a span, as written before.
      const cols = refs.areas.flatMap((r) =>
        r ? Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i) : [null],
      );
      const w = (widthRecords ??= readWidthRecords(areaRecords)).get(nameKey(n.name));
      // A span staff inserted columns into no longer fits its record: left as it is, never a
      // width on another column.
      out.widths.push({ name: n.name, sheet, cols, widths: w && w.length === cols.length ? w : null });
      continue;
    }
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
