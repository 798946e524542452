/** The simulated Excel's Range.getSpecialCells (ExcelApi 1.9), as the adapter's read relies on it. */
import * as ExcelJS from "exceljs";
import { installSimulatedOffice } from "../sim-excel";
import { groupAreas, valueKinds } from "../sim-excel/special-cells";
import { codeOf } from "./fixtures";

/**
 *     A        B            C          D        E
 * 1   タイトル
 * 2   数       10           20         =B2+C2 (30)
 * 3   数       11           21
 * 4   文字     =A4&"x" (…)  TRUE       #N/A     =1/0 (#DIV/0!)
 * 5   日付     2024-04-01   "'5"       =B2>1 (TRUE)
 * 6   (B6:C6 merged, "結合")
 */
function sample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "タイトル";
  ws.getCell("A2").value = "数";
  ws.getCell("B2").value = 10;
  ws.getCell("C2").value = 20;
  ws.getCell("D2").value = { formula: "B2+C2", result: 30 } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = "数";
  ws.getCell("B3").value = 11;
  ws.getCell("C3").value = 21;
  ws.getCell("A4").value = "文字";
  ws.getCell("B4").value = { formula: 'A4&"x"', result: "文字x" } as ExcelJS.CellFormulaValue;
  ws.getCell("C4").value = true;
  ws.getCell("D4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E4").value = {
    formula: "1/0",
    result: { error: "#DIV/0!" },
  } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("A5").value = "日付";
  ws.getCell("B5").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("C5").value = "5";
  ws.getCell("D5").value = { formula: "B2>1", result: true } as ExcelJS.CellFormulaValue;
  ws.getCell("B6").value = "結合";
  ws.mergeCells("B6:C6");
  ws.getCell("B2").numFmt = "#,##0";
  ws.getCell("D2").numFmt = "0.0%";
  return wb;
}

type Args = [
  Excel.SpecialCellType | `${Excel.SpecialCellType}`,
  (Excel.SpecialCellValueType | `${Excel.SpecialCellValueType}`)?,
];

/** The address of getSpecialCellsOrNullObject(...args) over A1:E6, or null for a null object. */
async function addressOf(...args: Args): Promise<string | null> {
  return Excel.run(async (context) => {
    const found = context.workbook.worksheets
      .getItem("S")
      .getRange("A1:E6")
      .getSpecialCellsOrNullObject(...args);
    found.load("address");
    await context.sync();
    return found.isNullObject ? null : found.address;
  });
}

describe("simulated Range.getSpecialCells", () => {
  beforeEach(() => installSimulatedOffice(sample()));

  it("finds formulas and constants by the type of their value", async () => {
    expect(await addressOf("Formulas")).toBe("S!D2,S!B4,S!E4,S!D5");
    expect(await addressOf("Formulas", "Numbers")).toBe("S!D2");
    expect(await addressOf("Formulas", "Text")).toBe("S!B4");
    expect(await addressOf("Formulas", "Errors")).toBe("S!E4");
    expect(await addressOf("Formulas", "Logical")).toBe("S!D5");
    // A date is a number to Excel; "'5" is text; a merged area's other cells are blank.
    expect(await addressOf("Constants", "Numbers")).toBe("S!B2:C3,S!B5");
    expect(await addressOf("Constants", "Logical")).toBe("S!C4");
    expect(await addressOf("Constants", "Errors")).toBe("S!D4");
    expect(await addressOf("Constants", "Text")).toBe("S!A1:A5,S!C5,S!B6");
    expect(await addressOf("Constants")).toBe("S!A1,S!A2:C3,S!A4,S!C4:D4,S!A5:C5,S!B6");
    expect(await addressOf("Constants", "All")).toBe(await addressOf("Constants"));
  });

  it("combines value types as Excel's combined enum members name them", async () => {
    expect(await addressOf("Constants", "NumbersText")).toBe("S!A1,S!A2:C3,S!A4,S!A5:C5,S!B6");
    expect(await addressOf("Constants", "ErrorsLogical")).toBe("S!C4:D4");
    expect(await addressOf("Formulas", "ErrorsLogicalNumber")).toBe("S!D2,S!E4,S!D5");
    expect(await addressOf(Excel.SpecialCellType.formulas, Excel.SpecialCellValueType.logicalText)).toBe(
      "S!B4,S!D5",
    );
    expect([...valueKinds("LogicalNumbersText")].sort()).toEqual(["Logical", "Numbers", "Text"]);
    expect([...valueKinds("ErrorsNumberText")].sort()).toEqual(["Errors", "Numbers", "Text"]);
  });

  it("finds blanks inside the used range, the merged area's other cell among them", async () => {
    expect(await addressOf("Blanks")).toBe("S!B1:E1,S!E2,S!D3:E3,S!E5,S!A6,S!C6:E6");
  });

  it("groups each row's runs into areas, stacking runs with the same columns", () => {
    const areas = groupAreas(
      new Map([
        [1, [1, 2, 3]],
        [2, [1, 2, 3, 5]],
        [3, [1, 2, 3]],
        [5, [1, 2, 3]],
      ]),
    );
    expect(areas).toEqual([
      { top: 1, left: 1, bottom: 3, right: 3 },
      { top: 2, left: 5, bottom: 2, right: 5 },
      { top: 5, left: 1, bottom: 5, right: 3 },
    ]);
  });

  it("gives a RangeAreas with areaCount, cellCount and an areas collection to load", async () => {
    await Excel.run(async (context) => {
      const numbers = context.workbook.worksheets
        .getItem("S")
        .getUsedRange()
        .getSpecialCells(Excel.SpecialCellType.constants, Excel.SpecialCellValueType.numbers);
      numbers.load("address,areaCount,cellCount");
      numbers.areas.load("items/rowIndex,items/columnIndex,items/values,items/numberFormat");
      const formulas = context.workbook.worksheets.getItem("S").getUsedRange().getSpecialCells("Formulas");
      formulas.load("areas/items/address,areas/items/formulas");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early is what this test checks
      expect(() => numbers.areas.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect([numbers.address, numbers.areaCount, numbers.cellCount]).toEqual(["S!B2:C3,S!B5", 2, 5]);
      expect(numbers.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.values, a.numberFormat])).toEqual([
        [
          1,
          1,
          [
            [10, 20],
            [11, 21],
          ],
          [
            ["#,##0", "General"],
            ["General", "General"],
          ],
        ],
        [4, 1, [[45383]], [["General"]]],
      ]);
      expect(formulas.areas.items.map((a) => [a.address, a.formulas])).toEqual([
        ["S!D2", [["=B2+C2"]]],
        ["S!B4", [['=A4&"x"']]],
        ["S!E4", [["=1/0"]]],
        ["S!D5", [["=B2>1"]]],
      ]);
      // Only what was loaded is there.
      // eslint-disable-next-line office-addins/load-object-before-read -- reading what was not loaded is what this test checks
      expect(() => formulas.areas.items[0].values).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
      // eslint-disable-next-line office-addins/load-object-before-read -- reading what was not loaded is what this test checks
      expect(() => formulas.areaCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const second = numbers.areas.getItemAt(1);
      second.load("address");
      await context.sync();
      expect(second.address).toBe("S!B5");
    });
  });

  it("OrNullObject: isNullObject when no cell matches, and its areas stay unloaded", async () => {
    await Excel.run(async (context) => {
      const none = context.workbook.worksheets
        .getItem("S")
        .getRange("A1:A3")
        .getSpecialCellsOrNullObject("Formulas");
      none.areas.load("items/formulas");
      const some = context.workbook.worksheets
        .getItem("S")
        .getRange("A1:E6")
        .getSpecialCellsOrNullObject("Formulas");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early is what this test checks
      expect(() => none.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(none.areas.isNullObject).toBe(true);
      expect(() => none.areas.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(some.isNullObject).toBe(false);
    });
  });

  it("the throwing variant fails the batch with ItemNotFound when no cell matches, loaded or not", async () => {
    const code = await codeOf(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A3").getSpecialCells("Formulas");
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
    expect(
      await codeOf(() =>
        Excel.run(async (context) => {
          const found = context.workbook.worksheets
            .getItem("S")
            .getRange("B2:C3")
            .getSpecialCells("Constants");
          found.load("areaCount");
          await context.sync();
          expect(found.areaCount).toBe(1);
          // eslint-disable-next-line office-addins/load-object-before-read -- isNullObject is known after sync, as in office.js
          expect(found.isNullObject).toBe(false);
        }),
      ),
    ).toBeNull();
  });

  it("refuses unknown types with InvalidArgument; types it does not simulate say so", async () => {
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:E6");
      expect(() => r.getSpecialCells("Shapes" as "Formulas")).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
      expect(() => r.getSpecialCells("Constants", "Dates" as "Numbers")).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
      expect(() => r.getSpecialCells("Visible")).toThrow(/simulated Excel has no/);
      await context.sync();
    });
  });

  it("is ExcelApi 1.9: ApiNotFound when the host claims less", async () => {
    installSimulatedOffice(sample(), { excelApi: "1.8" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:E6");
      expect(() => r.getSpecialCells("Formulas")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
      expect(() => r.getSpecialCellsOrNullObject("Formulas")).toThrow(
        expect.objectContaining({ code: "ApiNotFound" }),
      );
      await context.sync();
    });
    installSimulatedOffice(sample(), { excelApi: "1.9" });
    expect(await addressOf("Formulas", "Numbers")).toBe("S!D2");
  });

  it("counts the loaded areas in the sync's response bytes and towards the cells limit", async () => {
    const host = installSimulatedOffice(sample());
    const sync = async (loadAreas: boolean) => {
      await Excel.run(async (context) => {
        const found = context.workbook.worksheets
          .getItem("S")
          .getRange("A1:E6")
          .getSpecialCellsOrNullObject("Constants");
        if (loadAreas) found.areas.load("items/values,items/formulas,items/numberFormat");
        await context.sync();
      });
      return host.syncLog[host.syncLog.length - 1].responseBytes;
    };
    const without = await sync(false);
    const withAreas = await sync(true);
    // The constants' texts come back twice (values and formulas), "General" for each cell.
    const payload = JSON.stringify(["タイトル", "数", "文字", "日付", "結合"]);
    expect(withAreas - without).toBeGreaterThan(2 * new TextEncoder().encode(payload).length + 14 * 9);

    installSimulatedOffice(sample(), { limits: { cells: 2 } });
    const code = await codeOf(() =>
      Excel.run(async (context) => {
        const found = context.workbook.worksheets.getItem("S").getRange("A1:E6").getSpecialCells("Constants");
        found.areas.load("items/values,items/formulas");
        await context.sync();
      }),
    );
    // An area of more cells than the (shrunk) limit of a get on one range.
    expect(code).toBe("RangeExceedsLimit");
  });
});
