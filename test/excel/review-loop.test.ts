/**
 * The review loop through the real adapter on the simulated Excel: 指摘一覧を作成 writes the findings
 * sheet, staff type their answers into it, 検証 lists those findings as reviewed, a change to a
 * marked cell reopens it, and writing the sheet again keeps the marks.
 */
import type * as ExcelJS from "exceljs";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { createOperations } from "../../src/excel/operations";
import { installSimulatedOffice, type SimExcelHost } from "../sim-excel";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { formWorkbook, reload } from "./fixtures";
import { namesOf } from "../sim-excel/names";

const ja = { lang: "ja" as const };
const SHEET = DEFAULT_CONFIG.findingsSheetName;

beforeEach(() => resetSizeHint());

/** Staff typing into cells: values set through the API, as Excel would take them. */
async function type(sheet: string, cells: Record<string, string>): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [addr, v] of Object.entries(cells)) ws.getRange(addr).values = [[v]];
    await context.sync();
  });
}

async function rowsOf(host: SimExcelHost): Promise<{ ws: ExcelJS.Worksheet; rows: string[][] }> {
  const ws = (await reload(await host.exportXlsx())).getWorksheet(SHEET)!;
  const rows: string[][] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const vs = Array.from({ length: 11 }, (_, c) => ws.getCell(r, c + 1).text);
    if (vs.some((x) => x !== "")) rows.push(vs);
  }
  return { ws, rows };
}

describe("指摘一覧 through the adapter (simulated Excel)", () => {
  it("writes the sheet, reads marks back, reopens a changed cell, and keeps marks when written again", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const ops = createOperations();
    const first = await ops.validate(ja);
    expect(first.reviewed).toEqual([]);
    expect(first.counts.warning).toBeGreaterThan(1);

    const w = await ops.findings(ja);
    expect(w.wrote).toBe(true);
    expect(w.findingsSheet).toBe(SHEET);
    // Two read syncs, then the check and the write.
    expect(w.stats.readSyncs).toBe(2);
    expect(w.stats.writeSyncs).toBe(2);

    const { ws, rows } = await rowsOf(host);
    expect(rows).toHaveLength(first.findings.length);
    expect(ws.getCell("H5").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"未対応,修正済み,確認済み,対応不要"'],
    });
    expect(ws.getColumn(10).hidden).toBe(true);
    expect(ws.getColumn(11).hidden).toBe(true);
    expect(host.tablesOf(SHEET).map((t) => t.name)).toEqual(["Shinchoku_Findings"]);
    // The sheet is ours: validating again finds the same as before (not read as a form).
    const again = await ops.validate(ja);
    expect(again.findings.map((f) => f.code)).toEqual(first.findings.map((f) => f.code));

    // Staff accept the first warning with a note and say the second one needs nothing.
    const warnRows = rows.map((r, i) => ({ r, line: 5 + i })).filter((x) => x.r[4] === "警告");
    const [a, b] = warnRows;
    await type(SHEET, {
      [`H${a.line}`]: "確認済み",
      [`I${a.line}`]: "公表済みの値",
      [`H${b.line}`]: "対応不要",
    });

    const marked = await ops.validate(ja);
    expect(marked.reviewed?.map((f) => [f.sheet, f.cell, f.review])).toEqual([
      [a.r[2], a.r[3], { state: "confirmed", note: "公表済みの値" }],
      [b.r[2], b.r[3], { state: "notNeeded", note: "" }],
    ]);
    expect(marked.counts.warning).toBe(first.counts.warning - 2);
    expect(marked.findings.some((f) => f.sheet === a.r[2] && f.cell === a.r[3] && f.code === a.r[5])).toBe(
      false,
    );

    // Written again: the marks and the note are still on the rows of their findings.
    await ops.findings(ja);
    const rewritten = (await rowsOf(host)).rows;
    expect(rewritten.map((r) => r.slice(0, 9))).toEqual(
      rows.map((r, i) =>
        i + 5 === a.line
          ? [...r.slice(0, 7), "確認済み", "公表済みの値"]
          : i + 5 === b.line
            ? [...r.slice(0, 7), "対応不要", ""]
            : r.slice(0, 9),
      ),
    );

    // The first marked cell changes (another estimate): its finding is open again.
    const cell = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(a.r[2]).getRange(a.r[3]);
      r.load("values");
      await context.sync();
      return String(r.values[0][0]);
    });
    await type(a.r[2], { [a.r[3]]: cell.replace(/^\d+/, "941") });
    const reopened = await ops.validate(ja);
    expect(reopened.reviewed?.map((f) => f.cell)).toEqual([b.r[3]]);
    expect(reopened.counts.warning).toBe(first.counts.warning - 1);
    expect(reopened.findings.some((f) => f.sheet === a.r[2] && f.cell === a.r[3])).toBe(true);

    await ops.findings(ja);
    const after = (await rowsOf(host)).rows.find((r) => r[2] === a.r[2] && r[3] === a.r[3])!;
    expect(after[7]).toBe("未対応");
    expect(after[8]).toContain("再確認");
    expect(after[8]).toContain("公表済みの値");
  });

  it("below ExcelApi 1.8 writes the sheet without the dropdown, and still reads the marks", async () => {
    const host = installSimulatedOffice(formWorkbook(28), { excelApi: "1.7" });
    const ops = createOperations();
    const w = await ops.findings(ja);
    expect(w.wrote).toBe(true);
    const { ws, rows } = await rowsOf(host);
    expect(ws.getCell("H5").dataValidation?.type).toBeUndefined();
    const line = 5 + rows.findIndex((r) => r[4] === "警告");
    await type(SHEET, { [`H${line}`]: "確認済み" });
    expect((await ops.validate(ja)).reviewed).toHaveLength(1);
  });

  it("leaves a user's own sheet named 指摘一覧 alone and writes ours beside it", async () => {
    const wb = formWorkbook(28);
    wb.addWorksheet(SHEET).getCell("A1").value = "課内メモ";
    const host = installSimulatedOffice(wb);
    const w = await createOperations().findings(ja);
    expect(w.findingsSheet).toBe(`${SHEET} (Shinchoku)`);
    const out = await reload(await host.exportXlsx());
    expect(out.getWorksheet(SHEET)!.getCell("A1").value).toBe("課内メモ");
    expect(String(out.getWorksheet(`${SHEET} (Shinchoku)`)!.getCell("A1").value)).toContain(
      DEFAULT_CONFIG.findingsMarker,
    );
  });
});

describe("the simulated Excel's data validation and hidden columns", () => {
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-datavalidation-member
  // (ExcelApi 1.8) and #excel-excel-range-columnhidden-member (ExcelApi 1.2).
  it("sets a list rule on every cell of the range and reads it back", async () => {
    const host = installSimulatedOffice(formWorkbook(28));
    const sheet = host.book.wb.worksheets[0].name;
    const read = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.getRange("Z1:Z3").dataValidation.rule = { list: { inCellDropDown: true, source: "A,B" } };
      ws.getRange("Y:Y").columnHidden = true;
      const z2 = ws.getRange("Z2");
      z2.load("dataValidation/type,dataValidation/rule");
      const hidden = ws.getRange("Y1");
      hidden.load("columnHidden");
      await context.sync();
      return { type: z2.dataValidation.type, rule: z2.dataValidation.rule, hidden: hidden.columnHidden };
    });
    expect(read).toEqual({
      type: "List",
      rule: { list: { inCellDropDown: true, source: "A,B" } },
      hidden: true,
    });
    const ws = (await reload(await host.exportXlsx())).getWorksheet(sheet)!;
    expect(ws.getCell("Z3").dataValidation).toMatchObject({ type: "list", formulae: ['"A,B"'] });
    expect(ws.getCell("Z4").dataValidation?.type).toBeUndefined();
    expect(ws.getColumn("Y").hidden).toBe(true);
  });

  it("refuses data validation below ExcelApi 1.8", async () => {
    const host = installSimulatedOffice(formWorkbook(28), { excelApi: "1.7" });
    const sheet = host.book.wb.worksheets[0].name;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: "A" },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("指摘一覧 is ours by _Shinchoku.Findings (simulated Excel)", () => {
  it("records the sheet in the name; a marked sheet holding staff text beside it is never cleared", async () => {
    const wb = formWorkbook(28);
    // An earlier version's sheet (the marker, no name) that staff wrote beside: a staff sheet now.
    const old = wb.addWorksheet(SHEET);
    old.getCell("A1").value = `${DEFAULT_CONFIG.findingsMarker} 検証結果と対応状況`;
    old.getCell("M2").value = "課内メモ";
    const host = installSimulatedOffice(wb);
    const ops = createOperations();
    const w = await ops.findings(ja);
    expect(w.findingsSheet).toBe(`${SHEET} (Shinchoku)`);
    const named = namesOf(host.book).find((n) => n.name === "_Shinchoku.Findings");
    expect(named?.formula).toMatch(/^='指摘一覧 \(Shinchoku\)'!\$A\$1:\$K\$\d+$/);
    const again = await ops.findings(ja);
    expect(again.findingsSheet).toBe(`${SHEET} (Shinchoku)`);
    const back = await reload(await host.exportXlsx());
    expect(back.getWorksheet(SHEET)!.getCell("M2").value).toBe("課内メモ");
  });
});
