/**
 * A command while the user is typing in a cell. Excel.RunOptions.delayForCellEdit
 * (learn.microsoft.com/javascript/api/excel/excel.runoptions): "When false, if the user is in cell
 * edit when the batch request is processed by the host, the batch automatically fails. When true,
 * the batch request is executed immediately if the user is not in cell edit mode, but if the user
 * is in cell edit mode then the batch request is delayed until the user exits cell edit mode."
 * The adapter asks for it where the host has it (ExcelApi 1.11, behind isSetSupported).
 */
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { installSimulatedOffice } from "../sim-excel";
import { codeOf, seedWorkbook } from "./fixtures";

const ja = { lang: "ja" as const };

beforeEach(() => resetSizeHint());

describe("a command while a cell is being edited", () => {
  it("ExcelApi 1.11+: waits for the user to leave the cell, then runs", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { excelApi: "1.17" });
    host.enterCellEdit();
    let done = false;
    const running = createOperations()
      .validate(ja)
      .then((r) => {
        done = true;
        return r;
      });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    host.exitCellEdit();
    const res = await running;
    expect(res.items.map((i) => i.no)).toEqual(["28"]);
    expect(host.syncLog.every((s) => s.error === null)).toBe(true);
  });

  it("below 1.11: the batch fails with InvalidOperationInCellEditMode (the pane says to finish the cell)", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { excelApi: "1.10" });
    host.enterCellEdit();
    expect(await codeOf(() => createOperations().validate(ja))).toBe("InvalidOperationInCellEditMode");
    host.exitCellEdit();
    expect((await createOperations().validate(ja)).items).toHaveLength(1);
  });

  it("the simulated Excel fails a batch without the option even on 1.17", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { excelApi: "1.17" });
    host.enterCellEdit();
    const code = await codeOf(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.load("items/name");
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidOperationInCellEditMode");
  });
});
