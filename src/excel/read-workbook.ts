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
 * When Excel refuses a batch as too large (5 MB request/response, 5 million cells) the sheets are
 * read in halves, recursively; a single sheet too large is read in halves of its rows.
 */
import {
  keptNumberFormat,
  type CellRange,
  type CellValue,
  type DefinedNameSnapshot,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../core/grid/cell";
import { parseRangeA1 } from "../core/grid/address";
import { recordSheetsNamed } from "../core/ownership/record";
import { isTooLarge, supports } from "./office-errors";
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
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  meter: SyncMeter,
  onProgress?: (fraction: number) => void,
): Promise<ReadOutcome> {
  // Protection too, for whoever writes next in the same command (the error highlight).
  const { access, names, definedNames } = await loadSheetList(context, meter, "read", true);
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

async function readSheets(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  how: ReadHow,
): Promise<SheetSnapshot[]> {
  if (names.length === 0) return [];
  if (names.length > 1 && names.length * sizeHint.bytesPerSheet > READ_BUDGET_BYTES)
    return readHalves(context, meter, names, how);
  const queued = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    // Special cells and merged areas are asked of the whole sheet, not of the used range: on an
    // empty sheet the used range is a null object, and nothing should hang off one. Excel searches
    // only where there are cells; what lies outside the used range is clipped off after the sync.
    const whole = sheet.getRange();
    // getItem, getUsedRangeOrNullObject, getRange; loadCells counts its own.
    meter.actions(3);
    const cells = loadCells(used, meter, how.specialCells, "rowIndex,columnIndex,", whole);
    const areas = how.merges ? whole.getMergedAreasOrNullObject() : null;
    areas?.load("address");
    if (areas) meter.actions(2);
    return { name, used, cells, areas };
  });
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (!isTooLarge(e)) throw e;
    if (names.length === 1) return [await readLargeSheet(context, meter, names[0], how)];
    return readHalves(context, meter, names, how);
  }
  const out = queued.map(({ name, used, cells, areas }) => {
    if (used.isNullObject) return emptySheet(name);
    const { snapshot, loaded } = cellsRead(cells, name, used.rowIndex, used.columnIndex);
    if (areas && !areas.isNullObject) snapshot.merges = parseAreas(areas.address);
    meter.received([loaded, snapshot.merges ?? null]);
    return snapshot;
  });
  meter.settle();
  return out;
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
  // Of the whole sheet, as in readSheets: nothing hangs off a used range that may be a null object.
  const areas = how.merges ? sheet.getRange().getMergedAreasOrNullObject() : null;
  areas?.load("address");
  // Counted as readSheets counts them: getItem, getUsedRangeOrNullObject and its load; getRange,
  // getMergedAreasOrNullObject and its load.
  meter.actions(3);
  if (areas) meter.actions(3);
  meter.beforeSync("read");
  await context.sync();
  meter.received(
    used.isNullObject ? null : [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount],
  );
  meter.received(areas && !areas.isNullObject ? areas.address : null);
  meter.settle();
  if (used.isNullObject) return emptySheet(name);
  const box: CellRange = {
    top: used.rowIndex,
    left: used.columnIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    right: used.columnIndex + used.columnCount - 1,
  };
  const parts = await readRows(context, meter, name, box, how);
  const snap: SheetSnapshot = {
    name,
    originRow: box.top,
    originCol: box.left,
    values: parts.flatMap((p) => p.values),
    formulas: parts.flatMap((p) => p.formulas ?? []),
    numberFormats: parts.flatMap((p) => p.numberFormats ?? []),
  };
  if (areas && !areas.isNullObject) snap.merges = parseAreas(areas.address);
  return snap;
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
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (!isTooLarge(e) || box.top === box.bottom) throw e;
    const mid = Math.floor((box.top + box.bottom) / 2);
    const upper = await readRows(context, meter, name, { ...box, bottom: mid }, how);
    return upper.concat(await readRows(context, meter, name, { ...box, top: mid + 1 }, how));
  }
  const { snapshot, loaded } = cellsRead(cells, name, box.top, box.left);
  meter.received(loaded);
  meter.settle();
  return [snapshot];
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

/** After the sync: the range's cells as the engine's arrays, and what Excel sent (for the meter). */
function cellsRead(
  q: QueuedCells,
  name: string,
  originRow: number,
  originCol: number,
): { snapshot: SheetSnapshot; loaded: unknown } {
  const { range, formulaCells, numberCells } = q;
  if (!formulaCells || !numberCells)
    return {
      snapshot: toSnapshot(name, originRow, originCol, range.values, range.formulas, range.numberFormat),
      loaded: [range.values, range.formulas, range.numberFormat],
    };
  const formulaAreas = areasOf(formulaCells, true);
  const numberAreas = areasOf(numberCells, false);
  return {
    snapshot: fromSpecialCells(name, originRow, originCol, range.values, formulaAreas, numberAreas),
    loaded: [range.values, formulaAreas, numberAreas],
  };
}

/** The loaded areas of one kind of special cells (none when Excel found no such cell). */
function areasOf(cells: Excel.RangeAreas, withFormulas: boolean): AreaCells[] {
  if (cells.isNullObject) return [];
  return cells.areas.items.map((a) => ({
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
