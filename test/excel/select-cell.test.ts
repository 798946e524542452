/**
 * A finding clicked on a hidden sheet. Worksheet.activate "activates the worksheet in the Excel UI"
 * (learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member);
 * the UI cannot show a hidden sheet, and the sim fails the batch as Excel does. The adapter says
 * the sheet is hidden (SheetHiddenError) and, asked to, shows it and selects the cell.
 */
import * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { isSheetHidden } from "../../src/excel/select-cell";
import { installSimulatedOffice } from "../sim-excel";
import { codeOf, SEED_SHEET, seedSnapshot, writeSnapshot } from "./fixtures";

function withHidden(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeSnapshot(wb, seedSnapshot());
  writeSnapshot(wb, seedSnapshot("隠し")).state = "hidden";
  return wb;
}

describe("clicking a finding on a hidden sheet", () => {
  it("says the sheet is hidden instead of a raw Office error", async () => {
    const host = installSimulatedOffice(withHidden());
    const err = await createOperations()
      .selectCell("隠し", "D5")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isSheetHidden(err)).toBe(true);
    expect((err as { sheet: string }).sheet).toBe("隠し");
    expect(host.activeSheet).toBe(SEED_SHEET);
  });

  it("shown on request: visible, active, the cell selected", async () => {
    const host = installSimulatedOffice(withHidden());
    await createOperations().selectCell("隠し", "$D$5", true);
    expect(host.book.sheetByName("隠し")?.state).toBe("visible");
    expect(host.activeSheet).toBe("隠し");
    expect(host.selection).toEqual({ sheet: "隠し", address: "D5" });
  });

  it("a visible sheet: one sync, as before; a missing one: ItemNotFound, not 'hidden'", async () => {
    const host = installSimulatedOffice(withHidden());
    const mark = host.syncLog.length;
    await createOperations().selectCell(SEED_SHEET, "B3");
    expect(host.syncsSince(mark)).toHaveLength(1);
    expect(await codeOf(() => createOperations().selectCell("ない", "B3"))).toBe("ItemNotFound");
  });
});
