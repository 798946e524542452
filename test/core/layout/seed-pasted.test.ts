import { refOf } from "../../../src/core/model/item";
import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import { pasteAsExcel, seedText } from "./pasted";
import { expectSeedItem } from "./seed-expectations";

describe("the seed text pasted at A1 (headers shifted a column against the data)", () => {
  const read = readWorkbook({ sheets: [pasteAsExcel(seedText())] }, DEFAULT_CONFIG);

  it("reads one item, No.28, with every figure, status, grade and text", () => {
    expectSeedItem(read);
  });

  it("finds both blocks on the one sheet and raises no reading problem", () => {
    expect(read.blocks.map((b) => b.fiscalYears)).toEqual([
      [2015, 2016],
      [2017, 2018],
    ]);
    expect(read.diagnostics).toEqual([]);
  });

  it("keeps each value's sheet and cell address", () => {
    const [a] = read.items[0].indicators;
    expect(refOf(a.baseline.cell)).toEqual({ sheet: "貼り付け", cell: "C14" });
    expect(a.years[0].plan?.cell).toBe("D14");
    expect(a.years[0].actual?.cell).toBe("E14");
    expect(a.years[3].actual?.cell).toBe("G43");
    expect(read.items[0].grades[0].grade?.cell).toBe("E23");
    expect(read.items[0].statuses[3].status?.cell).toBe("G47");
    expect(read.items[0].periodEvaluations[1].grade?.cell).toBe("E54");
    expect(read.items[0].noCell?.cell).toBe("D5");
  });

  it("reads the text as LibreOffice pastes it too (numbers kept as text with commas)", () => {
    const asText = pasteAsExcel(seedText(), "貼り付け", { numbers: false });
    expect(asText.values[13][3]).toBe("1,090");
    const r = readWorkbook({ sheets: [asText] }, DEFAULT_CONFIG);
    expectSeedItem(r);
  });
});
