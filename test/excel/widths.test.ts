/** Column widths the fill records for undo, when staff change the workbook between round trips. */
import * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { installSimulatedOffice, loadSimWorkbook } from "../sim-excel";
import { parseRefersTo } from "../../src/core/ownership/names";
import { namesOf } from "../sim-excel/names";
import { cellDump, diffDumps, formWorkbook, reload, SEED_SHEET, seedWorkbook } from "./fixtures";

const ja = { lang: "ja" as const };
const en = { lang: "en" as const };

beforeEach(() => resetSizeHint());

/** formWorkbook(28) with widths of staff's own where the area goes (Q, R). */
function staffWidths(): ExcelJS.Workbook {
  const wb = formWorkbook(28);
  wb.getWorksheet("No28-1")!.getColumn(17).width = 9.5;
  wb.getWorksheet("No28-1")!.getColumn(18).width = 3.25;
  return wb;
}

/** The number of the sync that checks the targets (and reads the widths): the write's first. */
async function checkSyncOfFill(): Promise<number> {
  const twin = installSimulatedOffice(staffWidths());
  const res = await createOperations().fill(ja);
  expect(res.stats.writeSyncs).toBe(2);
  resetSizeHint();
  return twin.syncLog.length - 1;
}

describe("a sheet deleted between the fill's read and its write", () => {
  // WorksheetCollection.getItem throws ItemNotFound for a sheet that is not there;
  // getItemOrNullObject (ExcelApi 1.4) returns a null object instead (learn.microsoft.com/
  // javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitemornullobject-member(1)).
  it("writes nothing and says which sheet is gone, in Japanese and English, with no Office error", async () => {
    const check = await checkSyncOfFill();
    for (const opts of [ja, en]) {
      const host = installSimulatedOffice(staffWidths());
      const before = cellDump(await reload(await host.exportXlsx()));
      const mark = host.syncLog.length;
      host.book.beforeBatch = (n) => {
        if (n === mark + check) host.staffDeletesSheet("No28-1");
      };
      const res = await createOperations().fill(opts);
      // The sim fails the check over the deleted sheet's columns (what Excel does with a range of a
      // null object is not documented); the adapter checks again, and the command still resolves.
      expect(host.syncErrorsSince(mark)).toEqual(["ItemNotFound"]);
      expect(res.wrote).toBe(false);
      expect(res.blockedReason).toContain("No28-1");
      expect(res.blockedReason).toMatch(opts.lang === "ja" ? /見つからない/ : /is gone/);
      // Only the deleted sheet is missing; nothing else was written.
      const after = cellDump(await reload(await host.exportXlsx()));
      const changed = diffDumps(before, after).filter((d) => !d.startsWith("No28-1!"));
      expect(changed).toEqual([]);
      expect(host.book.sheetByName("No28-2")).toBeDefined();
    }
  });

  it("fails the batch with ItemNotFound on getItem of the deleted sheet (the sim, as documented)", async () => {
    const host = installSimulatedOffice(await loadSimWorkbook(await staffWidths().xlsx.writeBuffer()));
    host.staffDeletesSheet("No28-1");
    const code = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("No28-1").getRange("Q:Q").format.load("columnWidth");
      try {
        await context.sync();
        return null;
      } catch (e) {
        return (e as { code?: string }).code ?? null;
      }
    });
    expect(code).toBe("ItemNotFound");
  });
});

describe("undo after staff inserted a column among the widened ones", () => {
  // Excel moves each area of a name with its cells when a column is inserted ("Insert or delete
  // rows and columns", support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246):
  // the widths name holds one cell a column, so each recorded column is found where it is now.
  it("sets each recorded column's width back where it is now, and leaves the inserted column alone", async () => {
    const wb = seedWorkbook();
    const host = installSimulatedOffice(wb);
    const ops = createOperations();
    // Staff's own widths on the columns the area will widen (known after a first fill's plan).
    await ops.fill(ja);
    const widthsName = namesOf(host.book).find((n) => n.name === "_Shinchoku.Widths.1");
    expect(widthsName).toBeDefined();
    await ops.undo(ja);

    const cols = widthsName!.formula
      .slice(1)
      .split(",")
      .map((a) => parseRefersTo(a)!.range.left);
    expect(cols.length).toBeGreaterThan(2);
    const fresh = seedWorkbook();
    cols.forEach((c, i) => (fresh.getWorksheet(SEED_SHEET)!.getColumn(c + 1).width = 4 + i));
    resetSizeHint();
    const staff = installSimulatedOffice(fresh);
    const again = createOperations();
    expect((await again.fill(ja)).wrote).toBe(true);
    const ws = staff.book.sheetByName(SEED_SHEET)!;
    expect(cols.map((c) => ws.getColumn(c + 1).width)).not.toEqual(cols.map((_, i) => 4 + i));

    // Staff insert a column right of the first widened one, and give it a width of their own.
    const at = cols[0] + 1;
    staff.staffInsertsColumn(SEED_SHEET, at);
    ws.getColumn(at + 1).width = 21;
    const r = await again.undo(ja);
    expect(r.wrote).toBe(true);
    const moved = (c: number) => (c >= at ? c + 1 : c);
    expect(cols.map((c) => ws.getColumn(moved(c) + 1).width)).toEqual(cols.map((_, i) => 4 + i));
    expect(ws.getColumn(at + 1).width).toBe(21);
  });

  it("keeps a name of several areas as Excel does, through the sim's export and reload", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    await createOperations().fill(ja);
    const before = namesOf(host.book).find((n) => n.name === "_Shinchoku.Widths.1")!.formula;
    expect(before.split(",").length).toBeGreaterThan(1);
    const again = installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    expect(namesOf(again.book).find((n) => n.name === "_Shinchoku.Widths.1")?.formula).toBe(before);
  });
});
