/**
 * Ownership through the real adapter on the simulated Excel: names recorded with workbook.names,
 * staff text around and inside our areas kept over repeated fills and summaries, case-free sheet
 * names, and undo.
 */
import type * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { mergeConfig } from "../../src/core/config/config";
import { parseRefersTo } from "../../src/core/ownership/names";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { installSimulatedOffice, loadSimWorkbook } from "../sim-excel";
import { namesOf } from "../sim-excel/names";
import { cellDump, diffDumps, formWorkbook, reload } from "./fixtures";

const ja = { lang: "ja" as const };
beforeEach(() => resetSizeHint());

type Host = ReturnType<typeof installSimulatedOffice>;

function areaOn(host: Host, sheet: string) {
  for (const n of namesOf(host.book)) {
    const ref = n.name.startsWith("_Shinchoku.Area.") ? parseRefersTo(n.formula) : null;
    if (ref && ref.sheet === sheet) return ref.range;
  }
  throw new Error(`no area on ${sheet}`);
}

const sheetOf = (host: Host, name: string) => host.book.sheetByName(name) as ExcelJS.Worksheet;
/** The backing ExcelJS cell (what the sim holds), not an Office.js range. */
const backing = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell =>
  ws.findRow(row)?.findCell(col) ?? ws.getRow(row).getCell(col);

describe("fill and summary on the simulated Excel", () => {
  it("record each area in a defined name; staff text around them and a value typed over ours survive", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const ops = createOperations();
    const first = host.book.sheets()[0].name;
    expect((await ops.fill(ja)).wrote).toBe(true);
    await ops.summary(ja);
    const area = areaOn(host, first);
    // Names as Office.js reports them: a Range reference with "=" in front.
    expect(namesOf(host.book).map((n) => n.name)).toEqual(
      expect.arrayContaining(["_Shinchoku.Area.1", "_Shinchoku.AreaRecord", "_Shinchoku.Summary"]),
    );
    const ws = sheetOf(host, first);
    const notes: Array<[number, number, string]> = [
      [area.bottom + 2, area.left, "下のメモ"],
      [area.bottom + 4, area.left + 3, "下のメモ2"],
      [area.top, area.right + 1, "右のメモ"],
    ];
    for (const [r, c, t] of notes) ws.getCell(r + 1, c + 1).value = t;
    const typed = backing(ws, area.top + 3, area.left + 1);
    expect(typed.formula).toBeTruthy();
    typed.value = 0.42;
    // A note on the summary sheet, right of what we write.
    const summary = sheetOf(host, "集計");
    summary.getCell("AZ3").value = "集計への書き込み";

    const dumps: Map<string, string>[] = [];
    for (let i = 0; i < 3; i++) {
      const f = await ops.fill(ja);
      expect(f.findings.filter((x) => x.code === "fill/area-edited").map((x) => x.cell)).toEqual([
        typed.address,
      ]);
      const s = await ops.summary(ja);
      expect(s.findings.filter((x) => x.code === "fill/area-edited").map((x) => x.cell)).toEqual(["AZ3"]);
      const now = sheetOf(host, first);
      for (const [r, c, t] of notes) expect(now.getCell(r + 1, c + 1).value).toBe(t);
      expect(now.getCell(typed.address).value).toBe(0.42);
      expect(sheetOf(host, "集計").getCell("AZ3").value).toBe("集計への書き込み");
      dumps.push(cellDump(await reload(await host.exportXlsx())));
    }
    expect(diffDumps(dumps[1], dumps[2])).toEqual([]);
  });

  it("follows a renamed sheet: the name moves with it and the next fill rewrites the same area", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const ops = createOperations();
    await ops.fill(ja);
    const first = host.book.sheets()[0].name;
    const area = areaOn(host, first);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(first).name = "改名したシート";
      await context.sync();
    });
    expect(areaOn(host, "改名したシート")).toEqual(area);
    const ws = sheetOf(host, "改名したシート");
    ws.getCell(area.bottom + 2, area.left + 1).value = "改名後のメモ";
    const again = await ops.fill(ja);
    expect(again.findings.filter((f) => f.code.startsWith("fill/"))).toEqual([]);
    expect(sheetOf(host, "改名したシート").getCell(area.bottom + 2, area.left + 1).value).toBe(
      "改名後のメモ",
    );
    expect(areaOn(host, "改名したシート")).toEqual(area);
  });

  it("never touches a staff SUMMARY sheet when the summary is named Summary", async () => {
    const wb = formWorkbook(28);
    const mine = wb.addWorksheet("SUMMARY");
    mine.getCell("A1").value = "課の集計";
    mine.getCell("B2").value = 7;
    const host = installSimulatedOffice(wb);
    await Office.context.document.settings.set(SETTINGS_KEY, { overrides: { summarySheetName: "Summary" } });
    expect(mergeConfig({ summarySheetName: "Summary" }).summarySheetName).toBe("Summary");
    const ops = createOperations();
    for (let i = 0; i < 2; i++) {
      const r = await ops.summary(ja);
      expect(r.summarySheet).toBe("Summary (Shinchoku)");
    }
    expect(sheetOf(host, "SUMMARY").getCell("A1").value).toBe("課の集計");
    expect(sheetOf(host, "SUMMARY").getCell("B2").value).toBe(7);
  });
});

describe("undo on the simulated Excel", () => {
  it("gives the workbook back as staff had it, settings and names included", async () => {
    const wb = formWorkbook(28);
    // A width of staff's own where the area goes (Q, R); the other columns have the standard width.
    wb.getWorksheet("No28-1")!.getColumn(17).width = 9.5;
    wb.getWorksheet("No28-1")!.getColumn(18).width = 3.25;
    const before = cellDump(
      await reload(await (await loadSimWorkbook(await wb.xlsx.writeBuffer())).xlsx.writeBuffer()),
    );
    const host = installSimulatedOffice(wb);
    const staffSheets = host.book.sheets().map((s) => s.name);
    const ops = createOperations();
    await ops.saveSettings({
      overrides: { thresholds: { achieved: 1, mostly: 0.7 } },
      highlightErrors: true,
    });
    await ops.validate(ja);
    await ops.fill(ja);
    await ops.summary(ja);
    // The areas widened columns of the item sheets (set for print): undo must put those back.
    const filled = cellDump(await reload(await host.exportXlsx()));
    const widened = diffDumps(before, filled).filter((d) => d.includes("!#widths:"));
    expect(widened.length).toBeGreaterThan(0);
    const r = await ops.undo(ja);
    expect(r.wrote).toBe(true);
    expect(namesOf(host.book).filter((n) => n.name.startsWith("_Shinchoku"))).toEqual([]);
    expect(host.book.sheets().map((s) => s.name)).toEqual(staffSheets);
    expect(Office.context.document.settings.get(SETTINGS_KEY)).toBeNull();
    const after = cellDump(await reload(await host.exportXlsx()));
    // Every cell, merge, format, name and setting, and the column widths the areas widened.
    expect(diffDumps(before, after)).toEqual([]);
  });
});
