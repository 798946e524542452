/**
 * The settings our formulas read, written into the workbook: each flag band's lower bound (達成率)
 * in a cell of a very hidden sheet of ours, and a workbook-scoped defined name per bound,
 * `_Shinchoku.Band.1` (the best band's bound: 達成 at 100% by default), `_Shinchoku.Band.2`, …
 * The computed areas' and the summary's flag formulas reference the names
 * (`IF(Q14>=_Shinchoku.Band.1,"達成",…)`), so a threshold saved in the settings shows in every
 * flag at once, without writing the areas again.
 *
 * Why names that refer to cells, and not constant names (`=0.8`): ExcelJS, which writes the CLI's
 * files, can neither write nor read a constant name, and the engine must see the bounds the formulas
 * use to tell a workbook made with other settings (fill/stale). Excel's Name Manager lists each name
 * with its value and comment, so staff can read which bound a formula uses; the sheet itself is very
 * hidden (Excel's UI cannot unhide it), as our record sheets are: the settings panel is where a bound
 * is changed, never a cell. Names keep our prefix, so `undo` removes them with the others.
 * See docs/ownership.md.
 */
import type { FlagBand, ShinchokuConfig } from "../config/config";
import type { SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { Grid } from "../grid/grid";
import { quoteSheetName } from "../grid/address";
import { flagBandsOf } from "../compute/flags";
import { emptySheetEdit, RowWriter, type EditPlan, type NameWrite, type SheetEdit } from "./edit-plan";
import {
  NAME_PREFIX,
  SETTINGS_NAME,
  findSheet,
  nameKey,
  ourNames,
  refersToRange,
  sameName,
} from "../ownership/names";
import { RECORD_MARKER, recordSheet, recordSheetName } from "../ownership/record";
import { textPrintPair } from "../ownership/fingerprint";

export const SETTINGS_SHEET = "_shinchoku_settings";
export const BAND_NAME_PREFIX = `${NAME_PREFIX}Band.`;

/** `_Shinchoku.Band.1` …: the lower bound of the i-th band, best first (1-based). */
export function bandName(i: number): string {
  return `${BAND_NAME_PREFIX}${i}`;
}

/** The bands with a bound of their own: every band but the lowest (which takes what is left). */
export function boundedBands(config: ShinchokuConfig): FlagBand[] {
  const bands = flagBandsOf(config);
  return bands.slice(0, bands.length - 1);
}

/** Rows of the settings sheet: row 1 the marker, then one row per band, lowest first (A bound, B label, C what it means). */
const FIRST_ROW = 1;
/** The lowest band's bound: below any rate (LOOKUP finds nothing below its first bound). */
const LOWEST_BOUND = -1e300;
/** The bands' table (bounds ascending, labels): what the flag formulas look a rate up in. */
export const FLAGS_NAME = `${NAME_PREFIX}Flags`;

/** "LOOKUP(Q14,_Shinchoku.Flags)": the band a rate falls in, by the bounds the settings sheet holds. */
export function flagLookup(rate: string): string {
  return `LOOKUP(${rate},${FLAGS_NAME})`;
}

/**
 * The settings sheet (recreated each time) and its names: the bands' table, a name per bound (best
 * first, for the Name Manager and the summary's legend), the sheet's own name, and the removal of
 * band names of ours beyond today's bands.
 */
export function settingsEdit(
  config: ShinchokuConfig,
  wb: WorkbookSnapshot,
): { edit: SheetEdit; names: NameWrite[]; removeNames: string[] } {
  const existing = recordSheet(wb, SETTINGS_NAME);
  const sheet = recordSheetName(wb, existing, SETTINGS_SHEET);
  const e = emptySheetEdit(sheet, "owned");
  e.hidden = true;
  const w = new RowWriter(e.writes);
  w.start(0, 0).put(RECORD_MARKER, null);
  // Lowest first: LOOKUP takes the last bound at or below the rate (the best band among equal bounds).
  const bands = [...flagBandsOf(config)].reverse();
  const names: NameWrite[] = [];
  const prefix = `${quoteSheetName(sheet)}!`;
  bands.forEach((b, i) => {
    const row = FIRST_ROW + i;
    const pct = `${Math.round(b.min * 1000) / 10}%`;
    const lowest = i === 0;
    w.start(row, 0)
      .put(lowest ? LOWEST_BOUND : b.min, { numberFormat: "0.0%" })
      .put(b.label, null)
      .put(
        lowest
          ? `どの下限にも届かない達成率は「${b.label}」`
          : `達成率が ${pct} 以上で「${b.label}」（設定から書き込まれます。ここでは変更しないでください）`,
        null,
      );
    if (!lowest)
      names.push({
        name: bandName(bands.length - i),
        refersTo: `${prefix}$A$${row + 1}`,
        comment: `Shinchoku: 「${b.label}」の下限（達成率 ${pct}）。設定パネルで変更します`,
      });
  });
  w.end();
  names.reverse();
  const last = FIRST_ROW + bands.length;
  names.push({
    name: FLAGS_NAME,
    refersTo: `${prefix}$A$${FIRST_ROW + 1}:$B$${last}`,
    comment: "Shinchoku: 判定の区分（下限と名前）。計算欄と集計の判定が参照します",
  });
  names.push({
    name: SETTINGS_NAME,
    refersTo: refersToRange(sheet, { top: 0, left: 0, bottom: last - 1, right: 2 }),
    comment: "Shinchoku: settings the formulas read",
  });
  const keep = new Set(names.map((n) => nameKey(n.name)));
  const removeNames = ourNames(wb)
    .map((n) => n.name)
    .filter((n) => nameKey(n).startsWith(nameKey(BAND_NAME_PREFIX)) && !keep.has(nameKey(n)));
  return { edit: e, names, removeNames };
}

/** The settings sheet and names added to a plan (fill and summary both carry them: either may run alone). */
export function addSettings(plan: EditPlan, config: ShinchokuConfig, wb: WorkbookSnapshot): void {
  const s = settingsEdit(config, wb);
  plan.edits.push(s.edit);
  plan.names.push(...s.names);
  for (const n of s.removeNames) if (!plan.removeNames.some((x) => sameName(x, n))) plan.removeNames.push(n);
}

/**
 * The plan a saved setting needs, for a workbook that has our formulas: the settings sheet rewritten
 * (the flags follow at once). Null when the workbook has none of our names (nothing reads them).
 */
export function planSettings(config: ShinchokuConfig, wb: WorkbookSnapshot): EditPlan | null {
  if (ourNames(wb).length === 0) return null;
  const plan: EditPlan = { edits: [], names: [], removeNames: [], removeSheets: [] };
  addSettings(plan, config, wb);
  return plan;
}

/** The settings sheet of the workbook, if there is one of ours. */
export function settingsSheet(wb: WorkbookSnapshot): SheetSnapshot | null {
  return recordSheet(wb, SETTINGS_NAME);
}

/**
 * The bands the workbook's formulas use now, best first, as its settings sheet holds them (label and
 * bound; the lowest band's bound is none); null when the workbook has no settings of ours.
 */
export function workbookBands(wb: WorkbookSnapshot): Array<{ label: string; min: number | null }> | null {
  const sheet = settingsSheet(wb);
  if (!sheet) return null;
  const grid = new Grid(sheet);
  const out: Array<{ label: string; min: number | null }> = [];
  for (let r = FIRST_ROW; r < grid.rowCount; r++) {
    const min = grid.value(r, 0);
    const label = grid.value(r, 1);
    if (typeof label !== "string") break;
    out.push({ label, min: typeof min === "number" && r > FIRST_ROW ? min : null });
  }
  return out.reverse();
}

/** Whether the workbook's bands are today's settings' (labels and bounds, in order). */
export function bandsAgree(config: ShinchokuConfig, wb: WorkbookSnapshot): boolean {
  const have = workbookBands(wb);
  if (have === null) return true;
  const want = flagBandsOf(config);
  return (
    have.length === want.length &&
    want.every(
      (b, i) =>
        have[i].label === b.label &&
        (i === want.length - 1 || (have[i].min !== null && same(have[i].min!, b.min))),
    )
  );
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-12;

/**
 * A short fingerprint of settings (the parts of the configuration that shape what a plan writes
 * other than through the names above), kept in the record beside what was written.
 */
export function settingsPrint(parts: unknown): string {
  return longPrint(JSON.stringify(parts));
}

/** Eight hex digits of a text (two 16-bit prints): a change of settings or data is told apart. */
export function longPrint(text: string): string {
  const [a, b] = textPrintPair(text);
  return a + b;
}

/** Whether a sheet is the settings sheet of the workbook (by the name pointing at it). */
export function isSettingsSheet(wb: WorkbookSnapshot, sheet: string): boolean {
  const s = settingsSheet(wb);
  return !!s && sameName(s.name, sheet) && !!findSheet(wb.sheets, sheet);
}
