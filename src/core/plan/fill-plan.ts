/**
 * Computed fields into an area we own beside each block's indicator table:
 *   - left = the table's right edge + 2 (one blank column between);
 *   - the title cell (config.ownedAreaTitle, merged across the area) on the table's first row;
 *   - column headers on the row below, every column headed (the reader measures the area by them), on
 *     one line in columns as wide as they are (the form's rows are one line high: a wrapped header
 *     spills over the rows around it); the sheet's page setup is the staff's and is never in the plan;
 *   - one row per indicator, on the indicator's own row.
 * Live formulas reference the source cells where those hold plain numbers; otherwise values.
 * A cell staff typed where the area would go stops the block: nothing is written over it.
 *
 * Hundreds of sheets of one form give the same areas at the same places, so the text that repeats
 * (headers, sheet prefixes, formulas) is built once per run (FillText) and writes go straight into
 * the sheet's edit: this is on the path of every 転記, for a workbook of several hundred sheets.
 */
import type { Analysis } from "../model/analysis";
import { rangeAt } from "../grid/cell";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { indexOfYear } from "../values/order";
import { Grid } from "../grid/grid";
import { quoteSheetName, rangeToA1, toA1 } from "../grid/address";
import type { Finding } from "../model/finding";
import {
  KIND_JA,
  PERIOD_BASIS_JA,
  type ComputedIndicator,
  type ComputedItem,
  type ComputedYear,
} from "../model/computed";
import { actualPlace, type Block, type Indicator, type IndicatorYear, type SourceCell } from "../model/item";
import type { ShinchokuConfig } from "../config/config";
import { flagBandsOf } from "../compute/flags";
import {
  emptyPlan,
  emptySheetEdit,
  RowWriter,
  type CellFormat,
  type EditPlan,
  type PlanValue,
  type SheetEdit,
} from "./edit-plan";
import { STYLE, colourFlags, shortFiscalYear, textWidth } from "./styles";
import { findingOf } from "../checks/finding";
import { pushTo } from "../values/group";
import {
  AREA_NAME_PREFIX,
  AREA_RECORD_NAME,
  AREA_RECORD_SHEET,
  WIDTHS_NAME_PREFIX,
  findSheet,
  nameKey,
  refersToColumns,
  refersToRange,
  sameName,
} from "../ownership/names";
import {
  editedCells,
  readOwnership,
  shownContent,
  type EditedCell,
  type Ownership,
  type OwnedRect,
} from "../ownership/ownership";
import { EMPTY_PRINT, joinPrints, writePrints } from "../ownership/fingerprint";
import { addSettings, flagLookup, longPrint, settingsPrint } from "./settings-plan";
import { recordEdit, recordSheetName, type RecordMeta, type WidthRecord } from "../ownership/record";
import { insideAny, overlaps, rangesWithout, writesWithout } from "../ownership/cells";

const PER_YEAR = ["達成率", "判定", "増分", "計画累計", "実績累計"] as const;
/** After the years: the indicator's kind, its period rate, and what that rate is taken over. */
const AFTER_YEARS = ["指標の種別", "期間達成率", "期間達成率の基準"] as const;

export interface FillResult {
  plan: EditPlan;
  findings: Finding[];
  /** The areas this plan writes, with the prints of what each holds (the stale check compares them). */
  areas?: ReadonlyArray<{ sheet: string; range: CellRange; prints: readonly string[] }>;
  /**
   * Columns the plan widens whose width staff had is neither recorded nor in the snapshot
   * (SheetSnapshot.columnWidths): a host that can read them plans again with them, so that undo
   * can put them back. Empty when nothing is missing.
   */
  widthsNeeded: Array<{ sheet: string; cols: number[] }>;
  /**
   * The same plan with those widths recorded (per sheet: width in characters, null for the standard
   * width), without planning the areas again. Absent when nothing is needed.
   */
  withWidths?: (read: ReadonlyArray<{ sheet: string; widths: Record<number, number | null> }>) => EditPlan;
}

export function planFill(a: Analysis, wb: WorkbookSnapshot): FillResult {
  const own = readOwnership(wb);
  const run: FillRun = {
    a,
    sheets: new Map(),
    recordedBySheet: new Map(),
    legacyBySheet: new Map(),
    claimed: new Set(),
    edits: new Map(),
    findings: [],
    text: new FillText(a.config),
    areas: [],
    keptAsIs: [],
  };
  for (const s of wb.sheets) run.sheets.set(nameKey(s.name), s);
  for (const o of own.areas) pushTo(run.recordedBySheet, nameKey(o.sheet), o);
  for (const o of a.read.ownedAreas) pushTo(run.legacyBySheet, nameKey(o.sheet), o.range);
  // Block by block in a function of its own: this one runs once per run, and only that gets hot.
  for (const ci of a.computed) for (const block of ci.item.blocks) fillBlock(run, ci, block);
  // Rectangles of ours that no block claimed (its table was removed): ours cleared, staff's kept.
  for (const o of own.areas) if (!run.claimed.has(o)) releaseRect(run, o, null);
  const widthsNeeded: FillResult["widthsNeeded"] = [];
  const plan = fillNames(run, own, wb, widthsNeeded);
  if (widthsNeeded.length === 0) return { plan, findings: run.findings, areas: run.areas, widthsNeeded };
  const withWidths: FillResult["withWidths"] = (read) => {
    for (const r of read) {
      const snap = run.sheets.get(nameKey(r.sheet));
      if (snap)
        run.sheets.set(nameKey(r.sheet), {
          ...snap,
          columnWidths: { ...(snap.columnWidths ?? {}), ...r.widths },
        });
    }
    return fillNames(run, own, wb, []);
  };
  return { plan, findings: run.findings, areas: run.areas, widthsNeeded, withWidths };
}

/**
 * Staff's widths of every column our areas widen, one record per sheet: those recorded before are
 * kept (the first time we changed a column is what undo goes back to), the others taken from the
 * snapshot; a column whose width the snapshot lacks goes to `needed`.
 */
function widthRecords(
  run: FillRun,
  own: Ownership,
  needed: FillResult["widthsNeeded"],
): Array<{ sheet: string; cols: number[]; widths: WidthRecord }> {
  const bySheet = new Map<string, { sheet: string; originals: Map<number, number | null> }>();
  const of = (sheet: string) => {
    let x = bySheet.get(nameKey(sheet));
    if (!x) bySheet.set(nameKey(sheet), (x = { sheet, originals: new Map() }));
    return x;
  };
  for (const o of own.widths)
    o.widths?.forEach((w, i) => {
      const col = o.cols[i];
      if (w !== undefined && col !== null && col !== undefined && !of(o.sheet).originals.has(col))
        of(o.sheet).originals.set(col, w);
    });
  for (const e of run.edits.values()) {
    if (e.columnWidths.length === 0) continue;
    const snap = run.sheets.get(nameKey(e.sheet));
    const x = of(e.sheet);
    const missing: number[] = [];
    for (const { col } of e.columnWidths) {
      if (x.originals.has(col)) continue;
      const known = snap?.columnWidths?.[col];
      if (known !== undefined) x.originals.set(col, known);
      else if (snap?.columnWidthsComplete) x.originals.set(col, null);
      else missing.push(col);
    }
    if (missing.length) needed.push({ sheet: e.sheet, cols: missing.sort((a, b) => a - b) });
  }
  const out: Array<{ sheet: string; cols: number[]; widths: WidthRecord }> = [];
  for (const { sheet, originals } of bySheet.values()) {
    if (originals.size === 0 || !run.sheets.has(nameKey(sheet))) continue;
    const cols = [...originals.keys()].sort((a, b) => a - b);
    out.push({ sheet, cols, widths: cols.map((c) => originals.get(c) ?? null) });
  }
  return out;
}

/** One run of planFill: what its blocks share. */
interface FillRun {
  a: Analysis;
  /** By name as Excel compares them. */
  sheets: Map<string, SheetSnapshot>;
  /** Our areas as the workbook's names record them, by sheet. */
  recordedBySheet: Map<string, OwnedRect[]>;
  /** Areas recognised by their title row alone (a workbook written before names were recorded). */
  legacyBySheet: Map<string, CellRange[]>;
  /** Recorded rectangles a block has taken over (each once). */
  claimed: Set<OwnedRect>;
  edits: Map<string, SheetEdit>;
  findings: Finding[];
  text: FillText;
  /** The areas written this run, in order: each gets a name and a record. */
  areas: Array<{ sheet: string; range: CellRange; prints: string[] }>;
  /** Recorded rectangles left as they are (their block could not be written this run). */
  keptAsIs: OwnedRect[];
}

const NO_OWNED: readonly OwnedRect[] = [];
const NO_RANGES: readonly CellRange[] = [];

/** The block's area into its sheet's edit, or a finding for why it cannot be written. */
function fillBlock(run: FillRun, ci: ComputedItem, block: Block): void {
  if (!block.table || block.indicators.length === 0) return;
  const snap = run.sheets.get(nameKey(block.sheet));
  if (!snap) return;
  const area = areaOf(block);
  const rect: CellRange = { top: area.titleRow, left: area.left, bottom: area.bottom, right: area.right };
  const grid = gridOf(run.a, snap);
  const recorded = (run.recordedBySheet.get(nameKey(block.sheet)) ?? NO_OWNED).filter(
    (o) => !run.claimed.has(o) && overlaps(o.range, rect),
  );
  const owned: CellRange[] = recorded.map((o) => o.range);
  // A workbook written before ownership was recorded: the area whose title stands where ours goes
  // is adopted over exactly the rectangle we write now, nothing beyond it.
  const legacy =
    !rangeAt(owned, area.titleRow, area.left) &&
    (run.legacyBySheet.get(nameKey(block.sheet)) ?? NO_RANGES).some(
      (r) => r.top === area.titleRow && r.left === area.left,
    );
  if (legacy) owned.push(rect);
  const problem = areaProblem(area, block, grid, owned, ci.item.no);
  if (problem) {
    const f = findingOf(problem.code, problem, run.a.config);
    if (f) run.findings.push(f);
    // What we wrote before stays, recorded as it was.
    for (const o of recorded) {
      run.claimed.add(o);
      run.keptAsIs.push(o);
    }
    return;
  }
  const scratch = emptySheetEdit(block.sheet, "item");
  writeArea(scratch, area, block, ci.indicators, run.text);
  const prints = writePrints(scratch.writes, rect);
  const width = rect.right - rect.left + 1;
  const nowPrint = (row: number, col: number) =>
    row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right
      ? prints[(row - rect.top) * width + (col - rect.left)]
      : EMPTY_PRINT;
  const kept: EditedCell[] = [];
  const e = editOf(run, snap.name);
  for (const o of recorded) {
    run.claimed.add(o);
    kept.push(...releaseRect(run, o, nowPrint, ci.item.no));
  }
  if (legacy) e.clear.push(rect);
  mergeInto(
    e,
    scratch,
    kept,
    recorded.map((o) => o.range),
  );
  run.areas.push({ sheet: snap.name, range: rect, prints });
}

/**
 * Clears a recorded rectangle of ours in its sheet's edit, all but the cells staff changed, which
 * are reported (fill/area-edited) and returned.
 */
function releaseRect(
  run: FillRun,
  o: OwnedRect,
  nowPrint: ((row: number, col: number) => string) | null,
  itemNo = "",
): EditedCell[] {
  const snap = run.sheets.get(nameKey(o.sheet));
  if (!snap) return [];
  const edited = editedCells(gridOf(run.a, snap), o, nowPrint ?? (() => EMPTY_PRINT));
  for (const c of edited) {
    const f = findingOf(
      "fill/area-edited",
      {
        itemNo: itemNo || null,
        sheet: snap.name,
        cell: toA1(c.row, c.col),
        params: { cell: toA1(c.row, c.col), value: shownContent(c) },
      },
      run.a.config,
    );
    if (f) run.findings.push(f);
  }
  editOf(run, snap.name).clear.push(...rangesWithout(o.range, edited));
  return edited;
}

/**
 * The scratch area's writes, merges and colours into the sheet's edit, leaving the kept cells alone.
 * A merge or colour rule of ours that the clear does not remove (it reaches a row with a kept cell)
 * stays as it was and is not added again.
 */
function mergeInto(
  e: SheetEdit,
  scratch: SheetEdit,
  kept: readonly EditedCell[],
  old: readonly CellRange[],
): void {
  for (const c of scratch.columnWidths) widen(e, c.col, c.width);
  if (kept.length === 0) {
    e.writes.push(...scratch.writes);
    e.merges.push(...scratch.merges);
    e.conditionalFormats.push(...scratch.conditionalFormats);
    return;
  }
  const at = new Set(kept.map((c) => `${c.row},${c.col}`));
  e.writes.push(...writesWithout(scratch.writes, (row, col) => at.has(`${row},${col}`)));
  const fresh = (r: CellRange) => insideAny(r, e.clear) || !old.some((o) => overlaps(o, r));
  const holdsKept = (r: CellRange) =>
    kept.some((c) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right);
  for (const m of scratch.merges) if (fresh(m) && !holdsKept(m)) e.merges.push(m);
  for (const cf of scratch.conditionalFormats) if (fresh(cf.range)) e.conditionalFormats.push(cf);
}

/** The sheet's edit, made on first use. */
function editOf(run: FillRun, sheet: string): SheetEdit {
  let e = run.edits.get(nameKey(sheet));
  if (!e) {
    e = emptySheetEdit(sheet, "item");
    run.edits.set(nameKey(sheet), e);
  }
  return e;
}

/** The plan: the sheets' edits, a name and a record for every area written, old names dropped. */
function fillNames(
  run: FillRun,
  own: Ownership,
  wb: WorkbookSnapshot,
  needed: FillResult["widthsNeeded"],
): EditPlan {
  const plan: EditPlan = { ...emptyPlan(), edits: [...run.edits.values()] };
  const taken = new Set(run.keptAsIs.map((o) => nameKey(o.name)));
  const records: Array<{
    name: string;
    range: CellRange;
    prints: readonly string[];
    meta?: RecordMeta | null;
  }> = [];
  for (const o of run.keptAsIs)
    if (o.record)
      records.push({ name: o.name, range: o.range, prints: o.record.prints, meta: o.record.meta });
  const settings = fillSettingsPrint(run.a.config);
  let n = 1;
  for (const ar of run.areas) {
    while (taken.has(nameKey(AREA_NAME_PREFIX + n))) n++;
    const name = AREA_NAME_PREFIX + n++;
    plan.names.push({
      name,
      refersTo: refersToRange(ar.sheet, ar.range),
      comment: "Shinchoku: computed area (自動計算欄)",
    });
    records.push({
      name,
      range: ar.range,
      prints: ar.prints,
      meta: { settings, data: areaDataPrint(ar.prints) },
    });
  }
  const widths = widthRecords(run, own, needed).map((w, i) => {
    const name = `${WIDTHS_NAME_PREFIX}${i + 1}`;
    plan.names.push({
      name,
      // A cell a column, so that each moves with its own (names.ts, WIDTHS_NAME_PREFIX).
      refersTo: refersToColumns(w.sheet, w.cols),
      comment: "Shinchoku: column widths staff had (undo puts them back)",
    });
    return { name, widths: w.widths };
  });
  const written = new Set([...taken, ...plan.names.map((x) => nameKey(x.name))]);
  for (const name of own.names)
    if (
      (nameKey(name).startsWith(nameKey(AREA_NAME_PREFIX)) ||
        nameKey(name).startsWith(nameKey(WIDTHS_NAME_PREFIX))) &&
      !written.has(nameKey(name))
    )
      plan.removeNames.push(name);
  if (records.length || widths.length || own.areaRecordSheet) {
    const existing = own.areaRecordSheet ? (findSheet(wb.sheets, own.areaRecordSheet) ?? null) : null;
    const sheet = recordSheetName(wb, existing, AREA_RECORD_SHEET);
    const r = recordEdit(sheet, AREA_RECORD_NAME, records, widths);
    plan.edits.push(r.edit);
    plan.names.push(r.name);
  }
  // The bounds the flag formulas read (_Shinchoku.Band.1 …), as the settings say now.
  if (run.areas.length) addSettings(plan, run.a.config, wb);
  return plan;
}

/**
 * The parts of the settings that shape an area other than through the band names: the bands'
 * labels (the formulas' results), lower-is-better indicators (which way a rate is taken), the
 * indicator kinds, and the area's title. An area recorded with another print is fill/stale.
 */
export function fillSettingsPrint(config: ShinchokuConfig): string {
  return settingsPrint([
    flagBandsOf(config).map((b) => b.label),
    config.lowerIsBetter,
    config.cumulativeMarkers,
    config.annualMarkers,
    config.levelMarkers,
    config.indicatorKinds,
    config.defaultIndicatorKind,
    config.ownedAreaTitle,
  ]);
}

/** What an area holds that no formula follows (values; a formula counts as one): fill/stale when it changes. */
export function areaDataPrint(prints: readonly string[]): string {
  return longPrint(joinPrints(prints));
}

/**
 * Areas recognised by their title alone (written before names were recorded), each over exactly
 * the rectangle its block's area takes now: what undo removes on such a workbook.
 */
export function adoptableAreas(
  a: Analysis,
  wb: WorkbookSnapshot,
): Array<{ sheet: string; range: CellRange }> {
  const own = readOwnership(wb);
  const out: Array<{ sheet: string; range: CellRange }> = [];
  for (const ci of a.computed)
    for (const block of ci.item.blocks) {
      if (!block.table || block.indicators.length === 0) continue;
      const area = areaOf(block);
      const recorded = own.areas.some(
        (o) => sameName(o.sheet, block.sheet) && rangeAt([o.range], area.titleRow, area.left),
      );
      const titled = a.read.ownedAreas.some(
        (o) => sameName(o.sheet, block.sheet) && o.range.top === area.titleRow && o.range.left === area.left,
      );
      if (titled && !recorded)
        out.push({
          sheet: block.sheet,
          range: { top: area.titleRow, left: area.left, bottom: area.bottom, right: area.right },
        });
    }
  return out;
}

/** The reader's grid of the sheet when it read this very snapshot, else one built for it. */
function gridOf(a: Analysis, snap: SheetSnapshot): Grid {
  const g = a.read.grids.get(snap.name);
  return g !== undefined && g.snapshot === snap ? g : new Grid(snap);
}

/** Where a block's area goes: rows and columns, 0-based and inclusive. */
interface Area {
  left: number;
  right: number;
  titleRow: number;
  headerRow: number;
  /** The first and last indicator rows. */
  firstRow: number;
  bottom: number;
}

function areaOf(block: Block): Area {
  const table = block.table!;
  const left = table.right + 2;
  let firstRow = Infinity;
  let bottom = -Infinity;
  for (const ind of block.indicators) {
    firstRow = Math.min(firstRow, ind.nameCell.row);
    bottom = Math.max(bottom, ind.nameCell.row);
  }
  return {
    left,
    right: left + block.fiscalYears.length * PER_YEAR.length + AFTER_YEARS.length - 1,
    titleRow: table.top,
    headerRow: table.top + 1,
    firstRow,
    bottom,
  };
}

/** Why the area cannot be written, if it cannot: no rows for the headers, or a staff-typed cell in it. */
function areaProblem(
  area: Area,
  block: Block,
  grid: Grid,
  owned: readonly CellRange[],
  itemNo: string,
): Problem | null {
  if (area.firstRow < area.headerRow + 1)
    return finding("fill/no-room", block.sheet, area.titleRow, block.table!.left, itemNo, {});
  // Never over a staff-typed cell: every cell of the area must be blank or ours from before.
  // Cells beyond the sheet's used range are empty: only the part of the area inside it is looked at.
  const bottom = Math.min(area.bottom, grid.rowCount - 1);
  const right = Math.min(area.right, grid.colCount - 1);
  for (let r = area.titleRow; r <= bottom; r++)
    for (let c = area.left; c <= right; c++) {
      if (grid.isEmpty(r, c) || rangeAt(owned, r, c)) continue;
      return finding("fill/area-occupied", block.sheet, r, c, itemNo, { cell: toA1(r, c) });
    }
  // Never into, over or apart a staff merged area reaching into the area (beyond the used range
  // too: an empty merge still is one); merges of ours from before lie inside our owned ranges.
  // The one reported is the merge a row-by-row scan of the area's cells meets first.
  const rect = { top: area.titleRow, bottom: area.bottom, left: area.left, right: area.right };
  let first: { m: CellRange; r: number; c: number } | null = null;
  for (const m of grid.mergesIn(rect)) {
    if (owned.some((o) => contains(o, m))) continue;
    const r = Math.max(m.top, rect.top);
    const c = Math.max(m.left, rect.left);
    if (!first || r < first.r || (r === first.r && c < first.c)) first = { m, r, c };
  }
  if (!first) return null;
  const m = first.m;
  return finding("fill/area-merged", block.sheet, m.top, m.left, itemNo, {
    cell: toA1(m.top, m.left),
    merge: rangeToA1(m),
  });
}

function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function writeArea(
  e: SheetEdit,
  area: Area,
  block: Block,
  computed: ComputedIndicator[],
  text: FillText,
): void {
  const { left, right, titleRow, headerRow } = area;
  const years = block.fiscalYears;
  const width = right - left + 1;
  // The title and header rows are the same on every sheet of one form: their lists are shared.
  e.writes.push({
    row: titleRow,
    col: left,
    values: text.titleRow(width),
    formats: text.same(STYLE.areaTitle, width),
    formulas: null,
  });
  e.writes.push({
    row: headerRow,
    col: left,
    values: text.headerRow(years),
    formats: text.same(STYLE.areaHeader, width),
    formulas: null,
  });
  text.headerWidths(years).forEach((w, i) => widen(e, left + i, w));
  const w = text.rows.writeTo(e.writes);
  for (const ind of block.indicators) {
    const ci = computedNamed(computed, ind.name);
    if (ci) writeIndicatorRow(w, ind, ci, years, area, block.sheet, text);
  }
  w.end();

  e.merges.push({ top: titleRow, bottom: titleRow, left, right });
  // The flags are coloured by conditional formats, one range per year's 判定 column. 要確認 is never
  // a formula's result (the formulas fall back to the flag decided now): its rule only where it is.
  for (let yi = 0; yi < years.length; yi++) {
    const col = left + yi * PER_YEAR.length + 1;
    const toCheck = hasFlag(computed, years[yi], "要確認");
    colourFlags(
      e,
      { top: area.firstRow, bottom: area.bottom, left: col, right: col },
      (f) => f !== "要確認" || toCheck,
    );
  }
}

/** Column `col` at least `width` wide (two blocks of a sheet may share columns: the wider need wins). */
function widen(e: SheetEdit, col: number, width: number): void {
  for (const c of e.columnWidths)
    if (c.col === col) {
      c.width = Math.max(c.width, width);
      return;
    }
  e.columnWidths.push({ col, width });
}

/** Whether some indicator has that flag in that year. */
function hasFlag(computed: ComputedIndicator[], fy: number, flag: string): boolean {
  for (const ci of computed)
    for (const y of ci.years) if (y.fiscalYear === fy && y.flag === flag) return true;
  return false;
}

/** The computed indicator of that name (the first, as names are how blocks and items are joined). */
function computedNamed(computed: ComputedIndicator[], name: string): ComputedIndicator | undefined {
  for (const c of computed) if (c.indicator.name === name) return c;
  return undefined;
}

/** One indicator's row: five cells per fiscal year of the block, then the kind, period rate and its basis. */
function writeIndicatorRow(
  w: RowWriter,
  ind: Indicator,
  ci: ComputedIndicator,
  years: number[],
  area: Area,
  sheet: string,
  text: FillText,
): void {
  const row = ind.nameCell.row;
  const lower = ind.lowerIsBetter;
  const rateCells = new Map<number, string>();
  w.start(row, area.left);
  for (let yi = 0; yi < years.length; yi++) {
    const fy = years[yi];
    const idx = indexOfYear(ci.indicator.years, fy);
    const cyIdx = indexOfYear(ci.years, fy);
    if (idx < 0 || cyIdx < 0) {
      w.skip(PER_YEAR.length);
      continue;
    }
    const y = ci.indicator.years[idx];
    const cy = ci.years[cyIdx];
    const base = area.left + yi * PER_YEAR.length;
    // A live rate cell of this row: the period rate reads it for this year.
    if (y.plan && liveRate(y.plan, y.actual)) rateCells.set(fy, toA1(row, base));
    putRate(w, y, cy, lower, sheet, text);
    putFlag(w, cy, toA1(row, base), liveRate(y.plan, y.actual), text);
    putIncrement(w, ci, idx, cy, sheet, text);
    putTotal(w, ci.indicator, fy, cy, "plan", sheet, text);
    putTotal(w, ci.indicator, fy, cy, "actual", sheet, text);
  }
  // Plain cells for the two words: a format of their own would cost the add-in's write two more
  // format ranges per block (its request budget is counted per range).
  w.put(KIND_JA[ci.kind], STYLE.cell);
  putPeriodRate(w, ci, sheet, text, rateCells);
  w.put(PERIOD_BASIS_JA[ci.periodBasis], STYLE.cell);
}

/** A finding before its severity is settled (findingOf). */
type Problem = Omit<Finding, "severity">;

function finding(
  code: string,
  sheet: string,
  row: number,
  col: number,
  itemNo: string,
  params: Finding["params"],
): Problem {
  return { code, itemNo: itemNo || null, sheet, cell: toA1(row, col), params };
}

/** A source cell a live formula may reference: a plain number, or blank (the actual to come). */
const plain = (c: SourceCell | null) => c === null || typeof c.raw === "number";
const liveRate = (plan: SourceCell | null, actual: SourceCell | null) =>
  !!plan && typeof plan.raw === "number" && plain(actual);

/**
 * What repeats across one run's writes, each distinct piece built once: the title and header rows
 * (values and formats, shared by every sheet with the same years), sheet prefixes, and the rate,
 * flag and increment formulas, which differ only by the cells they reference; and one row writer,
 * so that indicator rows of every sheet share their formats.
 */
class FillText {
  private readonly headers = new Map<string, PlanValue[]>();
  private readonly titles = new Map<number, PlanValue[]>();
  private readonly widths = new Map<string, number[]>();
  private readonly sameFormats = new Map<CellFormat, Map<number, Array<CellFormat | null>>>();
  private readonly prefixes = new Map<string, string>();
  readonly rows = new RowWriter([]);
  readonly rateFormula: FormulaMemo;
  /** Lower is better: plan ÷ actual. */
  readonly lowerRateFormula: FormulaMemo;
  readonly flagFormula: FormulaMemo;
  readonly incrementFormula: FormulaMemo;

  constructor(readonly config: ShinchokuConfig) {
    this.rateFormula = new FormulaMemo(
      (p, a) => `=IF(AND(ISNUMBER(${p}),ISNUMBER(${a}),${p}<>0),${a}/${p},"")`,
    );
    this.lowerRateFormula = new FormulaMemo(
      (p, a) => `=IF(AND(ISNUMBER(${p}),ISNUMBER(${a}),${a}<>0),${p}/${a},"")`,
    );
    // When the rate cannot be computed yet, the flag we decided now (未入力 or 対象外) stands: the fallback.
    this.flagFormula = new FormulaMemo(
      (rate, fallback) => `=IF(ISNUMBER(${rate}),${bandFormula(rate)},"${fallback}")`,
    );
    this.incrementFormula = new FormulaMemo((cur, prev) => `=${cur}-${prev}`);
  }

  /** The header row: "H27 達成率", … for each fiscal year, then 期間達成率. One list per run of years. */
  headerRow(years: number[]): PlanValue[] {
    const key = years.join(",");
    let row = this.headers.get(key);
    if (!row) {
      row = [];
      for (const fy of years) {
        const short = shortFiscalYear(fy);
        for (const h of PER_YEAR) row.push(`${short} ${h}`);
      }
      for (const h of AFTER_YEARS) row.push(h);
      this.headers.set(key, row);
    }
    return row;
  }

  /**
   * The area's column widths: one width for all, the widest header's on one line in the bold header
   * font (two characters of margin), at least 9 (a rate "100.0%", a six-digit count with its comma).
   * One width makes the columns one range for the add-in: one call per sheet, not one per column.
   */
  headerWidths(years: number[]): number[] {
    const key = years.join(",");
    let widths = this.widths.get(key);
    if (!widths) {
      const row = this.headerRow(years);
      let widest = 9;
      for (const h of row) widest = Math.max(widest, textWidth(String(h)) + 2);
      widths = row.map(() => widest);
      this.widths.set(key, widths);
    }
    return widths;
  }

  /** The title row: the title, then blanks across the merged area (its format reaches every cell). */
  titleRow(width: number): PlanValue[] {
    let row = this.titles.get(width);
    if (!row) {
      row = new Array<PlanValue>(width).fill(null);
      row[0] = this.config.ownedAreaTitle;
      this.titles.set(width, row);
    }
    return row;
  }

  /** One format for `width` cells, the list shared. */
  same(format: CellFormat, width: number): Array<CellFormat | null> {
    let byWidth = this.sameFormats.get(format);
    if (!byWidth) this.sameFormats.set(format, (byWidth = new Map()));
    let row = byWidth.get(width);
    if (!row) byWidth.set(width, (row = new Array<CellFormat | null>(width).fill(format)));
    return row;
  }

  /** A reference to a source cell from a formula on `fromSheet`. */
  ref(c: SourceCell, fromSheet: string): string {
    return this.refAt(c.sheet, c.cell, fromSheet);
  }

  refAt(sheet: string, cell: string, fromSheet: string): string {
    if (sheet === fromSheet) return cell;
    let prefix = this.prefixes.get(sheet);
    if (prefix === undefined) {
      prefix = `${quoteSheetName(sheet)}!`;
      this.prefixes.set(sheet, prefix);
    }
    return prefix + cell;
  }
}

/**
 * The band a rate falls in, looked up in the bands' table of the settings sheet (settings-plan.ts):
 * LOOKUP(Q14,_Shinchoku.Flags). A bound or a label saved in the settings shows in every flag at once.
 */
export function bandFormula(rate: string): string {
  return flagLookup(rate);
}

/** A source a live formula may read: absent, blank, or a plain number (text such as "1,152人" is not). */
const liveSource = (c: SourceCell | null) =>
  c === null || typeof c.raw === "number" || c.parsed.kind === "blank";

/**
 * The period rate by the indicator's kind, as a formula over the source cells of every year of the
 * item (domain.md, Computed fields), where every one of them is blank or a plain number:
 * - last year (cumulative, level): the last year with both figures, its actual ÷ its plan:
 *   IF(COUNT(P4,A4)=2,IF(P4,A4/P4,""),IF(COUNT(P3,A3)=2,…,""));
 * - period total (annual): the actuals' sum ÷ the plans' sum over the years with both:
 *   IFERROR((IF(COUNT(P1,A1)=2,A1,0)+…)/(IF(COUNT(P1,A1)=2,P1,0)+…),"").
 * (Lower is better: plan ÷ actual.) Null where a figure is text: the value we computed stands.
 */
export function periodRateFormula(
  ind: Indicator,
  basis: ComputedIndicator["periodBasis"],
  ref: (c: { sheet: string; row: number; col: number }) => string,
  rateCells: ReadonlyMap<number, string> = new Map(),
): string | null {
  const pairs: RatePair[] = [];
  for (const y of ind.years) {
    if (!liveSource(y.plan) || !liveSource(y.actual)) return null;
    if (!y.plan) continue;
    const at = y.actual ?? { sheet: y.plan.sheet, ...actualPlace(y, y.plan) };
    pairs.push({ p: ref(y.plan), a: ref(at), r: rateCells.get(y.fiscalYear) });
  }
  return periodRateOfPairs(pairs, basis, ind.lowerIsBetter);
}

/**
 * A year's plan and actual (references), and a cell beside them that computes exactly this year's
 * rate ("" when the plan is 0), where there is one: the period formula reads it, shorter.
 */
export interface RatePair {
  p: string;
  a: string;
  r?: string;
}

/** The period rate's formula over each year's plan and actual (references), in year order; null for none. */
export function periodRateOfPairs(
  pairs: readonly RatePair[],
  basis: ComputedIndicator["periodBasis"],
  lower: boolean,
): string | null {
  if (pairs.length === 0) return null;
  // COUNT counts the numbers among its references: 2 when both figures are numbers.
  const both = (x: { p: string; a: string }) => `COUNT(${x.p},${x.a})=2`;
  if (basis === "last-year") {
    let f = '""';
    for (const x of pairs) {
      const [num, den] = lower ? [x.p, x.a] : [x.a, x.p];
      f = `IF(${both(x)},${x.r ?? `IFERROR(${num}/${den},"")`},${f})`;
    }
    return `=${f}`;
  }
  const sum = (pick: "p" | "a") => pairs.map((x) => `IF(${both(x)},${x[pick]},0)`).join("+");
  const [num, den] = lower ? [sum("p"), sum("a")] : [sum("a"), sum("p")];
  return `=IFERROR((${num})/(${den}),"")`;
}

function putPeriodRate(
  w: RowWriter,
  ci: ComputedIndicator,
  sheet: string,
  text: FillText,
  rateCells: ReadonlyMap<number, string>,
): void {
  const formula = periodRateFormula(
    ci.indicator,
    ci.periodBasis,
    (c) => text.refAt(c.sheet, toA1(c.row, c.col), sheet),
    rateCells,
  );
  w.put(formula && ci.periodRate === null ? "" : ci.periodRate, STYLE.rate, formula);
}

/** Formula text by the two references it is made of, each distinct formula built once. */
class FormulaMemo {
  private readonly byFirst = new Map<string, Map<string, string>>();

  constructor(private readonly build: (first: string, second: string) => string) {}

  get(first: string, second: string): string {
    let bySecond = this.byFirst.get(first);
    if (!bySecond) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    let text = bySecond.get(second);
    if (text === undefined) {
      text = this.build(first, second);
      bySecond.set(second, text);
    }
    return text;
  }
}

// Each cell of an indicator row, put by what it holds: a live formula where the sources allow.

function putRate(
  w: RowWriter,
  y: IndicatorYear,
  cy: ComputedYear,
  lower: boolean,
  sheet: string,
  text: FillText,
): void {
  const { plan, actual } = y;
  if (!plan || !liveRate(plan, actual)) {
    w.put(cy.rate, STYLE.rate);
    return;
  }
  const p = text.ref(plan, sheet);
  let a: string;
  if (actual) a = text.ref(actual, sheet);
  else {
    // A blank actual is referenced where it will be typed (not always right of the plan: merges).
    const blank = actualPlace(y, plan);
    a = text.refAt(plan.sheet, toA1(blank.row, blank.col), sheet);
  }
  const formula = (lower ? text.lowerRateFormula : text.rateFormula).get(p, a);
  w.put(cy.rate === null ? "" : cy.rate, STYLE.rate, formula);
}

function putFlag(w: RowWriter, cy: ComputedYear, rateCell: string, live: boolean, text: FillText): void {
  if (!live) {
    w.put(cy.flag, STYLE.flag);
    return;
  }
  const fallback = cy.rate === null ? cy.flag : "";
  w.put(cy.flag, STYLE.flag, text.flagFormula.get(rateCell, fallback));
}

function putIncrement(
  w: RowWriter,
  ci: ComputedIndicator,
  idx: number,
  cy: ComputedYear,
  sheet: string,
  text: FillText,
): void {
  const ind = ci.indicator;
  // The change from the year before: cumulative and level figures (annual ones have totals instead).
  const value = ci.kind !== "annual" ? cy.increment : null;
  if (value === null) {
    w.put(value, STYLE.count);
    return;
  }
  const cur = ind.years[idx].actual;
  const prev = previousActual(ind, idx);
  const live = cur && prev && typeof cur.raw === "number" && typeof prev.raw === "number";
  w.put(
    value,
    STYLE.count,
    live ? text.incrementFormula.get(text.ref(cur, sheet), text.ref(prev, sheet)) : null,
  );
}

/** The actual before year idx: the last earlier year with a number, or the baseline. */
function previousActual(ind: Indicator, idx: number): SourceCell | null {
  for (let i = idx - 1; i >= 0; i--) {
    const a = ind.years[i].actual;
    if (a && a.parsed.kind === "number") return a;
  }
  const b = ind.baseline.cell;
  return b && b.parsed.kind === "number" ? b : null;
}

function putTotal(
  w: RowWriter,
  ind: Indicator,
  fy: number,
  cy: ComputedYear,
  role: "plan" | "actual",
  sheet: string,
  text: FillText,
): void {
  // Running totals of annual figures only: a level or a running total summed over years means nothing.
  const value = ind.kind !== "annual" ? null : role === "plan" ? cy.planTotal : cy.actualTotal;
  w.put(value, STYLE.count, value === null ? null : sumFormula(ind, fy, role, sheet, text));
}

/** "=SUM(F15,J15)": the role's cells of the years up to fy, live only when all are plain numbers. */
function sumFormula(
  ind: Indicator,
  fy: number,
  role: "plan" | "actual",
  sheet: string,
  text: FillText,
): string | null {
  let args = "";
  for (const y of ind.years) {
    if (y.fiscalYear > fy) continue;
    const c = y[role];
    if (!c || typeof c.raw !== "number") return null;
    args = args === "" ? text.ref(c, sheet) : `${args},${text.ref(c, sheet)}`;
  }
  return `=SUM(${args})`;
}
