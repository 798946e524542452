/** The simulated Excel behaves like Excel where the adapter depends on it. */
import * as fs from "fs";
import * as path from "path";
import { installSimulatedOffice, loadSimWorkbook, payloadOf } from "../sim-excel";
import { codeOf, SEED_SHEET, seedWorkbook } from "./fixtures";

describe("simulated Excel", () => {
  it("throws PropertyNotLoaded before load + sync, and serves values after", async () => {
    installSimulatedOffice(seedWorkbook());
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SEED_SHEET).getRange("B5:C5");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test checks
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,address");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- reading too early is what this test checks
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["1 区自治協議会、地域コミュニティ協議会、NPOなどとのさらなる協働の推進", "No."],
      ]);
      expect(range.address).toBe("'No28'!B5:C5");
      // eslint-disable-next-line office-addins/load-object-before-read -- reading too early is what this test checks
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("throws ItemNotFound at sync for getItem of a missing sheet; OrNullObject gives isNullObject", async () => {
    installSimulatedOffice(seedWorkbook());
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("無い");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("無い");
      const there = context.workbook.worksheets.getItemOrNullObject(SEED_SHEET);
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early is what this test checks
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("queues writes until sync", async () => {
    const wb = seedWorkbook();
    installSimulatedOffice(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SEED_SHEET).getRange("J1").values = [["x"]];
      expect(wb.getWorksheet(SEED_SHEET)?.getCell("J1").value).toBeNull();
      await context.sync();
      expect(wb.getWorksheet(SEED_SHEET)?.getCell("J1").value).toBe("x");
    });
  });

  it("treats input like typing: number-like text becomes a number unless quoted; = is a formula", async () => {
    const wb = seedWorkbook();
    installSimulatedOffice(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SEED_SHEET).getRange("J1:M1").formulas = [
        ["1,090", "'028", "=J1*2", "72.5%"],
      ];
      await context.sync();
    });
    const ws = wb.getWorksheet(SEED_SHEET);
    expect(ws?.getCell("J1").value).toBe(1090);
    expect(ws?.getCell("K1").value).toBe("028");
    expect(ws?.getCell("L1").formula).toBe("J1*2");
    expect(ws?.getCell("M1").value).toBeCloseTo(0.725);
  });

  it("refuses writes to a protected sheet with AccessDenied, and to a read-only workbook", async () => {
    const wb = seedWorkbook();
    await wb.getWorksheet(SEED_SHEET)?.protect("", {});
    installSimulatedOffice(wb);
    const code = await codeOf(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SEED_SHEET).getRange("J1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(wb.getWorksheet(SEED_SHEET)?.getCell("J1").value).toBeNull();

    const ro = seedWorkbook();
    installSimulatedOffice(ro, { readOnly: true });
    await Excel.run(async (context) => {
      context.workbook.load("readOnly");
      await context.sync();
      expect(context.workbook.readOnly).toBe(true);
    });
    // Freezing panes is a change like any other: refused in a read-only workbook.
    const freeze = await codeOf(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SEED_SHEET).freezePanes.freezeRows(1);
        await context.sync();
      }),
    );
    expect(freeze).toBe("AccessDenied");
  });

  it("enforces the response, request and cell limits with Excel's error codes", async () => {
    installSimulatedOffice(seedWorkbook(), { limits: { responseBytes: 2000 } });
    const load = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SEED_SHEET).getUsedRange().load("values");
        await context.sync();
      });
    expect(await codeOf(load)).toBe("ResponsePayloadSizeLimitExceeded");

    const wb = seedWorkbook();
    installSimulatedOffice(wb, { limits: { requestBytes: 5000 } });
    const big = Array.from({ length: 100 }, (_, i) => [`行${i}`, "あいうえおかきくけこ".repeat(3)]);
    const write = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SEED_SHEET).getRange("J1:K100").values = big;
        await context.sync();
      });
    expect(await codeOf(write)).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.getWorksheet(SEED_SHEET)?.getCell("J1").value).toBeNull();

    // A get of more cells than a range may give: RangeExceedsLimit (Excel.ErrorCodes; "The cell count
    // in the range has exceeded the maximum supported number", learn.microsoft.com/office/dev/add-ins/
    // testing/application-specific-api-error-handling).
    installSimulatedOffice(seedWorkbook(), { limits: { cells: 100 } });
    expect(await codeOf(load)).toBe("RangeExceedsLimit");
  });

  it("logs syncs with request and response bytes", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SEED_SHEET).getUsedRange();
      r.load("values");
      await context.sync();
    });
    expect(host.syncLog).toHaveLength(1);
    const { requestBytes, responseBytes } = payloadOf(host.syncLog);
    expect(requestBytes).toBeGreaterThan(0);
    // The seed's values come back: several kilobytes of Japanese text.
    expect(responseBytes).toBeGreaterThan(5000);
  });

  it("offers newer APIs only when the requirement set is claimed", async () => {
    installSimulatedOffice(seedWorkbook(), { excelApi: "1.7" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem(SEED_SHEET).getUsedRange();
      expect(() => used.getMergedAreasOrNullObject()).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }),
      );
      await context.sync();
    });
  });

  it("reports merged areas (ExcelApi 1.13) and keeps document settings through export and reload", async () => {
    const wb = seedWorkbook();
    wb.getWorksheet(SEED_SHEET)?.mergeCells("B2:E2");
    const host = installSimulatedOffice(wb);
    await Excel.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem(SEED_SHEET)
        .getRange("A1:H10")
        .getMergedAreasOrNullObject();
      areas.load("address");
      await context.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.address).toBe("'No28'!B2:E2");
    });
    Office.context.document.settings.set("k", { a: 1 });
    Office.context.document.settings.set("unsaved", 1);
    await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    Office.context.document.settings.set("after-save", 2);
    installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    expect(Office.context.document.settings.get("k")).toEqual({ a: 1 });
    expect(Office.context.document.settings.get("unsaved")).toBe(1);
    expect(Office.context.document.settings.get("after-save")).toBeNull();
    // The settings store is not a sheet the add-in can see.
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual([SEED_SHEET]);
    });
  });

  it("stays browser-safe: no Node modules, ExcelJS only as a type (or the global) ", () => {
    const dir = path.resolve(__dirname, "../sim-excel");
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      expect({ f, node: /from "(fs|path|os|node:[a-z]+|child_process)"/.test(src) }).toEqual({
        f,
        node: false,
      });
      expect({ f, exceljs: /^import (?!type)[^;]*from "exceljs"/m.test(src) }).toEqual({ f, exceljs: false });
    }
  });
});
