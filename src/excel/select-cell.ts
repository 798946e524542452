/** A finding clicked in the pane: activate its sheet and select its cell, in one round trip. */
import { parseRangeA1, rangeToA1 } from "../core";

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  // Normalised so "$B$3" or "B3:B3" both select B3.
  ws.getRange(rangeToA1(parseRangeA1(cell))).select();
  await context.sync();
}
