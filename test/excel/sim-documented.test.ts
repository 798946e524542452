/**
 * Behaviours of Excel the adapter relies on, as Microsoft documents them, held by the simulated Excel
 * (the other limits: excel-limits.test.ts, protection.test.ts, highlight.test.ts, cell-edit.test.ts,
 * select-cell.test.ts, test/taskpane/commands-dialog.test.ts).
 */
import { installSimulatedOffice } from "../sim-excel";
import { codeOf, SEED_SHEET, seedWorkbook } from "./fixtures";

describe("the simulated Excel, held to the documentation", () => {
  // "*OrNullObject methods and properties": a method that would throw ItemNotFound returns an
  // object whose isNullObject is true instead (learn.microsoft.com/office/dev/add-ins/develop/
  // application-specific-api-model#ornullobject-methods-and-properties).
  it("getItem of a missing sheet fails the batch with ItemNotFound; getItemOrNullObject does not", async () => {
    installSimulatedOffice(seedWorkbook());
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("無い");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    const isNull = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("無い");
      await context.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  // Sheet names are unique without regard to case ("Rename a worksheet": a name cannot be the same
  // as another's, support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9),
  // and WorksheetCollection.getItem finds a sheet "using its name or ID" in that sense.
  it("finds sheets by name without regard to case, and refuses a second name differing only in case", async () => {
    installSimulatedOffice(seedWorkbook());
    const name = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SEED_SHEET.toLowerCase()).load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe(SEED_SHEET);
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.add(SEED_SHEET.toUpperCase());
          await context.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });

  // "Excel on the web limits requests and responses to 5 MB" ("Resource limits and performance
  // optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
  it("refuses a request over 5 MB before running any of it", async () => {
    const wb = seedWorkbook();
    installSimulatedOffice(wb);
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SEED_SHEET);
          ws.getRange("Z1").values = [["first"]];
          ws.getRange("A1:A6000").values = big;
          await context.sync();
        }),
      ),
    ).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.getWorksheet(SEED_SHEET)?.getCell("Z1").value).toBeNull();
  });

  // A protected sheet refuses writes: AccessDenied ("Error handling with the application-specific
  // JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling;
  // WorksheetProtection, learn.microsoft.com/javascript/api/excel/excel.worksheetprotection).
  it("a protected sheet refuses a cell write with AccessDenied; reading it is fine", async () => {
    const wb = seedWorkbook();
    await wb.getWorksheet(SEED_SHEET)?.protect("", {});
    installSimulatedOffice(wb);
    const write = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SEED_SHEET).getRange("Z1").values = [[1]];
        await context.sync();
      });
    expect(await codeOf(write)).toBe("AccessDenied");
    const isProtected = await Excel.run(async (context) => {
      const p = context.workbook.worksheets.getItem(SEED_SHEET).protection.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(isProtected).toBe(true);
  });

  // "Suspends calculation until the next context.sync() is called. Once set, it is the developer's
  // responsibility to re-calc the workbook, to ensure that any dependencies are propagated."
  // (Application.suspendApiCalculationUntilNextSync, learn.microsoft.com/javascript/api/excel/excel.application;
  // "Suspend calculation temporarily", learn.microsoft.com/office/dev/add-ins/excel/performance).
  // Suspension holds until the sync, so the sim does not count a calculate() queued in the
  // suspended batch; one in a later batch recalculates.
  it("a calculate() in a batch with calculation suspended is no recalculation; one in the next batch is", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    await Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem(SEED_SHEET).getRange("Z1").formulas = [["=1+1"]];
      context.application.calculate(Excel.CalculationType.recalculate);
      await context.sync();
    });
    expect(host.book.calculationSuspensions).toBe(1);
    expect(host.book.calculationsWhileSuspended).toEqual(["Recalculate"]);
    expect(host.book.recalculations).toEqual([]);
    expect(host.book.recalcNeeded).toBe(true);
    await Excel.run(async (context) => {
      context.application.calculate(Excel.CalculationType.recalculate);
      await context.sync();
    });
    expect(host.book.recalculations).toEqual(["Recalculate"]);
    expect(host.book.recalcNeeded).toBe(false);
  });

  // The suspension ends with its sync even when the batch fails.
  it("a failed suspended batch leaves calculation not suspended for the next", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          context.application.suspendApiCalculationUntilNextSync();
          context.workbook.worksheets.getItem("無い").getRange("A1").values = [[1]];
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await Excel.run(async (context) => {
      context.application.calculate(Excel.CalculationType.recalculate);
      await context.sync();
    });
    expect(host.book.recalculations).toEqual(["Recalculate"]);
  });
});
