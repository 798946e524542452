/**
 * Excel limits a text value inside a formula to 255 characters ("Excel specifications and limits",
 * support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * a HYPERLINK to an item with a long title joins literals with &.
 */
import * as ExcelJS from "exceljs";
import { formulaText, FORMULA_LITERAL_MAX } from "../../src/core/grid/address";
import { hyperlinkFormula } from "../../src/cli/apply-plan";
import { installSimulatedOffice } from "../sim-excel";

const literals = (f: string) => [...f.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));

describe("formulaText", () => {
  it("one literal up to 255 characters, quotes doubled", () => {
    expect(formulaText('say "hi"')).toBe('"say ""hi"""');
    expect(formulaText("あ".repeat(255))).toBe(`"${"あ".repeat(255)}"`);
  });

  it("longer: pieces of at most 255 characters joined with &, nothing lost, no surrogate cut", () => {
    const title = `${"改革".repeat(200)}"引用"${"😀".repeat(100)}`;
    const f = formulaText(title);
    const parts = literals(f);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(FORMULA_LITERAL_MAX);
    expect(parts.join("")).toBe(title);
    expect(f.split("&").length).toBe(parts.length);
    for (const p of parts) expect(/[\ud800-\udbff]$/.test(p)).toBe(false);
  });

  it("the CLI's HYPERLINK for a 300-character title is one the simulated Excel accepts; the bare one is not", async () => {
    const title = "地域活動の担い手を育む仕組みづくり".repeat(18);
    expect(title.length).toBeGreaterThan(255);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S");
    installSimulatedOffice(wb);
    const write = (formula: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").formulas = [[formula]];
        await context.sync();
      }).then(
        () => null,
        (e: { code?: string }) => e.code ?? String(e),
      );
    const ours = hyperlinkFormula("No28", "A1", title).formula;
    expect(await write(`=${ours}`)).toBeNull();
    expect(await write(`=HYPERLINK("#'No28'!A1","${title}")`)).toBe("InvalidArgument");
  });
});
