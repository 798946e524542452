/**
 * Error highlight without touching the cells' own formatting: each error cell (or rectangle of them)
 * gets a custom conditional format whose formula carries our marker; clearing deletes exactly those
 * formats, so every cell shows its own fill again. Ours are found by that marker on every sheet we
 * may write, wherever they are now: nothing is remembered outside the workbook's own formats.
 * (Earlier versions kept a list in the document settings, "shinchoku.highlight"; those belong to
 * one add-in ID and are a copy per runtime, so another deployment or the ribbon's runtime did not
 * see it. The key is removed once, after a highlight write that succeeded.)
 *
 * Syncs: 1 (our earlier formats, looked for on every writable sheet), 1 (delete those, add the new
 * ones; none when there is nothing to delete or add); a third first when the sheets and their
 * protection are not known yet (clearing from the pane; validate passes what its read learnt).
 * Protected sheets are skipped.
 */
import { parseRangeA1, rangeToA1 } from "../core";
import { documentSettings, saveDocumentSettings } from "./settings";
import { loadSheetList, type SheetAccess } from "./read-workbook";
import type { SyncMeter } from "./sync-meter";
import { toBlocks } from "./write-blocks";
import { errorCode } from "./office-errors";

/** Where earlier versions listed the highlighted ranges (document settings): only removed now. */
export const HIGHLIGHT_KEY = "shinchoku.highlight";
/** Always true; the string is how we recognise our own format again. */
export const HIGHLIGHT_FORMULA = '=LEN("shinchoku:highlight")>0';
export const HIGHLIGHT_FILL = "#FFC7CE";
export const HIGHLIGHT_FONT = "#9C0006";

/**
 * What Excel did not let us colour: `readOnly`, the whole highlight (the host refused the write:
 * a read-only workbook in Excel on the web); `protectedSheets`, sheets with cells to colour that
 * are protected. The findings stand either way; the caller says what was skipped.
 */
export interface HighlightOutcome {
  readOnly: boolean;
  protectedSheets: string[];
}

/** Remove our earlier highlight, then colour `cells` (none: just clear). */
export async function setHighlight(
  context: Excel.RequestContext,
  cells: Array<{ sheet: string; cell: string }>,
  meter: SyncMeter,
  known?: SheetAccess[],
): Promise<HighlightOutcome> {
  // 1. Which sheets exist, and which we may write to (unless the caller's read found out).
  const access = known ?? (await loadSheetList(context, meter, "write")).access;
  try {
    return await highlightOn(context, cells, meter, access);
  } catch (e) {
    // A sheet the read listed was deleted since (staff, between the round trips): once more, with
    // the sheets as they are now. Formats already added were ours and are found again by the marker.
    if (errorCode(e) !== "ItemNotFound" || !known) throw e;
    return highlightOn(context, cells, meter, (await loadSheetList(context, meter, "write")).access);
  }
}

async function highlightOn(
  context: Excel.RequestContext,
  cells: Array<{ sheet: string; cell: string }>,
  meter: SyncMeter,
  access: SheetAccess[],
): Promise<HighlightOutcome> {
  const done: HighlightOutcome = { readOnly: false, protectedSheets: [] };
  const sheets = context.workbook.worksheets;
  const writable = new Set(access.filter((s) => !s.protected).map((s) => s.name));
  const existing = new Set(access.map((s) => s.name));

  // 2. Our formats from last time, found by their marker formula on every sheet we may write:
  // Range.conditionalFormats holds the formats that intersect the range (learn.microsoft.com/
  // javascript/api/excel/excel.range#excel-excel-range-conditionalformats-member), so the whole
  // sheet finds ours where they are now, after rows were inserted or the sheet renamed.
  const old = [...writable].map((sheet) => {
    const cfs = sheets.getItem(sheet).getRange().conditionalFormats;
    cfs.load("items/type,items/customOrNullObject/rule/formula");
    meter.send();
    return cfs;
  });
  if (old.length) {
    meter.beforeSync("write");
    await context.sync();
    meter.received(old.map((c) => c.items.length));
    meter.settle();
  }

  // 3. Delete those, add the new ones, in one batch.
  let queued = 0;
  for (const cfs of old)
    for (const cf of cfs.items)
      if (
        cf.type === "Custom" &&
        !cf.customOrNullObject.isNullObject &&
        cf.customOrNullObject.rule.formula === HIGHLIGHT_FORMULA
      ) {
        cf.delete();
        meter.send();
        queued++;
      }
  for (const [sheet, list] of groupBySheet(cells)) {
    if (!writable.has(sheet)) {
      if (existing.has(sheet)) done.protectedSheets.push(sheet);
      continue;
    }
    const at = list.map((c) => parseRangeA1(c)).map((r) => ({ row: r.top, col: r.left, item: true }));
    for (const b of toBlocks(at)) {
      const address = rangeToA1(b.range);
      const cf = sheets.getItem(sheet).getRange(address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = HIGHLIGHT_FORMULA;
      cf.custom.format.fill.color = HIGHLIGHT_FILL;
      cf.custom.format.font.color = HIGHLIGHT_FONT;
      meter.send(address);
      queued++;
    }
  }
  if (queued > 0) {
    meter.beforeSync("write");
    try {
      await context.sync();
    } catch (e) {
      // A read-only workbook the host will not let us edit: nothing was coloured, nothing changed.
      if (errorCode(e) !== "AccessDenied") throw e;
      return { readOnly: true, protectedSheets: [] };
    }
  }
  await dropLegacyList();
  return done;
}

function groupBySheet(cells: Array<{ sheet: string; cell: string }>): Map<string, string[]> {
  const m = new Map<string, Set<string>>();
  for (const c of cells) {
    if (!m.has(c.sheet)) m.set(c.sheet, new Set());
    m.get(c.sheet)?.add(c.cell);
  }
  return new Map([...m].map(([k, v]) => [k, [...v]]));
}

/** The list an earlier version kept in the document settings, removed once it is there. */
async function dropLegacyList(): Promise<void> {
  const settings = documentSettings();
  const had = settings?.get(HIGHLIGHT_KEY);
  if (!settings || had === null || had === undefined) return;
  settings.remove(HIGHLIGHT_KEY);
  try {
    await saveDocumentSettings();
  } catch {
    // A workbook that cannot be saved keeps the stale key; it is never read, and a later run tries again.
  }
}
