/** The real adapter, run on the simulated Excel: read budget, engine parity, idempotent writes, refusals. */
import { analyse } from "../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig } from "../../src/core/config/config";
import { createOperations } from "../../src/excel/operations";
import { installSimulatedOffice, loadSimWorkbook } from "../sim-excel";
import { resetSizeHint } from "../../src/excel/read-workbook";
import {
  cellDump,
  diffDumps,
  formSheets,
  formWorkbook,
  reload,
  SEED_SHEET,
  seedSnapshot,
  seedWorkbook,
  writeSnapshot,
} from "./fixtures";
import * as ExcelJS from "exceljs";
import { ConfigInvalidError } from "../../src/core/config/schema";
import { describeError } from "../../src/shared/errors";

const ja = { lang: "ja" as const };

// Each test is another document, as a fresh task pane would see it.
beforeEach(() => resetSizeHint());
const key = (f: { code: string; sheet: string | null; cell: string | null; itemNo: string | null }) =>
  `${f.code}|${f.sheet}|${f.cell}|${f.itemNo}`;

describe("validate", () => {
  it("reads in two syncs and finds item No. 28 with the engine's own findings", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const phases: string[] = [];
    const res = await createOperations().validate({ ...ja, onProgress: (e) => phases.push(e.phase) });
    expect(host.syncLog).toHaveLength(2);
    expect(res.stats.readSyncs).toBe(2);
    expect(res.stats.writeSyncs).toBe(0);
    expect(res.wrote).toBe(false);
    expect(res.items.map((i) => i.no)).toEqual(["28"]);
    expect(res.items[0].sheet).toBe(SEED_SHEET);
    expect(res.items[0].indicators?.map((i) => [i.kind, i.periodBasis, i.periodRate])).toEqual([
      ["cumulative", "last-year", 1671 / 1570],
      ["level", "last-year", 55 / 66],
    ]);

    const direct = analyse({ sheets: [seedSnapshot()] }, DEFAULT_CONFIG, { asOf: new Date() });
    expect(res.findings.map(key).sort()).toEqual(direct.findings.map(key).sort());
    expect(res.findings.every((f) => f.message.length > 0)).toBe(true);
    expect(phases[0]).toBe("reading");
    expect(phases).toContain("analysing");
    expect(phases[phases.length - 1]).toBe("done");

    // The adapter's own payload estimate is in the same range as what the sim measured.
    const simResponse = host.syncLog.reduce((n, s) => n + s.responseBytes, 0);
    expect(res.stats.responseBytes).toBeGreaterThan(simResponse * 0.5);
    expect(res.stats.responseBytes).toBeLessThan(simResponse * 2);
  });

  it("reads the laid-out form with its merged areas and agrees with the engine", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const res = await createOperations().validate(ja);
    expect(host.syncLog).toHaveLength(2);
    expect(res.items.map((i) => i.no)).toEqual(["28"]);
    const direct = analyse({ sheets: formSheets(28) }, DEFAULT_CONFIG, { asOf: new Date() });
    expect(res.findings.map(key).sort()).toEqual(direct.findings.map(key).sort());

    const f = await createOperations().fill(ja);
    expect(f.wrote).toBe(true);
    const once = cellDump(await reload(await host.exportXlsx()));
    await createOperations().fill(ja);
    expect(diffDumps(once, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
  });

  it("reads the same workbook in more syncs when Excel refuses the payload, with the same result", async () => {
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, seedSnapshot("A"));
    writeSnapshot(wb, seedSnapshot("B"));
    installSimulatedOffice(wb);
    const whole = await createOperations().validate(ja);

    const wb2 = new ExcelJS.Workbook();
    writeSnapshot(wb2, seedSnapshot("A"));
    writeSnapshot(wb2, seedSnapshot("B"));
    const host = installSimulatedOffice(wb2, { limits: { responseBytes: 12_000 } });
    const split = await createOperations().validate(ja);
    expect(split.stats.readSyncs).toBeGreaterThan(2);
    expect(host.syncLog.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(split.findings.map(key).sort()).toEqual(whole.findings.map(key).sort());
    expect(split.stats.cellsRead).toBe(whole.stats.cellsRead);
  });

  it("works on ExcelApi 1.7 (no merged areas, no read-only flag)", async () => {
    installSimulatedOffice(seedWorkbook(), { excelApi: "1.7" });
    const res = await createOperations().validate(ja);
    expect(res.items.map((i) => i.no)).toEqual(["28"]);
    const fill = await createOperations().fill(ja);
    expect(fill.wrote).toBe(true);
  });
});

describe("fill", () => {
  it("writes the computed area in 2 syncs, and a second fill changes nothing", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const first = await createOperations().fill(ja);
    expect(first.wrote).toBe(true);
    expect(first.blockedReason).toBeNull();
    expect(first.stats.readSyncs).toBe(2);
    expect(first.stats.writeSyncs).toBe(2);
    expect(first.stats.cellsWritten).toBeGreaterThan(10);
    // One write batch: not suspended, so that the calculate() at its end surely runs
    // (Application.suspendApiCalculationUntilNextSync holds until the sync; no third sync).
    expect(host.book.recalculations).toEqual(["Recalculate"]);
    expect(host.book.recalcNeeded).toBe(false);
    expect(host.book.calculationsWhileSuspended).toEqual([]);
    expect(host.book.calculationSuspensions).toBe(0);
    const ws = host.book.sheetByName(SEED_SHEET);
    const texts: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
    expect(texts.some((t) => t.startsWith(DEFAULT_CONFIG.ownedAreaTitle.slice(0, 8)))).toBe(true);
    const cfCount = host.conditionalFormatsOf(SEED_SHEET).length;
    expect(cfCount).toBeGreaterThan(0);
    expect(
      host
        .conditionalFormatsOf(SEED_SHEET)
        .every((cf) => cf.type === "CellValue" && cf.rule.operator === "EqualTo"),
    ).toBe(true);
    const once = cellDump(await reload(await host.exportXlsx()));

    const host2 = installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    const second = await createOperations().fill(ja);
    expect(second.wrote).toBe(true);
    const twice = cellDump(await reload(await host2.exportXlsx()));
    expect(diffDumps(once, twice)).toEqual([]);
    expect(host2.conditionalFormatsOf(SEED_SHEET).length).toBe(cfCount);
  });

  it("writes nothing to a protected sheet and says why", async () => {
    const wb = seedWorkbook();
    await wb.getWorksheet(SEED_SHEET)?.protect("", {});
    const host = installSimulatedOffice(wb);
    const before = cellDump(await reload(await host.exportXlsx()));
    const res = await createOperations().fill(ja);
    expect(res.wrote).toBe(false);
    expect(res.blockedReason).toContain(SEED_SHEET);
    expect(res.blockedReason).toContain("保護");
    expect(res.findings.some((f) => f.code === "write/protected")).toBe(true);
    expect(res.stats.writeSyncs).toBe(1);
    expect(host.syncLog.every((s) => s.error === null)).toBe(true);
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
    const en = await createOperations().fill({ lang: "en" });
    expect(en.blockedReason).toMatch(/protected/);
  });

  it("says a workbook is read-only when ExcelApi 1.8 is missing and the first write is refused", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { readOnly: true, excelApi: "1.7" });
    const res = await createOperations().fill({ lang: "ja" });
    expect(res.wrote).toBe(false);
    expect(res.blockedReason).toContain("読み取り専用");
    expect(host.syncLog.map((s) => s.error)).toEqual([null, null, null, "AccessDenied"]);
  });

  it("writes nothing to a read-only workbook", async () => {
    installSimulatedOffice(seedWorkbook(), { readOnly: true });
    const res = await createOperations().fill({ lang: "en" });
    expect(res.wrote).toBe(false);
    expect(res.blockedReason).toMatch(/read-only/);
  });
});

describe("summary", () => {
  it("creates 集計 with our marker, tables, a chart and links to the item sheets; a re-run gives the same sheet", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const res = await createOperations().summary(ja);
    expect(res.wrote).toBe(true);
    expect(res.summarySheet).toBe("集計");
    expect(res.stats.writeSyncs).toBe(2);
    const ws = host.book.sheetByName("集計");
    expect(String(ws?.getCell("A1").value)).toContain(DEFAULT_CONFIG.summaryMarker);
    expect(host.book.sheets()[0].name).toBe("集計");
    expect(host.activeSheet).toBe("集計");
    expect(host.tablesOf("集計").length).toBeGreaterThan(0);
    expect(host.chartsOf("集計")).toEqual([expect.objectContaining({ type: "ColumnStacked" })]);
    expect(host.frozenOf("集計")).not.toBeNull();
    const links: string[] = [];
    ws?.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { hyperlink?: string } | null;
        if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
      }),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.startsWith(`#'${SEED_SHEET}'!`))).toBe(true);

    const once = cellDump(await reload(await host.exportXlsx()));
    const host2 = installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    const again = await createOperations().summary(ja);
    expect(again.summarySheet).toBe("集計");
    expect(host2.tablesOf("集計").map((t) => t.name)).toEqual(host.tablesOf("集計").map((t) => t.name));
    expect(host2.chartsOf("集計")).toHaveLength(1);
    expect(diffDumps(once, cellDump(await reload(await host2.exportXlsx())))).toEqual([]);
  });

  it("leaves a user's own sheet 集計 untouched and reports the name it used", async () => {
    const wb = seedWorkbook();
    const mine = wb.addWorksheet("集計");
    mine.getCell("A1").value = "私の集計";
    mine.getCell("B2").value = 123;
    const host = installSimulatedOffice(wb);
    const res = await createOperations().summary(ja);
    expect(res.wrote).toBe(true);
    expect(res.summarySheet).not.toBe("集計");
    expect(res.findings.some((f) => f.code === "summary/name-taken")).toBe(true);
    const user = host.book.sheetByName("集計");
    expect(user?.getCell("A1").value).toBe("私の集計");
    expect(user?.getCell("B2").value).toBe(123);
    expect(host.tablesOf("集計")).toEqual([]);
    expect(String(host.book.sheetByName(res.summarySheet as string)?.getCell("A1").value)).toContain(
      DEFAULT_CONFIG.summaryMarker,
    );
  });
});

describe("summary for print, through Worksheet.pageLayout", () => {
  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout (ExcelApi 1.9): paperSize,
  // orientation, zoom {horizontalFitToPages, verticalFitToPages}, margins in points, setPrintArea,
  // setPrintTitleRows, headersFooters.defaultForAllPages.*Footer.
  it("sets A4 landscape, one page wide, print area, title rows and footer; fonts and row heights as planned", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const res = await createOperations().summary(ja);
    expect(res.stats.writeSyncs).toBe(2);
    const wb = await reload(await host.exportXlsx());
    const ws = wb.getWorksheet("集計")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "2:3",
    });
    expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?2:\$?[A-Z]+\$?\d+$/);
    expect(ws.pageSetup.margins?.left).toBeCloseTo(0.3, 5);
    expect(ws.headerFooter.oddFooter).toBe("&L&A&C&P / &N ページ&R印刷日 &D");
    expect(ws.getCell("A2").value).toBe(DEFAULT_CONFIG.summaryTitle);
    expect(ws.getCell("A2").font?.name).toBe("游ゴシック");
    expect(ws.getRow(2).height).toBeGreaterThan(15);
  });

  it("below ExcelApi 1.9 writes the same sheet without a page setup, and does not fail", async () => {
    const host = installSimulatedOffice(seedWorkbook(), { excelApi: "1.8" });
    const res = await createOperations().summary(ja);
    expect(res.wrote).toBe(true);
    expect(host.syncLog.every((s) => s.error === null)).toBe(true);
    const ws = (await reload(await host.exportXlsx())).getWorksheet("集計")!;
    expect(ws.getCell("A2").value).toBe(DEFAULT_CONFIG.summaryTitle);
    expect(ws.pageSetup.orientation).not.toBe("landscape");
    expect(ws.pageSetup.printArea).toBeUndefined();
  });

  it("leaves the item sheets' page setup alone and sizes the computed area's columns", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    // Both read back from a saved file, so that ExcelJS's defaults are the same on both sides.
    const before = (await reload(await host.exportXlsx())).getWorksheet(SEED_SHEET)!;
    await createOperations().fill(ja);
    const ws = (await reload(await host.exportXlsx())).getWorksheet(SEED_SHEET)!;
    expect([ws.pageSetup, ws.headerFooter]).toEqual([before.pageSetup, before.headerFooter]);
    let header: number | null = null;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "H27 計画累計") header = Number(c.col);
      }),
    );
    expect(header).not.toBeNull();
    expect(ws.getColumn(header!).width).toBeGreaterThanOrEqual(14);
  });
});

describe("selectCell, settings, highlight", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const wb = seedWorkbook();
    wb.addWorksheet("other");
    const host = installSimulatedOffice(wb);
    await createOperations().summary(ja);
    const mark = host.syncLog.length;
    await createOperations().selectCell(SEED_SHEET, "$D$5");
    expect(host.syncLog.length - mark).toBe(1);
    expect(host.activeSheet).toBe(SEED_SHEET);
    expect(host.selection).toEqual({ sheet: SEED_SHEET, address: "D5" });
  });

  it("saves settings in the document, keeps them through export and reload, and uses them", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const ops = createOperations();
    expect(await ops.loadSettings()).toEqual({ overrides: {}, highlightErrors: false });
    const base = await ops.validate(ja);
    const code = base.findings[0]?.code;
    expect(code).toBeDefined();
    const settings = {
      overrides: { severity: { [code as string]: "off" as const }, thresholds: { mostly: 0.7 } },
      highlightErrors: true,
    };
    await ops.saveSettings(settings);
    installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    const loaded = await createOperations().loadSettings();
    expect(loaded).toEqual(settings);
    expect(mergeConfig(loaded.overrides).thresholds).toEqual({ achieved: 1, mostly: 0.7 });
    const after = await createOperations().validate(ja);
    expect(after.findings.some((f) => f.code === code)).toBe(false);
  });

  it("rewrites the bands' table the flags read when a setting is saved, in a filled workbook only", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const ops = createOperations();
    // Nothing of ours yet: saving writes no sheet.
    await ops.saveSettings({ overrides: { thresholds: { mostly: 0.7 } }, highlightErrors: false });
    const wb = await loadSimWorkbook(await host.exportXlsx());
    expect(wb.worksheets.map((w) => w.name)).not.toContain("_shinchoku_settings");
    await ops.fill(ja);
    await ops.saveSettings({ overrides: { thresholds: { mostly: 0.9 } }, highlightErrors: false });
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(await host.exportXlsx());
    const table = out.getWorksheet("_shinchoku_settings")!;
    // Lowest first: 未達成, 概ね達成 from 90% (as saved), 達成 from 100%.
    expect([2, 3, 4].map((r) => [table.getCell(`A${r}`).value, table.getCell(`B${r}`).value])).toEqual([
      [-1e300, "未達成"],
      [0.9, "概ね達成"],
      [1, "達成"],
    ]);
    expect(table.state).toBe("veryHidden");
    // The names the formulas read point at it.
    const names = (out.definedNames.model as Array<{ name: string; ranges: string[] }>).filter(
      (n) => n.name.startsWith("_Shinchoku.") && !n.name.includes("Area"),
    );
    expect(Object.fromEntries(names.map((n) => [n.name, n.ranges]))).toMatchObject({
      "_Shinchoku.Flags": ["'_shinchoku_settings'!$A$2:$B$4"],
      "_Shinchoku.Band.2": ["'_shinchoku_settings'!$A$3"],
    });
  });

  it("ignores malformed stored settings", async () => {
    installSimulatedOffice(seedWorkbook());
    Office.context.document.settings.set("shinchoku.settings", "not json {");
    expect(await createOperations().loadSettings()).toEqual({ overrides: {}, highlightErrors: false });
  });

  it("refuses stored overrides the schema refuses: the path is named and nothing is written", async () => {
    const host = installSimulatedOffice(seedWorkbook());
    const before = cellDump(await reload(await host.exportXlsx()));
    Office.context.document.settings.set("shinchoku.settings", {
      overrides: { summaryMarker: "", thresholds: { mostly: 2 } },
      highlightErrors: true,
    });
    const ops = createOperations();
    await expect(ops.loadSettings()).rejects.toThrow(ConfigInvalidError);
    await expect(ops.loadSettings()).rejects.toMatchObject({
      problems: [{ path: "summaryMarker", code: "text.blank" }],
    });
    const syncs = host.syncLog.length;
    for (const run of [() => ops.fill(ja), () => ops.summary(ja), () => ops.validate(ja)])
      await expect(run()).rejects.toThrow(ConfigInvalidError);
    // The settings ride on the workbook read's first sync (issue 17): the runs read, then stop
    // before planning; nothing is written.
    expect(host.syncLog.length - syncs).toBeLessThanOrEqual(3 * 2);
    expect(host.syncLog.slice(syncs).every((s) => s.error === null)).toBe(true);
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
    const told = describeError(await ops.fill(ja).catch((e: unknown) => e), "ja").message;
    expect(told).toContain("このブックに保存された設定に誤りがあるため実行しませんでした");
    expect(told).toContain("「summaryMarker」: 空白以外の文字を含めてください");
  });

  it("highlights error cells and clearing restores each cell's own formatting", async () => {
    const wb = seedWorkbook();
    const ws = wb.getWorksheet(SEED_SHEET);
    // An error value the engine reports as an error, on a cell with its own fill.
    const target = ws?.getCell("E14");
    if (target) {
      target.value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    }
    const host = installSimulatedOffice(wb);
    const before = cellDump(await reload(await host.exportXlsx()));
    const ops = createOperations();
    await ops.saveSettings({ overrides: {}, highlightErrors: true });
    const res = await ops.validate(ja);
    const errorCells = res.findings.filter((f) => f.severity === "error" && f.cell);
    expect(errorCells.length).toBeGreaterThan(0);
    const ours = host.conditionalFormatsOf(SEED_SHEET).filter((cf) => cf.type === "Custom");
    expect(ours.length).toBeGreaterThan(0);
    expect(res.stats.readSyncs).toBe(2);

    // Validate again: the old highlight is replaced, not doubled.
    await ops.validate(ja);
    expect(host.conditionalFormatsOf(SEED_SHEET).filter((cf) => cf.type === "Custom")).toHaveLength(
      ours.length,
    );

    // Survives a reload; clearing then removes exactly ours.
    installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    const h2 = installSimulatedOffice(await loadSimWorkbook(await host.exportXlsx()));
    await createOperations().clearHighlight();
    expect(h2.conditionalFormatsOf(SEED_SHEET)).toEqual([]);
    const after = cellDump(await reload(await h2.exportXlsx()));
    expect(diffDumps(before, after)).toEqual([]);
    expect(Office.context.document.settings.get("shinchoku.highlight")).toBeNull();
  });
});
