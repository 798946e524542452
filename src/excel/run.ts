/**
 * Excel.run for every batch of ours. Where the host has it (ExcelApi 1.11), `delayForCellEdit`:
 * a batch sent while the user is typing in a cell waits until they leave the cell instead of
 * failing with InvalidOperationInCellEditMode ("When true, the batch request is executed
 * immediately if the user is not in cell edit mode, but if the user is in cell edit mode the batch
 * request is delayed until the user exits cell edit mode", Excel.RunOptions,
 * learn.microsoft.com/javascript/api/excel/excel.runoptions). Older hosts fail as before, and the
 * pane says to finish the cell (error.busy).
 */
import { supports } from "./office-errors";

export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (supports("1.11")) return Excel.run({ delayForCellEdit: true }, batch);
  return Excel.run(batch);
}
