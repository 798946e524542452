/**
 * What staff typed is never lost (issue 15): on real .xlsx files, the CLI clears and rewrites only
 * inside the rectangles our defined names record, keeps a cell of ours staff typed over, and
 * compares sheet names without case, as Excel does.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { parseRefersTo } from "../../src/core/ownership/names";
import { cellsOf, cli, expectSameWorkbook, hiddenSheetNames, load, visibleSheets } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";
const SHEET = "No.28 H27-28";

function areaOf(wb: ExcelJS.Workbook, sheet: string) {
  for (const n of wb.definedNames.model as Array<{ name: string; ranges: string[] }>) {
    const ref = n.name.startsWith("_Shinchoku.Area.") ? parseRefersTo(n.ranges[0]) : null;
    if (ref && ref.sheet === sheet) return ref.range;
  }
  throw new Error(`no area recorded on ${sheet}`);
}

const codes = (stdout: string) =>
  JSON.parse(stdout).findings as Array<{ code: string; cell: string | null; message: string }>;

describe("staff text around and inside our computed area", () => {
  it("survives fill, run and fill --in-place repeated; an overwritten cell of ours is kept and reported", async () => {
    const s = await freshSamples();
    const o1 = path.join(s.dir, "o1.xlsx");
    expect((await cli("fill", s.plan, "-o", o1, "--as-of", AS_OF)).code).toBeLessThan(2);
    const wb = await load(o1);
    const area = areaOf(wb, SHEET);
    const ws = wb.getWorksheet(SHEET)!;
    // Below the area (within the gap the old guess spanned), right of it, and on another sheet.
    const notes: Array<[number, number, string]> = [
      [area.bottom + 3, area.left, "メモ: 下"],
      [area.bottom + 5, area.left + 1, "メモ: 下2"],
      [area.bottom + 4, area.right - 2, "メモ: 下3"],
      [area.top + 1, area.right + 2, "メモ: 右"],
    ];
    for (const [r, c, t] of notes) ws.getCell(r + 1, c + 1).value = t;
    // A value typed over our first rate formula (the first indicator row, first column).
    const edited = ws.getCell(area.top + 3, area.left + 1);
    expect(edited.formula).toBeTruthy();
    edited.value = 0.5;
    const other = wb.getWorksheet("No.29 H27-28")!;
    other.getCell("A60").value = "隣のシートのメモ";
    const staffFile = path.join(s.dir, "staff.xlsx");
    await wb.xlsx.writeFile(staffFile);

    const o2 = path.join(s.dir, "o2.xlsx");
    const o3 = path.join(s.dir, "o3.xlsx");
    const r2 = await cli("run", staffFile, "-o", o2, "--as-of", AS_OF, "--json");
    const f2 = codes(r2.stdout).filter((f) => f.code === "fill/area-edited");
    expect(f2.map((f) => f.cell)).toEqual([edited.address]);
    expect(f2[0].message).toContain("「0.5」");
    const r3 = await cli("run", o2, "-o", o3, "--as-of", AS_OF, "--json");
    expect(
      codes(r3.stdout)
        .filter((f) => f.code === "fill/area-edited")
        .map((f) => f.cell),
    ).toEqual([edited.address]);
    for (const file of [o2, o3]) {
      const out = await load(file);
      const ows = out.getWorksheet(SHEET)!;
      for (const [r, c, t] of notes) expect(ows.getCell(r + 1, c + 1).value).toBe(t);
      expect(ows.getCell(edited.address).value).toBe(0.5);
      expect(out.getWorksheet("No.29 H27-28")!.getCell("A60").value).toBe("隣のシートのメモ");
    }
    // The third run writes what the second did.
    expectSameWorkbook(await load(o2), await load(o3));

    // The same through --in-place, twice.
    for (let i = 0; i < 2; i++) await cli("fill", staffFile, "--in-place", "--as-of", AS_OF);
    const inPlace = (await load(staffFile)).getWorksheet(SHEET)!;
    for (const [r, c, t] of notes) expect(inPlace.getCell(r + 1, c + 1).value).toBe(t);
    expect(inPlace.getCell(edited.address).value).toBe(0.5);
  });

  it("adopts an area written before names were recorded over exactly the rectangle it writes", async () => {
    const s = await freshSamples();
    const o1 = path.join(s.dir, "o1.xlsx");
    await cli("fill", s.plan, "-o", o1, "--as-of", AS_OF);
    const wb = await load(o1);
    const area = areaOf(wb, SHEET);
    // As the version before wrote it: no names, no record sheet; staff text just below the area.
    const dn = wb.definedNames as unknown as { matrixMap: Record<string, unknown> };
    for (const k of Object.keys(dn.matrixMap)) delete dn.matrixMap[k];
    for (const name of hiddenSheetNames(wb)) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell(area.bottom + 2, area.left + 1).value = "旧版の欄のすぐ下";
    const legacy = path.join(s.dir, "legacy.xlsx");
    await wb.xlsx.writeFile(legacy);
    const o2 = path.join(s.dir, "o2.xlsx");
    expect((await cli("fill", legacy, "-o", o2, "--as-of", AS_OF)).code).toBeLessThan(2);
    const out = await load(o2);
    expect(out.getWorksheet(SHEET)!.getCell(area.bottom + 2, area.left + 1).value).toBe("旧版の欄のすぐ下");
    expect(areaOf(out, SHEET)).toEqual(area);
    const before = cellsOf(wb.getWorksheet(SHEET)!);
    const after = cellsOf(out.getWorksheet(SHEET)!);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });
});

describe("sheet names compare without case, as in Excel", () => {
  it("never replaces a staff SUMMARY sheet when the summary is named Summary", async () => {
    const s = await freshSamples();
    const wb = await load(s.pasted);
    const mine = wb.addWorksheet("SUMMARY");
    mine.getCell("A1").value = "課の集計";
    mine.getCell("B2").value = { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(s.pasted);
    const cfg = path.join(s.dir, "cfg.json");
    fs.writeFileSync(cfg, JSON.stringify({ summarySheetName: "Summary" }));
    const o1 = path.join(s.dir, "o1.xlsx");
    const o2 = path.join(s.dir, "o2.xlsx");
    const r = await cli("run", s.pasted, "-o", o1, "--config", cfg, "--as-of", AS_OF, "--json");
    expect(r.code).toBeLessThan(2);
    expect(r.stderr).not.toMatch(/already exists|at \w+ \(/);
    await cli("run", o1, "-o", o2, "--config", cfg, "--as-of", AS_OF);
    for (const file of [o1, o2]) {
      const out = await load(file);
      expect(visibleSheets(out).map((w) => w.name)).toEqual([
        "貼り付け",
        "SUMMARY",
        "Summary (Shinchoku)",
        "指摘一覧",
      ]);
      expect(out.getWorksheet("SUMMARY")!.getCell("A1").value).toBe("課の集計");
      expect(out.getWorksheet("SUMMARY")!.getCell("B2").formula).toBe("SUM(1,2)");
    }
  });

  it("takes the next free name beside a staff 集計 and a staff 集計 (shinchoku)", async () => {
    const s = await freshSamples();
    const wb = await load(s.pasted);
    wb.addWorksheet("集計").getCell("A1").value = "手作業の集計";
    wb.addWorksheet("集計 (shinchoku)").getCell("A1").value = "これも手作業";
    await wb.xlsx.writeFile(s.pasted);
    const o1 = path.join(s.dir, "o1.xlsx");
    const r = await cli("run", s.pasted, "-o", o1, "--as-of", AS_OF);
    expect(r.code).toBeLessThan(2);
    const out = await load(o1);
    expect(visibleSheets(out).map((w) => w.name)).toEqual([
      "貼り付け",
      "集計",
      "集計 (shinchoku)",
      "集計 (Shinchoku 2)",
      "指摘一覧",
    ]);
    expect(out.getWorksheet("集計 (shinchoku)")!.getCell("A1").value).toBe("これも手作業");
  });

  it("refuses a summary name that is an item sheet's, whatever its case; the sheet is untouched", async () => {
    const s = await freshSamples();
    const cfg = path.join(s.dir, "cfg.json");
    fs.writeFileSync(cfg, JSON.stringify({ summarySheetName: SHEET.toLowerCase() }));
    const o1 = path.join(s.dir, "o1.xlsx");
    const r = await cli("summary", s.plan, "-o", o1, "--config", cfg, "--as-of", AS_OF, "--json");
    expect(r.code).toBe(1);
    const refused = codes(r.stdout).filter((f) => f.code === "summary/name-is-item-sheet");
    expect(refused).toHaveLength(1);
    const inp = await load(s.plan);
    const out = await load(o1);
    expect(out.worksheets.map((w) => w.name)).toEqual(inp.worksheets.map((w) => w.name));
    expect(Object.fromEntries(cellsOf(out.getWorksheet(SHEET)!))).toEqual(
      Object.fromEntries(cellsOf(inp.getWorksheet(SHEET)!)),
    );
    expect(DEFAULT_CONFIG.summarySheetName).toBe("集計");
  });
});

describe("undo IN -o OUT", () => {
  it("gives back the workbook as staff had it: every cell, sheet and name, staff edits kept", async () => {
    const s = await freshSamples();
    // Where the area goes: staff gave its first column a width of their own.
    const probe = path.join(s.dir, "probe.xlsx");
    await cli("fill", s.plan, "-o", probe, "--as-of", AS_OF);
    const area = areaOf(await load(probe), SHEET);
    const inp = await load(s.plan);
    // A staff name and a staff note, which undo must leave alone.
    inp.definedNames.add(`'${SHEET}'!$B$2`, "StaffName");
    inp.getWorksheet(SHEET)!.getCell("A70").value = "職員のメモ";
    inp.getWorksheet(SHEET)!.getColumn(area.left + 1).width = 6.5;
    const staffFile = path.join(s.dir, "staff.xlsx");
    await inp.xlsx.writeFile(staffFile);
    const ran = path.join(s.dir, "ran.xlsx");
    expect((await cli("run", staffFile, "-o", ran, "--as-of", AS_OF)).code).toBeLessThan(2);
    const undone = path.join(s.dir, "undone.xlsx");
    const r = await cli("undo", ran, "-o", undone, "--as-of", AS_OF, "--json");
    expect(r.code).toBeLessThan(2);
    const before = await load(staffFile);
    const after = await load(undone);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    // Cells, merges and conditional formats: expectSameWorkbook.
    expectSameWorkbook(before, after);
    const names = (after.definedNames.model as Array<{ name: string }>).map((n) => n.name);
    expect(names).toEqual(["StaffName"]);
    // The column widths the areas changed are staff's again (run widened them for print).
    const widths = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((w) => [w.name, (w.columns ?? []).map((c) => c.width ?? null)]);
    const ranWb = await load(ran);
    expect(widths(ranWb).filter(([n]) => n === SHEET)).not.toEqual(
      widths(before).filter(([n]) => n === SHEET),
    );
    expect(widths(after)).toEqual(widths(before));
  });

  it("keeps 指摘一覧 once staff marked a finding on it, and says so", async () => {
    const s = await freshSamples();
    const ran = path.join(s.dir, "ran.xlsx");
    await cli("run", s.plan, "-o", ran, "--as-of", AS_OF);
    const wb = await load(ran);
    // The first finding's 対応 (column H) and 備考 (column I), as staff fill them in.
    wb.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!.getCell("H5").value = "確認済み";
    wb.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!.getCell("I5").value = "課長確認済";
    await wb.xlsx.writeFile(ran);
    const undone = path.join(s.dir, "undone.xlsx");
    const r = await cli("undo", ran, "-o", undone, "--as-of", AS_OF, "--json");
    expect(r.code).toBeLessThan(2);
    expect(codes(r.stdout).filter((f) => f.code === "undo/findings-sheet-kept")).toHaveLength(1);
    const out = await load(undone);
    expect(visibleSheets(out).map((w) => w.name)).toContain(DEFAULT_CONFIG.findingsSheetName);
    expect(out.getWorksheet(DEFAULT_CONFIG.findingsSheetName)!.getCell("I5").value).toBe("課長確認済");
    expect(visibleSheets(out).map((w) => w.name)).not.toContain(DEFAULT_CONFIG.summarySheetName);
  });

  it("keeps a value staff typed over our formula, and reports it", async () => {
    const s = await freshSamples();
    const ran = path.join(s.dir, "ran.xlsx");
    await cli("fill", s.plan, "-o", ran, "--as-of", AS_OF);
    const wb = await load(ran);
    const area = areaOf(wb, SHEET);
    const cell = wb.getWorksheet(SHEET)!.getCell(area.top + 3, area.left + 1);
    cell.value = "手入力";
    await wb.xlsx.writeFile(ran);
    const undone = path.join(s.dir, "undone.xlsx");
    const r = await cli("undo", ran, "-o", undone, "--as-of", AS_OF, "--json");
    expect(
      codes(r.stdout)
        .filter((f) => f.code === "fill/area-edited")
        .map((f) => f.cell),
    ).toEqual([cell.address]);
    const out = (await load(undone)).getWorksheet(SHEET)!;
    expect(out.getCell(cell.address).value).toBe("手入力");
    // Everything else of ours is gone: the area holds only that cell.
    const left: string[] = [];
    for (let r0 = area.top; r0 <= area.bottom; r0++)
      for (let c0 = area.left; c0 <= area.right; c0++) {
        const v = out.getCell(r0 + 1, c0 + 1).value;
        if (v !== null && v !== undefined) left.push(out.getCell(r0 + 1, c0 + 1).address);
      }
    expect(left).toEqual([cell.address]);
  });
});
