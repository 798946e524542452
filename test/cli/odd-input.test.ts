import * as path from "path";
import ExcelJS from "exceljs";
import { cli, load, tmpDir } from "./helpers";

/** Workbooks that are not progress sheets, or are half broken: a clear report, never a crash. */
describe("odd workbooks", () => {
  it("reads a workbook of errors, dates, booleans, formulas without cached results and empty sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("ごちゃまぜ");
    ws.getCell("A1").value = "No.";
    ws.getCell("B1").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = "指標";
    ws.getCell("B2").value = new Date(Date.UTC(2016, 3, 1));
    ws.getCell("C2").value = true;
    ws.getCell("D2").value = { formula: "SUM(Z1:Z9)" } as ExcelJS.CellFormulaValue;
    ws.getCell("A3").value = "平成27年度";
    ws.getCell("B3").value = "計画";
    ws.getCell("C3").value = "実績";
    ws.mergeCells("E5:G9");
    wb.addWorksheet("空");
    const file = path.join(tmpDir("odd"), "odd.xlsx");
    await wb.xlsx.writeFile(file);

    const v = await cli("validate", file, "--as-of", "2019-06-30");
    expect([0, 1]).toContain(v.code);
    expect(v.stdout).toContain("■");
    const out = path.join(path.dirname(file), "odd-out.xlsx");
    const r = await cli("run", file, "-o", out, "--as-of", "2019-06-30");
    expect([0, 1]).toContain(r.code);
    expect((await load(out)).getWorksheet("ごちゃまぜ")!.getCell("B1").value).toEqual({ error: "#REF!" });
  });

  it("reads a workbook without a single sheet as zero items, an error: nothing read is no success", async () => {
    const dir = tmpDir("odd");
    const file = path.join(dir, "nosheets.xlsx");
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    const r = await cli("validate", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("改革項目 0 件");
    expect(r.stdout).toContain("このファイルにはシートが1枚もなく、進捗管理シートの様式");
  });
});
