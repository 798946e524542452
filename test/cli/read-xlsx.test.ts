import * as path from "path";
import ExcelJS from "exceljs";
import { snapshotWorkbook } from "../../src/cli/read-xlsx";
import { Grid } from "../../src/core/grid/grid";
import { load, tmpDir } from "./helpers";

/** A workbook with every kind of cell the reader must reduce, written to disk and read back. */
async function kitchenSink(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("様式");
  ws.getCell("B2").value = 1090;
  ws.getCell("C2").value = "930(見込み)";
  ws.getCell("D2").value = { richText: [{ text: "進捗に", font: { bold: true } }, { text: "遅れあり" }] };
  ws.getCell("E2").value = { formula: "B2*2", result: 2180 };
  ws.getCell("F2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("G2").value = true;
  ws.getCell("H2").value = new Date(Date.UTC(2019, 3, 1));
  ws.getCell("H2").numFmt = "yyyy/m/d";
  ws.getCell("I2").value = 0.725;
  ws.getCell("I2").numFmt = "0.0%";
  ws.getCell("B4").value = "改革実施項目名称(細項目)";
  ws.mergeCells("B4:D5");
  // A shared formula: J3 follows J2, its master.
  ws.getCell("B3").value = 10;
  ws.getCell("J2").value = {
    formula: "B2+1",
    result: 1091,
    shareType: "shared",
    ref: "J2:J3",
  } as ExcelJS.CellValue;
  ws.getCell("J3").value = { sharedFormula: "J2", result: 11 } as ExcelJS.CellValue;
  ws.getCell("K2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  const hidden = wb.addWorksheet("非表示", { state: "hidden" });
  hidden.getCell("A1").value = "No.";
  const file = path.join(tmpDir("read"), "kitchen.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("read-xlsx: an .xlsx file as the engine's snapshot", () => {
  let snap: ReturnType<typeof snapshotWorkbook>;
  beforeAll(async () => {
    snap = snapshotWorkbook(await load(await kitchenSink()));
  });

  it("reads every sheet, hidden ones too, with the used range's origin", () => {
    expect(snap.sheets.map((s) => s.name)).toEqual(["様式", "非表示"]);
    const s = snap.sheets[0];
    expect([s.originRow, s.originCol]).toEqual([1, 1]);
    expect(snap.sheets[1].values).toEqual([["No."]]);
  });

  it("reduces values as Office.js hands them over", () => {
    const s = snap.sheets[0];
    const at = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return s.values[Number(m[2]) - 1 - s.originRow][m[1].charCodeAt(0) - 65 - s.originCol];
    };
    expect(at("B2")).toBe(1090);
    expect(at("C2")).toBe("930(見込み)");
    expect(at("D2")).toBe("進捗に遅れあり");
    expect(at("E2")).toBe(2180);
    expect(at("F2")).toEqual({ error: "#DIV/0!" });
    expect(at("G2")).toBe(true);
    expect(at("H2")).toBe(43556); // 2019-04-01 as an Excel serial
    expect(at("I2")).toBe(0.725);
    expect(at("K2")).toEqual({ error: "#DIV/0!" });
    expect(at("J3")).toBe(11);
  });

  it("keeps formulas (shared ones translated), number formats and merges", () => {
    const s = snap.sheets[0];
    const r = (row: number) => row - 1 - s.originRow;
    const c = (col: string) => col.charCodeAt(0) - 65 - s.originCol;
    expect(s.formulas![r(2)][c("E")]).toBe("=B2*2");
    expect(s.formulas![r(2)][c("J")]).toBe("=B2+1");
    expect(s.formulas![r(3)][c("J")]).toBe("=B3+1");
    expect(s.formulas![r(2)][c("B")]).toBeNull();
    expect(s.numberFormats![r(2)][c("I")]).toBe("0.0%");
    expect(s.numberFormats![r(2)][c("B")]).toBeNull();
    expect(s.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 3 }]);
    // Only the merged area's top-left cell holds the value.
    expect(s.values[r(4)][c("B")]).toBe("改革実施項目名称(細項目)");
    // The rest of the area is blank: the row ends at its last value (the grid reads past it as blank).
    expect(s.values[r(4)]).toHaveLength(c("B") + 1);
    expect(new Grid(s).value(3, 2)).toBeNull();
  });

  it("keeps each row only as long as its last cell", () => {
    const s = snap.sheets[0];
    // The last slot holds something: a value, or a formula without a cached value.
    s.values.forEach((row, i) => {
      if (row.length) expect(row[row.length - 1] ?? s.formulas?.[i]?.[row.length - 1] ?? null).not.toBeNull();
    });
    const widest = Math.max(...s.values.map((row) => row.length));
    expect(s.values.some((row) => row.length < widest)).toBe(true);
  });

  it("gives an empty sheet an empty snapshot", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    expect(snapshotWorkbook(wb).sheets[0]).toMatchObject({ name: "空", values: [] });
  });
});
