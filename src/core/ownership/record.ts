/**
 * The fingerprints of what we wrote, one row per rectangle, on a very hidden sheet of ours (staff
 * never see it; Excel's own UI cannot unhide it). A defined name (names.ts) points at the sheet, so
 * it is found whatever it is called. Two record sheets, one per plan (computed areas, summary): the
 * CLI's `run` plans both from one reading of the workbook, and each plan rewrites its own record.
 *
 * Row 1: the marker. Then per rectangle: A the rectangle's name, B its rows, C its columns, D… its
 * prints (fingerprint.ts) in pieces below Excel's 32,767 characters a cell. Then per sheet whose
 * columns we widened: A the widths name (names.ts), B "widths", C their count, D… one cell per column of the name:
 * the width staff had (characters), "standard" for the sheet's standard width, blank for a column
 * we did not widen.
 */
import type { CellRange, DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { Grid } from "../grid/grid";
import { cellText } from "../values/parse";
import { emptySheetEdit, RowWriter, type NameWrite, type SheetEdit } from "../plan/edit-plan";
import {
  AREA_RECORD_NAME,
  SUMMARY_RECORD_NAME,
  findSheet,
  nameKey,
  parseRefersTo,
  refersToRange,
  sameName,
} from "./names";
import { ourNames, SETTINGS_NAME } from "./names";
import { PRINT_LENGTH, joinPrints, splitPrints } from "./fingerprint";

export const RECORD_MARKER = "【Shinchoku 記録】Shinchoku が書き込んだ範囲の記録です。編集しないでください。";
const PIECE = 8000 * PRINT_LENGTH;

export interface RectRecord {
  rows: number;
  cols: number;
  prints: string[];
  /**
   * Fingerprints of what it was made from, when the record has them (a meta row: A the name, B
   * "meta", C the settings' print, D the data's): 検証 tells an area or summary made with other
   * settings or older data by them (fill/stale, summary/stale).
   */
  meta?: RecordMeta;
}

export interface RecordMeta {
  settings: string;
  data: string;
}

const META = "meta";

/** A record sheet: by the marker in A1. The reader skips it. */
export function isRecordSheet(grid: Grid): boolean {
  return cellText(grid.value(0, 0)) === RECORD_MARKER;
}

/** The record sheet the name `recordName` points at, if it is there and carries the marker. */
export function recordSheet(wb: WorkbookSnapshot, recordName: string): SheetSnapshot | null {
  const n = ourNames(wb).find((x) => sameName(x.name, recordName));
  const ref = n ? parseRefersTo(n.refersTo) : null;
  const s = ref ? findSheet(wb.sheets, ref.sheet) : undefined;
  return s && isRecordSheet(new Grid(s)) ? s : null;
}

/** The records of one record sheet, by rectangle name (as Excel compares names). */
export function readRecords(sheet: SheetSnapshot | null): Map<string, RectRecord> {
  const out = new Map<string, RectRecord>();
  if (!sheet) return out;
  const g = new Grid(sheet);
  for (let r = 1; r < g.rowCount; r++) {
    const name = g.value(r, 0);
    const rows = g.value(r, 1);
    const cols = g.value(r, 2);
    if (typeof name !== "string" || typeof rows !== "number" || typeof cols !== "number") continue;
    let text = "";
    for (let c = 3; c < g.colCount; c++) {
      const v = g.value(r, c);
      if (typeof v !== "string") break;
      text += v;
    }
    const prints = splitPrints(text);
    if (prints.length === rows * cols) out.set(nameKey(name), { rows, cols, prints });
  }
  for (let r = 1; r < g.rowCount; r++) {
    const name = g.value(r, 0);
    const rec = typeof name === "string" && g.value(r, 1) === META ? out.get(nameKey(name)) : undefined;
    const settings = g.value(r, 2);
    const data = g.value(r, 3);
    if (rec && typeof settings === "string" && typeof data === "string") rec.meta = { settings, data };
  }
  return out;
}

/** Staff's widths under one widths name: per column of the name, a width, null (standard) or undefined (not ours). */
export type WidthRecord = Array<number | null | undefined>;
const WIDTHS_TAG = "widths";
const STANDARD = "standard";

/** The widths rows of a record sheet, by widths name (as Excel compares names). */
export function readWidthRecords(sheet: SheetSnapshot | null): Map<string, WidthRecord> {
  const out = new Map<string, WidthRecord>();
  if (!sheet) return out;
  const g = new Grid(sheet);
  for (let r = 1; r < g.rowCount; r++) {
    const name = g.value(r, 0);
    const count = g.value(r, 2);
    if (typeof name !== "string" || g.value(r, 1) !== WIDTHS_TAG || typeof count !== "number") continue;
    const widths: WidthRecord = [];
    for (let c = 3; c < 3 + count; c++) {
      const v = g.value(r, c);
      widths.push(typeof v === "number" ? v : v === STANDARD ? null : undefined);
    }
    out.set(nameKey(name), widths);
  }
  return out;
}

/** The sheets our record names point at (the Excel adapter reads these very hidden sheets too). */
export function recordSheetsNamed(names: readonly DefinedNameSnapshot[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (
      n.scope !== undefined ||
      !(
        sameName(n.name, AREA_RECORD_NAME) ||
        sameName(n.name, SUMMARY_RECORD_NAME) ||
        sameName(n.name, SETTINGS_NAME)
      )
    )
      continue;
    const ref = parseRefersTo(n.refersTo);
    if (ref) out.push(ref.sheet);
  }
  return out;
}

/** A free name for a new record sheet: one no sheet of the workbook holds, as Excel compares names. */
export function recordSheetName(wb: WorkbookSnapshot, existing: SheetSnapshot | null, base: string): string {
  if (existing) return existing.name;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} ${i}`;
    if (!findSheet(wb.sheets, name)) return name;
  }
}

/** The record sheet's edit (recreated each time) and the name pointing at it. */
export function recordEdit(
  sheet: string,
  recordName: string,
  records: ReadonlyArray<{
    name: string;
    range: CellRange;
    prints: readonly string[];
    meta?: RecordMeta | null;
  }>,
  widths: ReadonlyArray<{ name: string; widths: WidthRecord }> = [],
): { edit: SheetEdit; name: NameWrite } {
  const e = emptySheetEdit(sheet, "owned");
  e.hidden = true;
  const w = new RowWriter(e.writes);
  w.start(0, 0).put(RECORD_MARKER, null);
  let row = 1;
  let widest = 0;
  for (const rec of records) {
    w.start(row, 0)
      .put(rec.name, null)
      .put(rec.range.bottom - rec.range.top + 1, null)
      .put(rec.range.right - rec.range.left + 1, null);
    const text = joinPrints(rec.prints);
    let pieces = 0;
    for (let i = 0; i < text.length; i += PIECE) {
      w.put(text.slice(i, i + PIECE), null);
      pieces++;
    }
    widest = Math.max(widest, 3 + pieces);
    row++;
  }
  for (const rec of records) {
    if (!rec.meta) continue;
    w.start(row++, 0)
      .put(rec.name, null)
      .put(META, null)
      .put(rec.meta.settings, null)
      .put(rec.meta.data, null);
    widest = Math.max(widest, 4);
  }
  for (const rec of widths) {
    w.start(row, 0).put(rec.name, null).put(WIDTHS_TAG, null).put(rec.widths.length, null);
    for (const x of rec.widths) w.put(x === undefined ? null : x === null ? STANDARD : x, null);
    widest = Math.max(widest, 3 + rec.widths.length);
    row++;
  }
  w.end();
  const extent: CellRange = { top: 0, left: 0, bottom: Math.max(0, row - 1), right: Math.max(0, widest - 1) };
  return {
    edit: e,
    name: {
      name: recordName,
      refersTo: refersToRange(sheet, extent),
      comment: "Shinchoku: record of what it wrote",
    },
  };
}
