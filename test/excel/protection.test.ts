/**
 * Read-only workbooks and workbook structure protection, as Excel has them:
 *  - Workbook.readOnly (ExcelApi 1.8, learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-readonly-member):
 *    "true if the workbook is open in Read-only mode". Desktop Excel still lets staff edit such a
 *    workbook (they save a copy); Excel on the web in view mode refuses the writes (AccessDenied).
 *  - Workbook.protection.protected (ExcelApi 1.7, learn.microsoft.com/javascript/api/excel/excel.workbookprotection):
 *    a protected structure refuses adding, deleting, renaming, moving, hiding sheets ("Protect a
 *    workbook", support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517).
 */
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { installSimulatedOffice } from "../sim-excel";
import * as ExcelJS from "exceljs";
import { cellDump, codeOf, diffDumps, reload, SEED_SHEET, seedSnapshot, writeSnapshot } from "./fixtures";

const ja = { lang: "ja" as const };
const en = { lang: "en" as const };

beforeEach(() => resetSizeHint());

/** The seed with an error to highlight: an actual figure that is no number ("1,2OO"). */
function seedWorkbook(): ExcelJS.Workbook {
  const snap = seedSnapshot();
  snap.values[13][3] = "1,2OO";
  const wb = new ExcelJS.Workbook();
  writeSnapshot(wb, snap);
  return wb;
}

/** The pane's switch "highlight errors" on (a document setting). */
async function highlightOn(): Promise<void> {
  await createOperations().saveSettings({ overrides: {}, highlightErrors: true });
}

describe("a read-only workbook", () => {
  it("validate: the findings are shown, the highlight skipped with a note (ja/en)", async () => {
    const plain = installSimulatedOffice(seedWorkbook());
    await highlightOn();
    const expected = await createOperations().validate(ja);
    expect(plain.conditionalFormatsOf(SEED_SHEET).length).toBeGreaterThan(0);

    const host = installSimulatedOffice(seedWorkbook(), { readOnly: true });
    await highlightOn();
    const res = await createOperations().validate(ja);
    const codes = res.findings.map((f) => f.code);
    expect(codes.filter((c) => c !== "write/highlight-skipped")).toEqual(
      expected.findings.map((f) => f.code),
    );
    const note = res.findings.find((f) => f.code === "write/highlight-skipped");
    expect(note?.severity).toBe("info");
    expect(note?.message).toContain("読み取り専用");
    expect(host.conditionalFormatsOf(SEED_SHEET)).toEqual([]);
    const inEnglish = await createOperations().validate(en);
    expect(inEnglish.findings.find((f) => f.code === "write/highlight-skipped")?.message).toMatch(
      /read-only/,
    );
  });

  it("desktop Excel lets staff edit a read-only copy: fill and summary are not refused", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { readOnly: true, readOnlyEditable: true });
    const fill = await createOperations().fill(ja);
    expect(fill.wrote).toBe(true);
    expect(fill.blockedReason).toBeNull();
    const summary = await createOperations().summary(ja);
    expect(summary.wrote).toBe(true);
    expect(host.book.sheetByName("集計")).toBeDefined();
    // And the highlight there too.
    await highlightOn();
    await createOperations().validate(ja);
    expect(host.conditionalFormatsOf(SEED_SHEET).length).toBeGreaterThan(0);
  });

  it("where Excel refuses the writes: nothing written, the reason said", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { readOnly: true });
    const before = cellDump(await reload(await host.exportXlsx()));
    const res = await createOperations().fill(en);
    expect(res.wrote).toBe(false);
    expect(res.blockedReason).toMatch(/read-only/);
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
  });
});

describe("workbook structure protection", () => {
  it("the simulated Excel refuses adding, deleting, renaming and hiding sheets, not cell writes", async () => {
    installSimulatedOffice(seedWorkbook(), { workbookProtected: true });
    const attempt = (queue: (context: Excel.RequestContext) => void) =>
      codeOf(() =>
        Excel.run(async (context) => {
          queue(context);
          await context.sync();
        }),
      );
    expect(
      await Excel.run(async (context) => {
        const p = context.workbook.protection.load("protected");
        await context.sync();
        return p.protected;
      }),
    ).toBe(true);
    expect(await attempt((c) => c.workbook.worksheets.add("新"))).toBe("AccessDenied");
    expect(await attempt((c) => c.workbook.worksheets.getItem(SEED_SHEET).delete())).toBe("AccessDenied");
    expect(await attempt((c) => (c.workbook.worksheets.getItem(SEED_SHEET).name = "X"))).toBe("AccessDenied");
    expect(await attempt((c) => (c.workbook.worksheets.getItem(SEED_SHEET).visibility = "Hidden"))).toBe(
      "AccessDenied",
    );
    expect(
      await attempt((c) => (c.workbook.worksheets.getItem(SEED_SHEET).getRange("Z1").values = [[1]])),
    ).toBeNull();
  });

  it("summary (adds a sheet): checked before writing, nothing written, a clear finding (ja/en)", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { workbookProtected: true });
    const before = cellDump(await reload(await host.exportXlsx()));
    const res = await createOperations().summary(ja);
    expect(res.wrote).toBe(false);
    expect(res.findings.some((f) => f.code === "write/structure-protected")).toBe(true);
    expect(res.blockedReason).toContain("ブックの構成が保護");
    // The check sync only: no write was tried, none refused.
    expect(res.stats.writeSyncs).toBe(1);
    expect(host.syncLog.every((s) => s.error === null)).toBe(true);
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
    const inEnglish = await createOperations().summary(en);
    expect(inEnglish.blockedReason).toMatch(/structure is protected/);
  });

  it("validate still highlights (no sheet is added)", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { workbookProtected: true });
    await highlightOn();
    await createOperations().validate(ja);
    expect(host.conditionalFormatsOf(SEED_SHEET).length).toBeGreaterThan(0);
  });
});
