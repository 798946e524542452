/**
 * The error highlight is ours alone: clearing it removes only our conditional formats (found by
 * their marker formula), wherever they are now. Range.conditionalFormats holds the formats that
 * intersect the range (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-conditionalformats-member);
 * ConditionalFormatCollection.clearAll "clears all conditional formats active on the current
 * specified range" (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection), so
 * a rule reaching beyond the range keeps the rest.
 */
import * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { HIGHLIGHT_FORMULA, HIGHLIGHT_KEY } from "../../src/excel/highlight";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { installSimulatedOffice, type SimExcelHost } from "../sim-excel";
import { SEED_SHEET, seedSnapshot, writeSnapshot } from "./fixtures";

const ja = { lang: "ja" as const };

beforeEach(() => resetSizeHint());

function withError(): ExcelJS.Workbook {
  const snap = seedSnapshot();
  snap.values[13][3] = "1,2OO";
  const wb = new ExcelJS.Workbook();
  writeSnapshot(wb, snap);
  return wb;
}

const ours = (host: SimExcelHost, sheet: string) =>
  host
    .conditionalFormatsOf(sheet)
    .filter((cf) => cf.type === "Custom" && cf.rule.formula === HIGHLIGHT_FORMULA);

/** A staff rule over the whole indicator block, our error cell included. */
async function staffRule(): Promise<void> {
  await Excel.run(async (context) => {
    const cf = context.workbook.worksheets
      .getItem(SEED_SHEET)
      .getRange("C14:G15")
      .conditionalFormats.add("CellValue");
    cf.cellValue.rule = { formula1: "=0", operator: "LessThan" };
    await context.sync();
  });
}

async function highlighted(): Promise<SimExcelHost> {
  const host = installSimulatedOffice(withError());
  const ops = createOperations();
  await ops.saveSettings({ overrides: {}, highlightErrors: true });
  await staffRule();
  await ops.validate(ja);
  expect(ours(host, SEED_SHEET).length).toBeGreaterThan(0);
  return host;
}

describe("a sheet deleted between 検証's read and its highlight", () => {
  it("highlights the sheets that are left: the sheet list is read again, no Office error", async () => {
    const wb = withError();
    wb.addWorksheet("メモ").getCell("A1").value = "staff's notes";
    const host = installSimulatedOffice(wb);
    const ops = createOperations();
    await ops.saveSettings({ overrides: {}, highlightErrors: true });
    const mark = host.syncLog.length;
    // The read takes two syncs; staff delete the sheet before the highlight's first.
    host.book.beforeBatch = (n) => {
      if (n === mark + 3) host.staffDeletesSheet("メモ");
    };
    const res = await ops.validate(ja);
    expect(res.findings.length).toBeGreaterThan(0);
    expect(ours(host, SEED_SHEET).length).toBeGreaterThan(0);
    expect(host.syncErrorsSince(mark)).toEqual(["ItemNotFound"]);
  });
});

describe("clearing our highlight", () => {
  it("removes only our rules; the staff's rule over the same cells stays", async () => {
    const host = await highlighted();
    await createOperations().clearHighlight();
    expect(ours(host, SEED_SHEET)).toEqual([]);
    expect(host.conditionalFormatsOf(SEED_SHEET).map((cf) => cf.type)).toEqual(["CellValue"]);
  });

  it("finds them after the sheet was renamed", async () => {
    const host = await highlighted();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SEED_SHEET).name = "改名";
      await context.sync();
    });
    await createOperations().clearHighlight();
    expect(ours(host, "改名")).toEqual([]);
    expect(host.conditionalFormatsOf("改名")).toHaveLength(1);
  });

  it("finds them after rows were inserted above (the rules moved down with their cells)", async () => {
    const host = await highlighted();
    // What inserting three rows at the top does to every rule's range.
    for (const cf of host.conditionalFormatsOf(SEED_SHEET)) {
      cf.range = { ...cf.range, top: cf.range.top + 3, bottom: cf.range.bottom + 3 };
    }
    await createOperations().clearHighlight();
    expect(ours(host, SEED_SHEET)).toEqual([]);
    expect(host.conditionalFormatsOf(SEED_SHEET)).toHaveLength(1);
  });

  it("validate again replaces ours, never doubles them", async () => {
    const host = await highlighted();
    const n = ours(host, SEED_SHEET).length;
    await createOperations().validate(ja);
    expect(ours(host, SEED_SHEET).length).toBe(n);
  });
});

// Office's document settings are "specific to the add-in" that saved them (Office.Settings,
// learn.microsoft.com/javascript/api/office/office.settings) and each runtime holds its own copy
// until refreshAsync: a list kept there is not seen by another deployment of the add-in, nor by the
// ribbon's runtime. Ours are found by their marker alone.
describe("the highlight keeps nothing in the document settings", () => {
  it("validate colours the cells and leaves the document settings alone", async () => {
    const host = await highlighted();
    expect(Office.context.document.settings.get(HIGHLIGHT_KEY)).toBeNull();
    expect(ours(host, SEED_SHEET).length).toBeGreaterThan(0);
  });

  it("clearing finds ours when the document settings know nothing of them (another add-in ID, another runtime)", async () => {
    const host = await highlighted();
    // What another deployment of the add-in sees: document settings of its own, empty.
    Office.context.document.settings.remove(HIGHLIGHT_KEY);
    await createOperations().clearHighlight();
    expect(ours(host, SEED_SHEET)).toEqual([]);
    expect(host.conditionalFormatsOf(SEED_SHEET).map((cf) => cf.type)).toEqual(["CellValue"]);
  });

  it("validate with highlight on: the read's 2 syncs, then at most 2 writes", async () => {
    const host = await highlighted();
    const mark = host.syncLog.length;
    const res = await createOperations().validate(ja);
    expect(res.stats.readSyncs).toBe(2);
    expect(res.stats.writeSyncs).toBeLessThanOrEqual(2);
    // The settings part's XML rides on the read's second sync (settings.ts, queueSettingsRead).
    expect(host.syncsSince(mark).length).toBe(res.stats.readSyncs + res.stats.writeSyncs);
  });

  it("removes the list an earlier version kept there, once, and still clears by the marker", async () => {
    const host = await highlighted();
    // As an earlier version left it: the ranges it coloured, saved in the document settings.
    const settings = Office.context.document.settings;
    settings.set(HIGHLIGHT_KEY, [{ sheet: SEED_SHEET, address: "D14" }]);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    await createOperations().clearHighlight();
    expect(ours(host, SEED_SHEET)).toEqual([]);
    expect(settings.get(HIGHLIGHT_KEY)).toBeNull();
  });
});

describe("the simulated Excel's conditional formats", () => {
  it("clearAll on a range keeps the part of a rule outside it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    const host = installSimulatedOffice(wb);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const cf = ws.getRange("A1:D4").conditionalFormats.add("CellValue");
      cf.cellValue.rule = { formula1: "=1", operator: "EqualTo" };
      ws.getRange("B2:C3").conditionalFormats.clearAll();
      await context.sync();
    });
    const cells = new Set<string>();
    for (const cf of host.conditionalFormatsOf("S"))
      for (let r = cf.range.top; r <= cf.range.bottom; r++)
        for (let c = cf.range.left; c <= cf.range.right; c++) cells.add(`${r},${c}`);
    expect(cells.size).toBe(16 - 4);
    expect(cells.has("1,1")).toBe(false);
    expect(cells.has("0,0")).toBe(true);
  });
});
