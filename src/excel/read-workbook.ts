/**
 * Every worksheet's used range → WorkbookSnapshot, for the engine to read by its labels.
 *   sync 1: sheet names and visibility;
 *   sync 2: every sheet's used range at once (values, formulas, number formats; merged areas where
 *           ExcelApi 1.13 is there).
 * When Excel refuses a batch as too large (5 MB request/response, 5 million cells) the sheets are
 * read in halves, recursively; a single sheet too large is read in halves of its rows.
 */
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/grid/cell";
import { parseRangeA1 } from "../core/grid/address";
import { isTooLarge, supports } from "./office-errors";
import type { SyncMeter } from "./sync-meter";

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  cellsRead: number;
}

/** Response bytes a read batch aims to stay under (Excel refuses responses over 5 MB). */
export const READ_BUDGET_BYTES = 4.5 * 1024 * 1024;

/**
 * What we know of this workbook's size: response bytes per sheet in the last read, grown by what
 * we wrote since. A read expected to exceed the budget is split up front instead of failing once.
 */
const sizeHint = { bytesPerSheet: 0, sheets: 0 };

export function noteWritten(requestBytes: number): void {
  if (sizeHint.sheets > 0) sizeHint.bytesPerSheet += (requestBytes * 1.5) / sizeHint.sheets;
}

export function resetSizeHint(): void {
  sizeHint.bytesPerSheet = 0;
  sizeHint.sheets = 0;
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  meter: SyncMeter,
  onProgress?: (fraction: number) => void,
): Promise<ReadOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  meter.send();
  meter.beforeSync("read");
  await context.sync();
  // Very hidden sheets are other add-ins' storage, never a form.
  const names = sheets.items.filter((s) => s.visibility !== "VeryHidden").map((s) => s.name);
  meter.received(names);
  meter.settle();
  onProgress?.(0.1);
  const merges = supports("1.13");
  const before = meter.responseBytes;
  const read = await readSheets(context, meter, names, merges);
  if (names.length > 0) {
    sizeHint.bytesPerSheet = (meter.responseBytes - before) / names.length;
    sizeHint.sheets = names.length;
  }
  onProgress?.(1);
  const byName = new Map(read.map((s) => [s.name, s]));
  const ordered = names.map((n) => byName.get(n)).filter((s): s is SheetSnapshot => !!s);
  const cellsRead = ordered.reduce((n, s) => n + s.values.reduce((m, row) => m + row.length, 0), 0);
  return { snapshot: { sheets: ordered }, cellsRead };
}

async function readSheets(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  merges: boolean,
): Promise<SheetSnapshot[]> {
  if (names.length === 0) return [];
  if (names.length > 1 && names.length * sizeHint.bytesPerSheet > READ_BUDGET_BYTES)
    return readHalves(context, meter, names, merges);
  const queued = names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,values,formulas,numberFormat");
    const areas = merges ? used.getMergedAreasOrNullObject() : null;
    areas?.load("address");
    // getItem, getUsedRangeOrNullObject, its load, and the same two for the merged areas.
    for (let i = 0; i < (areas ? 5 : 3); i++) meter.send();
    return { name, used, areas };
  });
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (!isTooLarge(e)) throw e;
    if (names.length === 1) return [await readLargeSheet(context, meter, names[0], merges)];
    return readHalves(context, meter, names, merges);
  }
  const out = queued.map(({ name, used, areas }) => {
    if (used.isNullObject) return emptySheet(name);
    const snap = toSnapshot(
      name,
      used.rowIndex,
      used.columnIndex,
      used.values,
      used.formulas,
      used.numberFormat,
    );
    if (areas && !areas.isNullObject) snap.merges = parseAreas(areas.address);
    meter.received([used.values, used.formulas, used.numberFormat, snap.merges ?? null]);
    return snap;
  });
  meter.settle();
  return out;
}

async function readHalves(
  context: Excel.RequestContext,
  meter: SyncMeter,
  names: string[],
  merges: boolean,
): Promise<SheetSnapshot[]> {
  const half = Math.ceil(names.length / 2);
  const first = await readSheets(context, meter, names.slice(0, half), merges);
  return first.concat(await readSheets(context, meter, names.slice(half), merges));
}

/** One sheet too large for one batch: learn its extent, then read its rows in halves. */
async function readLargeSheet(
  context: Excel.RequestContext,
  meter: SyncMeter,
  name: string,
  merges: boolean,
): Promise<SheetSnapshot> {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const areas = merges ? used.getMergedAreasOrNullObject() : null;
  areas?.load("address");
  meter.send();
  meter.beforeSync("read");
  await context.sync();
  if (used.isNullObject) return emptySheet(name);
  const box: CellRange = {
    top: used.rowIndex,
    left: used.columnIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    right: used.columnIndex + used.columnCount - 1,
  };
  const parts = await readRows(context, meter, name, box);
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
): Promise<SheetSnapshot[]> {
  const range = context.workbook.worksheets
    .getItem(name)
    .getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
  range.load("values,formulas,numberFormat");
  meter.send();
  try {
    meter.beforeSync("read");
    await context.sync();
  } catch (e) {
    meter.discardQueued();
    if (!isTooLarge(e) || box.top === box.bottom) throw e;
    const mid = Math.floor((box.top + box.bottom) / 2);
    const upper = await readRows(context, meter, name, { ...box, bottom: mid });
    return upper.concat(await readRows(context, meter, name, { ...box, top: mid + 1 }));
  }
  meter.received([range.values, range.formulas, range.numberFormat]);
  meter.settle();
  return [toSnapshot(name, box.top, box.left, range.values, range.formulas, range.numberFormat)];
}

function emptySheet(name: string): SheetSnapshot {
  return { name, originRow: 0, originCol: 0, values: [], formulas: [], numberFormats: [] };
}

/** Excel's arrays → the engine's: "" is blank, formulas only where there is one, "General" is none. */
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
    formulas: formulas.map((row) =>
      row.map((f) => (typeof f === "string" && f.startsWith("=") && f.length > 1 ? f : null)),
    ),
    numberFormats: numberFormats.map((row) =>
      row.map((f) => (typeof f === "string" && f !== "" && f !== "General" ? f : null)),
    ),
  };
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
