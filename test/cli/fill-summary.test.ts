import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { toA1 } from "../../src/core/grid/address";
import { analyse, planFill } from "../../src/core/engine";
import { cellWrites } from "../../src/core/plan/edit-plan";
import { snapshotWorkbook } from "../../src/cli/read-xlsx";
import type ExcelJS from "exceljs";
import type { CellValue as ExcelJSCellValue } from "exceljs";
import { cellsOf, cli, load, visibleSheets } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";

/** Where the computed area's title would go on the workbook's first block. */
function areaTitleOf(wb: Awaited<ReturnType<typeof load>>): { row: number; col: number } {
  const snap = snapshotWorkbook(wb);
  const a = analyse(snap, DEFAULT_CONFIG, { asOf: new Date(2019, 5, 30, 12) });
  return cellWrites(planFill(a, snap).plan.edits[0].writes).find(
    (w) => w.value === DEFAULT_CONFIG.ownedAreaTitle,
  )!;
}

describe("fill never writes over a cell staff filled", () => {
  const FORMULA = 'IF(A1="x","x","")';
  const cases: Array<{ what: string; put: ExcelJSCellValue; kept: (c: ExcelJS.Cell) => void }> = [
    {
      what: "a typed text",
      put: "担当メモ：要確認",
      kept: (c) => expect(c.value).toBe("担当メモ：要確認"),
    },
    {
      // Its cached result is the empty string: Excel shows a blank cell.
      what: "a formula that shows nothing",
      put: { formula: FORMULA, result: "" } as unknown as ExcelJSCellValue,
      kept: (c) => expect(c.formula).toBe(FORMULA),
    },
  ];

  it.each(cases)("keeps $what, writes nothing for that block, and reports fill/area-occupied", async (k) => {
    const s = await freshSamples();
    const wb = await load(s.pasted);
    const title = areaTitleOf(wb);
    const at = { row: title.row + 2, col: title.col + 1 };
    wb.getWorksheet("貼り付け")!.getCell(at.row + 1, at.col + 1).value = k.put;
    await wb.xlsx.writeFile(s.pasted);

    const out = path.join(s.dir, "filled.xlsx");
    const rep = JSON.parse((await cli("fill", s.pasted, "-o", out, "--as-of", AS_OF, "--json")).stdout);
    const occupied = rep.findings.filter((f: { code: string }) => f.code === "fill/area-occupied");
    expect(occupied.map((f: { cell: string }) => f.cell)).toEqual([toA1(at.row, at.col)]);
    const ws = (await load(out)).getWorksheet("貼り付け")!;
    k.kept(ws.getCell(at.row + 1, at.col + 1));
    // The blocked block got no title; the second block (rows further down) did.
    expect(ws.getCell(title.row + 1, title.col + 1).value).toBeNull();
    const titles = [...cellsOf(ws).values()].filter((v) => v.includes(DEFAULT_CONFIG.ownedAreaTitle));
    expect(titles).toHaveLength(1);
  });
});

describe("summary", () => {
  it("with one input: the input workbook plus the summary", async () => {
    const s = await freshSamples();
    const out = path.join(s.dir, "sum.xlsx");
    expect((await cli("summary", s.plan, "-o", out, "--as-of", AS_OF)).code).toBe(1);
    const wb = await load(out);
    expect(visibleSheets(wb)).toHaveLength(13);
    // No computed areas: summary alone does not fill.
    const first = cellsOf(wb.worksheets[0]);
    expect([...first.values()].some((v) => v.includes(DEFAULT_CONFIG.ownedAreaTitle))).toBe(false);
  });

  it("with several inputs: a new workbook holding only the summary, without links", async () => {
    const s = await freshSamples();
    const out = path.join(s.dir, "all.xlsx");
    const r = await cli("summary", s.plan, s.pasted, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(1);
    const wb = await load(out);
    expect(visibleSheets(wb).map((w) => w.name)).toEqual([DEFAULT_CONFIG.summarySheetName]);
    const cells = [...cellsOf(wb.worksheets[0]).values()];
    expect(cells.some((v) => v.includes("HYPERLINK"))).toBe(false);
    // No.28 comes from both files and joins into one item; the others are the plan's.
    const nos = cells.map((v) => JSON.parse(v).v).filter((v) => typeof v === "string" && /^\d\d$/.test(v));
    expect(new Set(nos)).toEqual(new Set(["28", "29", "30", "31", "32", "33"]));
    expect(await cli("summary", s.plan, s.pasted, "--in-place")).toMatchObject({ code: 2 });
  });

  it("with several inputs, the item table names each item's file (issue 19 point 5); one input does not", async () => {
    const s = await freshSamples();
    const out = path.join(s.dir, "all.xlsx");
    await cli("summary", s.plan, s.pasted, "-o", out, "--as-of", AS_OF);
    const ws = (await load(out)).getWorksheet(DEFAULT_CONFIG.summarySheetName)!;
    const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? "");
    let headerRow = 0;
    ws.eachRow((row, r) => {
      if (!headerRow && row.getCell(1).value === "No." && row.getCell(2).value === "重点改革項目")
        headerRow = r;
    });
    expect(headerRow).toBeGreaterThan(0);
    let fileCol = 0;
    ws.getRow(headerRow).eachCell((cell, c) => {
      if (cell.value === "ファイル") fileCol = c;
    });
    expect(fileCol).toBe(ws.getRow(headerRow).cellCount);
    const byNo = new Map<string, string>();
    for (let r = headerRow + 1; /^\d\d$/.test(text(r, 1)); r++) byNo.set(text(r, 1), text(r, fileCol));
    const plan = path.basename(s.plan);
    const pasted = path.basename(s.pasted);
    expect(byNo.get("29")).toBe(plan);
    expect(byNo.get("33")).toBe(plan);
    // No.28 joins from both files: both are named.
    expect(byNo.get("28")!.split("\n").sort()).toEqual([pasted, plan].sort());

    const one = path.join(s.dir, "one.xlsx");
    await cli("summary", s.plan, "-o", one, "--as-of", AS_OF);
    const cells = [...cellsOf((await load(one)).getWorksheet(DEFAULT_CONFIG.summarySheetName)!).values()];
    expect(cells.some((v) => JSON.parse(v).v === "ファイル")).toBe(false);
  });

  it("with a folder holding one workbook: that workbook plus the summary, as with the file itself", async () => {
    const s = await freshSamples();
    const folder = path.join(s.dir, "one");
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(s.plan, path.join(folder, "plan.xlsx"));
    const out = path.join(s.dir, "one-sum.xlsx");
    expect((await cli("summary", folder, "-o", out, "--as-of", AS_OF)).code).toBe(1);
    expect(visibleSheets(await load(out))).toHaveLength(13);
  });
});

describe("a user's own sheet named 集計", () => {
  it("is left as it is; our summary goes to 集計 (Shinchoku), and a re-run reuses that sheet", async () => {
    const s = await freshSamples();
    const wb = await load(s.pasted);
    const mine = wb.addWorksheet(DEFAULT_CONFIG.summarySheetName);
    mine.getCell("A1").value = "課内の集計メモ";
    mine.getCell("B2").value = 42;
    await wb.xlsx.writeFile(s.pasted);

    const out1 = path.join(s.dir, "o1.xlsx");
    const out2 = path.join(s.dir, "o2.xlsx");
    const r = await cli("run", s.pasted, "-o", out1, "--as-of", AS_OF, "--json");
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toContain(
      "summary/name-taken",
    );
    await cli("run", out1, "-o", out2, "--as-of", AS_OF);
    for (const file of [out1, out2]) {
      const o = await load(file);
      expect(visibleSheets(o).map((w) => w.name)).toEqual([
        "貼り付け",
        "集計",
        "集計 (Shinchoku)",
        "指摘一覧",
      ]);
      expect(o.getWorksheet("集計")!.getCell("A1").value).toBe("課内の集計メモ");
      expect(o.getWorksheet("集計")!.getCell("B2").value).toBe(42);
      expect(String(o.getWorksheet("集計 (Shinchoku)")!.getCell("A1").value)).toContain(
        DEFAULT_CONFIG.summaryMarker,
      );
    }
  });
});
