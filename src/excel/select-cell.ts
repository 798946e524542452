/**
 * A finding clicked in the pane: activate its sheet and select its cell, in one round trip. A hidden
 * sheet cannot be activated (Worksheet.activate fails): then one more sync learns that the sheet is
 * hidden, and SheetHiddenError tells the pane, which offers to show it (`show`: make it visible
 * first, in the same batch as the selection).
 */
import { parseRangeA1, rangeToA1 } from "../core";

export class SheetHiddenError extends Error {
  readonly code = "SheetHidden";
  constructor(readonly sheet: string) {
    super(`The sheet ${sheet} is hidden.`);
    this.name = "SheetHiddenError";
  }
}

export function isSheetHidden(e: unknown): e is SheetHiddenError {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "SheetHidden";
}

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
  show = false,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  if (show) ws.visibility = "Visible";
  ws.activate();
  // Normalised so "$B$3" or "B3:B3" both select B3.
  ws.getRange(rangeToA1(parseRangeA1(cell))).select();
  try {
    await context.sync();
  } catch (e) {
    if (show) throw e;
    const again = context.workbook.worksheets.getItemOrNullObject(sheet);
    again.load("visibility");
    await context.sync();
    if (!again.isNullObject && again.visibility !== "Visible") throw new SheetHiddenError(sheet);
    throw e;
  }
}
