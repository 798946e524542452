/**
 * Every worksheet's used range → WorkbookSnapshot, for the engine to read by its labels.
 *   sync 1: sheet names, visibility and protection (the protection for the error highlight, which
 *           writes next in the same command and so needs no sync of its own to learn it);
 *   sync 2: every sheet's used range at once: its values, and what the engine needs beside them,
 *           the formulas of formula cells and the number formats of numbers (merged areas too where
 *           ExcelApi 1.13 is there).
 * With ExcelApi 1.9 the formulas and formats come from special cells: the areas of formula cells
 * (formulas, number formats) and of numeric constants (number formats), so Excel does not send a
 * formula (a copy of the value) and "General" for every text cell. Below 1.9 the used range's
 * formulas and number formats are read whole. Both give the same snapshot.
 * When Excel refuses a batch as too large (5 MB request/response, 5 million cells of a range:
 * RangeExceedsLimit) the sheets are read in halves, recursively; a single sheet too large is read in
 * halves of its rows. Newer hosts answer a range over 5 million cells with values null and no error:
 * that sheet is read again by rows (one more sync, only when it happens).
 * Merged areas: getMergedAreasOrNullObject fails past 512 areas and returns only the areas whose
 * top-left cell is in the range, so they are asked in bands of whole rows (each area is in exactly
 * one band), sized from the sheet's extent in the last read, in the same sync as the values. Should
 * a band still hold too many, the batch is read again without merges, then the merges alone in
 * narrower bands (more syncs, only when it happens).
 */
import {
  type CellRange,
  type CellValue,
  type DefinedNameSnapshot,
  keptNumberFormat,
  parseRangeA1,
  recordSheetsNamed,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core";
import { errorCode, isTooLarge, supports } from "./office-errors";
import type { SyncMeter } from "./sync-meter";

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  cellsRead: number;
  /** Every sheet (very hidden ones too) and whether it is protected, from the first sync. */
  sheets: SheetAccess[];
}

export interface SheetAccess {
  name: string;
  protected: boolean;
}

/** Response bytes a read batch aims to stay under (Excel refuses responses over 5 MB). */
export const READ_BUDGET_BYTES = 4.5 * 1024 * 1024;

/**
 * What we know of this workbook's size: response bytes per sheet in the last read, grown by what
 * we wrote since. A read expected to exceed the budget is split up front instead of failing once.
 * `growth`: read bytes to expect per byte written. A full read brings back a written cell's value,
 * formula and format (about 1× what was sent for our fill, on the 240-sheet plan); with special
 * cells only values, and formulas and formats of formula cells and numbers (about 0.4×, styles
 * are never read back). Each is taken half as large again, for a margin; a read still too large
 * costs one refused sync, then goes in halves.
 */
const GROWTH = { fullRead: 1.5, specialCells: 0.6 } as const;
const sizeHint: { bytesPerSheet: number; sheets: number; growth: number } = {
  bytesPerSheet: 0,
  sheets: 0,
  growth: GROWTH.fullRead,
};

export function noteWritten(requestBytes: number): void {
  if (sizeHint.sheets > 0) sizeHint.bytesPerSheet += (requestBytes * sizeHint.growth) / sizeHint.sheets;
}

export function resetSizeHint(): void {
  sizeHint.bytesPerSheet = 0;
  sizeHint.sheets = 0;
  sizeHint.growth = GROWTH.fullRead;
  extents.clear();
}

/**
 * Each sheet in the last read, by upper-cased name: its used range (values only) and the rows of
 * its merged areas' top-left cells. They size the merge bands of the next read.
 */
interface Extent {
  bottom: number;
  right: number;
  mergeTops?: number[];
}
const extents = new Map<string, Extent>();

/** Excel returns at most 512 merged areas per call: a band aims at half that, for what is added since. */
const MERGES_PER_BAND = 256;
/** Without a last read, or after a refusal: bands of about this many cells (a merge has two or more). */
const MERGE_BAND_CELLS = 1000;
/**
 * A sheet not read before: bands of this many rows, as many as a batch affords (each costs about
 * 100 bytes of request and response): MERGE_BANDS_PER_BATCH shared by the batch's new sheets, from
 * 2 to 32 a sheet; then the rest of the sheet as one band.
 */
const DEFAULT_MERGE_BAND = 32;
const MERGE_BANDS_PER_BATCH = 720;
const LAST_ROW = 1048575;

/**
 * Whole-row bands that together cover the sheet, for getMergedAreasOrNullObject (an area is found
 * in the band holding its top-left cell, so none is found twice). From the last read's merges: as
 * few bands as keep each under MERGES_PER_BAND. `narrower` > 1 (after a refusal): bands of about
 * MERGE_BAND_CELLS cells of the used width, divided by `narrower`. The last band runs to the end.
 */
export function mergeBands(
  extent: Extent | undefined,
  narrower = 1,
  newSheets = 1,
): Array<{ top: number; bottom: number }> {
  const out: Array<{ top: number; bottom: number }> = [];
  const tail = (from: number) => out.push({ top: from, bottom: LAST_ROW });
  if (extent?.mergeTops && narrower === 1) {
    const tops = [...extent.mergeTops].sort((a, b) => a - b);
    let top = 0;
    for (let i = MERGES_PER_BAND; i < tops.length; i += MERGES_PER_BAND) {
      // Cut before the row of the (MERGES_PER_BAND+1)th merge since the band's start.
      const cut = Math.max(top + 1, tops[i]);
      out.push({ top, bottom: cut - 1 });
      top = cut;
    }
    tail(top);
    return out;
  }
  const bands = Math.min(32, Math.max(2, Math.floor(MERGE_BANDS_PER_BATCH / Math.max(1, newSheets))));
  const cover = extent ? extent.bottom + 1 : DEFAULT_MERGE_BAND * (bands - 1);
  const rows = extent ? Math.floor(MERGE_BAND_CELLS / (extent.right + 1)) : DEFAULT_MERGE_BAND;
  const band = Math.max(1, Math.floor(rows / narrower));
  for (let top = 0; top < cover; top += band) out.push({ top, bottom: Math.min(top + band, cover) - 1 });
  tail(cover);
  return out;
}

function remember(name: string, box: CellRange | null, merges: CellRange[] | undefined): void {
  if (!box) extents.delete(name.toUpperCase());
  else
    extents.set(name.toUpperCase(), {
      bottom: box.bottom,
      right: box.right,
      ...(merges ? { mergeTops: merges.map((m) => m.top) } : {}),
    });
}

/** Queues the merged areas of a sheet, band by band; `mergesFound` reads them after the sync. */
function queueMerges(
  sheet: Excel.Worksheet,
  name: string,
  meter: SyncMeter,
  narrower = 1,
  newSheets = 1,
): Excel.RangeAreas[] {
  return mergeBands(extents.get(name.toUpperCase()), narrower, newSheets).map((b) => {
    const areas = sheet.getRange(`${b.top + 1}:${b.bottom + 1}`).getMergedAreasOrNullObject();
    areas.load("address");
    // getRange, getMergedAreasOrNullObject, load.
    meter.actions(3);
    return areas;
  });
}

function mergesFound(bands: Excel.RangeAreas[]): CellRange[] {
  return bands.filter((a) => !a.isNullObject).flatMap((a) => parseAreas(a.address));
}

/**
 * An error that may be getMergedAreasOrNullObject refusing more than 512 areas (Microsoft does not
 * document its code): anything but the errors that have another cause.
 */
function mayBeMergeLimit(e: unknown): boolean {
  const code = errorCode(e);
  return !(
    code === "ItemNotFound" ||
    code === "AccessDenied" ||
    code === "ApiNotFound" ||
    code === "PropertyNotLoaded" ||
    code === "InvalidOperationInCellEditMode" ||
    isTooLarge(e)
  );
}

/** `afterFirstSync`: queues what is to ride on the second sync (the settings part's XML). */
export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  meter: SyncMeter,
  onProgress?: (fraction: number) => void,
  afterFirstSync?: () => void,
): Promise<ReadOutcome> {
  // Protection too, for whoever writes next in the same command (the error highlight).
  const { access, names, definedNames } = await loadSheetList(context, meter, "read", true);
  afterFirstSync?.();
  onProgress?.(0.1);
  const how: ReadHow = { merges: supports("1.13"), specialCells: supports("1.9") };
  const before = meter.responseBytes;
  const read = await readSheets(context, meter, names, how);
  if (names.length > 0) {
    sizeHint.bytesPerSheet = (meter.responseBytes - before) / names.length;
    sizeHint.sheets = names.length;
    sizeHint.growth = how.specialCells ? GROWTH.specialCells : GROWTH.fullRead;
  }
  onProgress?.(1);
  const byName = new Map(read.map((s) => [s.name, s]));
  const ordered = names.map((n) => byName.get(n)).filter((s): s is SheetSnapshot => !!s);
  const cellsRead = ordered.reduce((n, s) => n + s.values.reduce((m, row) => m + row.length, 0), 0);
  return { snapshot: { sheets: ordered, names: definedNames }, cellsRead, sheets: access };
}

/**
 * The workbook's sheets in one sync: each one's name and protection, and the names of those that may
 * hold a form (very hidden sheets are other add-ins' storage, never a form).
 */
export async function loadSheetList(
  context: Excel.RequestContext,
  meter: SyncMeter,
  kind: "read" | "write",
  withNames = false,
): Promise<{ access: SheetAccess[]; names: string[]; definedNames: DefinedNameSnapshot[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  meter.send();
  // The workbook's defined names in the same sync: what we own is recorded in them (NamedItem.formula: ExcelApi 1.7).
  const named = withNames ? context.workbook.names.load("items/name,items/formula") : null;
  if (named) meter.send();
  meter.beforeSync(kind);
  await context.sync();
  const access = sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
  const definedNames: DefinedNameSnapshot[] = named
    ? named.items.map((n) => ({ name: n.name, refersTo: n.formula.replace(/^=/, "") }))
    : [];
  // Very hidden sheets are other add-ins' storage, except our own records, which our names point at.
  const ours = new Set(recordSheetsNamed(definedNames).map((n) => n.toUpperCase()));
  const names = sheets.items
    .filter((s) => s.visibility !== "VeryHidden" || ours.has(s.name.toUpperCase()))
    .map((s) => s.name);
  meter.received([access, definedNames]);
  meter.settle();
  return { access, names, definedNames };
}

/** What the host offers: merged areas (ExcelApi 1.13), special cells (1.9). */
interface ReadHow {
  merges: boolean;
  specialCells: boolean;
}

/** The used range's box from its loaded position and size. */
function boxOf(used: Excel.Range): CellRange {
  return {
    top: used.rowIndex,
    left: used.columnIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    right: used.columnIndex + used.columnCount - 1,
  };
}

async function readSheets(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  how: ReadHow,
): Promise<SheetSnapshot[]> {
  if (names.length === 0) return [];
  if (names.length > 1 && names.length * sizeHint.bytesPerSheet > READ_BUDGET_BYTES)
    return readHalves(context, meter, names, how);
  const newSheets = names.filter((n) => !extents.has(n.toUpperCase())).length;
  const queued = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    // Special cells are asked of the whole sheet, not of the used range: on an empty sheet the used
    // range is a null object, and nothing should hang off one. Excel searches only where there are
    // cells; what lies outside the used range is clipped off after the sync.
    const whole = sheet.getRange();
    // getItem, getUsedRangeOrNullObject, getRange; loadCells counts its own.
    meter.actions(3);
    const cells = loadCells(
      used,
      meter,
      how.specialCells,
      "rowIndex,columnIndex,rowCount,columnCount,",
      whole,
    );
    const merges = how.merges ? queueMerges(sheet, name, meter, 1, newSheets) : null;
    return { name, used, cells, merges };
  });
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (how.merges && mayBeMergeLimit(e)) return readMergesApart(context, meter, names, how);
    if (!isTooLarge(e)) throw e;
    if (names.length === 1) return [await readLargeSheet(context, meter, names[0], how)];
    return readHalves(context, meter, names, how);
  }
  const out: SheetSnapshot[] = [];
  const tooLarge: Array<{ at: number; box: CellRange; merges: CellRange[] | undefined }> = [];
  queued.forEach(({ name, used, cells, merges }, at) => {
    const found = merges ? mergesFound(merges) : undefined;
    if (used.isNullObject) {
      remember(name, null, undefined);
      out.push(emptySheet(name));
      return;
    }
    const box = boxOf(used);
    remember(name, box, found);
    const read = cellsRead(cells, name, used.rowIndex, used.columnIndex);
    meter.received([read?.loaded ?? null, found ?? null]);
    if (!read) {
      // Values null without an error: the range was over the cells limit of a get.
      tooLarge.push({ at, box, merges: found });
      out.push(emptySheet(name));
      return;
    }
    if (found) read.snapshot.merges = found;
    out.push(read.snapshot);
  });
  meter.settle();
  for (const t of tooLarge) {
    const name = names[t.at];
    out[t.at] = assemble(name, t.box, await readRows(context, meter, name, t.box, how));
    if (t.merges) out[t.at].merges = t.merges;
  }
  return out;
}

/**
 * A batch refused although its values fit: a band held more merged areas than Excel returns. The
 * sheets again without merges (their extents come with them), then the merges alone, in bands
 * narrower each time; bands of one row still refused: the sheets are read as without ExcelApi 1.13.
 */
async function readMergesApart(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  how: ReadHow,
): Promise<SheetSnapshot[]> {
  const sheets = await readSheets(context, meter, names, { ...how, merges: false });
  return readMergesOnly(context, meter, sheets, 2);
}

/** The merged areas of sheets just read, in bands `narrower` times narrower than the width allows. */
async function readMergesOnly(
  context: Excel.RequestContext,
  meter: SyncMeter,
  sheets: SheetSnapshot[],
  narrower: number,
): Promise<SheetSnapshot[]> {
  if (narrower > 128) return sheets;
  const queued = sheets.map((s) =>
    queueMerges(context.workbook.worksheets.getItem(s.name), s.name, meter, narrower),
  );
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (!mayBeMergeLimit(e)) throw e;
    return readMergesOnly(context, meter, sheets, narrower * 4);
  }
  sheets.forEach((s, i) => {
    s.merges = mergesFound(queued[i]);
    meter.received(s.merges);
    const known = extents.get(s.name.toUpperCase());
    if (known) known.mergeTops = s.merges.map((m) => m.top);
  });
  meter.settle();
  return sheets;
}

async function readHalves(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  how: ReadHow,
): Promise<SheetSnapshot[]> {
  const half = Math.ceil(names.length / 2);
  const first = await readSheets(context, meter, names.slice(0, half), how);
  return first.concat(await readSheets(context, meter, names.slice(half), how));
}

/** One sheet too large for one batch: learn its extent, then read its rows in halves. */
async function readLargeSheet(
  context: Excel.RequestContext,
  meter: SyncMeter,
  name: string,
  how: ReadHow,
): Promise<SheetSnapshot> {
  const sheet = context.workbook.worksheets.getItem(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  // getItem, getUsedRangeOrNullObject and its load; queueMerges counts its own.
  meter.actions(3);
  const merges = how.merges ? queueMerges(sheet, name, meter) : null;
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (how.merges && mayBeMergeLimit(e)) return (await readMergesApart(context, meter, [name], how))[0];
    throw e;
  }
  meter.received(
    used.isNullObject ? null : [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount],
  );
  const found = merges ? mergesFound(merges) : undefined;
  meter.received(found ?? null);
  meter.settle();
  if (used.isNullObject) return emptySheet(name);
  const box = boxOf(used);
  remember(name, box, found);
  const snap = assemble(name, box, await readRows(context, meter, name, box, how));
  if (found) snap.merges = found;
  return snap;
}

/** A sheet read in row pieces as one snapshot. */
function assemble(name: string, box: CellRange, parts: SheetSnapshot[]): SheetSnapshot {
  return {
    name,
    originRow: box.top,
    originCol: box.left,
    values: parts.flatMap((p) => p.values),
    formulas: parts.flatMap((p) => p.formulas ?? []),
    numberFormats: parts.flatMap((p) => p.numberFormats ?? []),
  };
}

async function readRows(
  context: Excel.RequestContext,
  meter: SyncMeter,
  name: string,
  box: CellRange,
  how: ReadHow,
): Promise<SheetSnapshot[]> {
  const range = context.workbook.worksheets
    .getItem(name)
    .getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
  const cells = loadCells(range, meter, how.specialCells);
  let read: ReturnType<typeof cellsRead> = null;
  try {
    meter.beforeSync("read");
    await context.sync();
    read = cellsRead(cells, name, box.top, box.left);
  } catch (e) {
    meter.discardQueued();
    if (!isTooLarge(e) || box.top === box.bottom) throw e;
  }
  if (!read) {
    // Refused, or values null (over the cells limit on newer hosts): in halves of the rows.
    if (box.top === box.bottom) throw new Error(`Excel returned no values for a row of ${name}.`);
    const mid = Math.floor((box.top + box.bottom) / 2);
    const upper = await readRows(context, meter, name, { ...box, bottom: mid }, how);
    return upper.concat(await readRows(context, meter, name, { ...box, top: mid + 1 }, how));
  }
  meter.received(read.loaded);
  meter.settle();
  return [read.snapshot];
}

/** One rectangle of cells as Excel hands it over, positioned on the sheet. */
export interface AreaCells {
  rowIndex: number;
  columnIndex: number;
  /** Only for formula areas. */
  formulas?: unknown[][];
  numberFormat: unknown[][];
}

/** The loads queued for a range's cells; `cellsRead` turns them into the engine's arrays after sync. */
interface QueuedCells {
  range: Excel.Range;
  /** With special cells only: the formula cells, the numeric constants. */
  formulaCells: Excel.RangeAreas | null;
  numberCells: Excel.RangeAreas | null;
}

/**
 * Queues the loads of a range's cells for the next sync (`position`: more properties of the range
 * to load with its values, e.g. "rowIndex,columnIndex,"; `searchIn`: where to look for special
 * cells, by default the range itself; areas are clipped to `range` after the sync).
 *   specialCells (ExcelApi 1.9): values; the formula cells' areas with formulas and number
 *     formats; the numeric constants' areas with number formats;
 *   otherwise: values, formulas and number formats of every cell.
 */
function loadCells(
  range: Excel.Range,
  meter: SyncMeter,
  specialCells: boolean,
  position = "",
  searchIn: Excel.Range = range,
): QueuedCells {
  if (!specialCells) {
    range.load(`${position}values,formulas,numberFormat`);
    meter.send();
    return { range, formulaCells: null, numberCells: null };
  }
  range.load(`${position}values`);
  const formulaCells = searchIn.getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
  formulaCells.areas.load("items/rowIndex,items/columnIndex,items/formulas,items/numberFormat");
  const numberCells = searchIn.getSpecialCellsOrNullObject(
    Excel.SpecialCellType.constants,
    Excel.SpecialCellValueType.numbers,
  );
  numberCells.areas.load("items/rowIndex,items/columnIndex,items/numberFormat");
  // The range's load, and for each kind of special cells the method and its areas' load.
  meter.actions(5);
  return { range, formulaCells, numberCells };
}

/**
 * After the sync: the range's cells as the engine's arrays, and what Excel sent (for the meter);
 * null when Excel sent no values (a range over the cells limit of a get, on newer hosts).
 */
function cellsRead(
  q: QueuedCells,
  name: string,
  originRow: number,
  originCol: number,
): { snapshot: SheetSnapshot; loaded: unknown } | null {
  const { range, formulaCells, numberCells } = q;
  if (!isGrid(range.values)) return null;
  if (!formulaCells || !numberCells) {
    if (!isGrid(range.formulas) || !isGrid(range.numberFormat)) return null;
    return {
      snapshot: toSnapshot(name, originRow, originCol, range.values, range.formulas, range.numberFormat),
      loaded: [range.values, range.formulas, range.numberFormat],
    };
  }
  const formulaAreas = areasOf(formulaCells, true);
  const numberAreas = areasOf(numberCells, false);
  if (!formulaAreas || !numberAreas) return null;
  return {
    snapshot: fromSpecialCells(name, originRow, originCol, range.values, formulaAreas, numberAreas),
    loaded: [range.values, formulaAreas, numberAreas],
  };
}

function isGrid(v: unknown): v is unknown[][] {
  return Array.isArray(v);
}

/** The loaded areas of one kind of special cells (none when Excel found no such cell; null: not sent). */
function areasOf(cells: Excel.RangeAreas, withFormulas: boolean): AreaCells[] | null {
  if (cells.isNullObject) return [];
  const items = cells.areas.items;
  if (items.some((a) => !isGrid(a.numberFormat) || (withFormulas && !isGrid(a.formulas)))) return null;
  return items.map((a) => ({
    rowIndex: a.rowIndex,
    columnIndex: a.columnIndex,
    ...(withFormulas ? { formulas: a.formulas } : {}),
    numberFormat: a.numberFormat,
  }));
}

function emptySheet(name: string): SheetSnapshot {
  return { name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [] };
}

/**
 * Excel's arrays → the engine's: "" is blank, formulas only where there is one, number formats
 * only of numbers ("General" is none): the engine looks at a format only to read a number.
 */
export function toSnapshot(
  name: string,
  originRow: number,
  originCol: number,
  values: unknown[][],
  formulas: unknown[][],
  numberFormats: unknown[][],
): SheetSnapshot {
  return {
    name,
    originRow,
    originCol,
    values: values.map((row) => row.map(toCellValue)),
    formulas: formulas.map((row) => row.map(formulaOf)),
    numberFormats: numberFormats.map((row, i) => row.map((f, j) => keptNumberFormat(values[i]?.[j], f))),
  };
}

/**
 * The same snapshot from special cells: the used range's values, the formula cells' areas and the
 * numeric constants' areas (each positioned on the sheet; cells outside the range are ignored).
 */
export function fromSpecialCells(
  name: string,
  originRow: number,
  originCol: number,
  values: unknown[][],
  formulaAreas: AreaCells[],
  numberAreas: AreaCells[],
): SheetSnapshot {
  const formulas: (string | null)[][] = values.map((row) => row.map(() => null));
  const numberFormats: (string | null)[][] = values.map((row) => row.map(() => null));
  const place = (a: AreaCells, put: (r: number, c: number, i: number, j: number) => void) =>
    a.numberFormat.forEach((line, i) => {
      const r = a.rowIndex - originRow + i;
      if (r < 0 || r >= values.length) return;
      line.forEach((_, j) => {
        const c = a.columnIndex - originCol + j;
        if (c >= 0 && c < values[r].length) put(r, c, i, j);
      });
    });
  for (const a of formulaAreas)
    place(a, (r, c, i, j) => {
      formulas[r][c] = formulaOf(a.formulas?.[i]?.[j]);
      numberFormats[r][c] = keptNumberFormat(values[r][c], a.numberFormat[i][j]);
    });
  for (const a of numberAreas)
    place(a, (r, c, i, j) => {
      numberFormats[r][c] = keptNumberFormat(values[r][c], a.numberFormat[i][j]);
    });
  return {
    name,
    originRow,
    originCol,
    values: values.map((row) => row.map(toCellValue)),
    formulas,
    numberFormats,
  };
}

function formulaOf(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") && f.length > 1 ? f : null;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** "Sheet1!A1:B2,Sheet1!C3:D4" (sheet names may be quoted and contain commas) → ranges. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) out.push(parseRangeA1(m[1]));
  return out;
}
