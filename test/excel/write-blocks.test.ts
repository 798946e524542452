/** Grouping a plan's cell writes into few rectangular range writes. */
import { asExcelInput, coalesceRanges, formatLayers, toBlocks } from "../../src/excel/write-blocks";
import { fromSpecialCells, parseAreas, toSnapshot } from "../../src/excel/read-workbook";
import type { CellWrite } from "../../src/core/plan/edit-plan";

const w = (row: number, col: number, value: CellWrite["value"], format?: CellWrite["format"]): CellWrite => ({
  row,
  col,
  value,
  format,
});

describe("toBlocks", () => {
  it("stacks runs with the same columns on consecutive rows into one 2-D block", () => {
    const cells = [w(2, 1, "a"), w(2, 2, "b"), w(3, 1, "c"), w(3, 2, "d"), w(5, 1, "e")];
    const blocks = toBlocks(cells.map((c) => ({ row: c.row, col: c.col, item: c.value })));
    expect(blocks).toEqual([
      {
        range: { top: 2, bottom: 3, left: 1, right: 2 },
        cells: [
          ["a", "b"],
          ["c", "d"],
        ],
      },
      { range: { top: 5, bottom: 5, left: 1, right: 1 }, cells: [["e"]] },
    ]);
  });

  it("keeps a gap in a row as two writes (the cell between is not ours)", () => {
    const blocks = toBlocks([w(0, 0, 1), w(0, 2, 2)].map((c) => ({ row: c.row, col: c.col, item: c.value })));
    expect(blocks.map((b) => b.range)).toEqual([
      { top: 0, bottom: 0, left: 0, right: 0 },
      { top: 0, bottom: 0, left: 2, right: 2 },
    ]);
  });
});

describe("formatLayers", () => {
  it("writes each format property once over the rectangle of cells that have it", () => {
    const thin = { border: "thin" as const };
    const writes = [
      w(0, 0, "h", { ...thin, bold: true }),
      w(0, 1, "h", { ...thin, bold: true }),
      w(1, 0, 1, thin),
      w(1, 1, 2, thin),
    ];
    const layers = formatLayers(writes);
    expect(layers).toContainEqual({
      range: { top: 0, bottom: 1, left: 0, right: 1 },
      format: { border: "thin" },
    });
    expect(layers).toContainEqual({
      range: { top: 0, bottom: 0, left: 0, right: 1 },
      format: { bold: true },
    });
    expect(layers).toHaveLength(2);
  });
});

describe("asExcelInput", () => {
  it("keeps text that Excel would turn into a number, date, boolean or formula as text", () => {
    expect(asExcelInput("28")).toBe("'28");
    expect(asExcelInput("1,090")).toBe("'1,090");
    expect(asExcelInput("4/1")).toBe("'4/1");
    expect(asExcelInput("1-2")).toBe("'1-2");
    expect(asExcelInput("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(asExcelInput("TRUE")).toBe("'TRUE");
    expect(asExcelInput("達成")).toBe("達成");
    expect(asExcelInput("H27")).toBe("H27");
    expect(asExcelInput(null)).toBe("");
    expect(asExcelInput(0.5)).toBe(0.5);
  });
});

describe("coalesceRanges", () => {
  it("merges adjacent pieces of an area into one rectangle", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ top: 10 + i, bottom: 10 + i, left: 3, right: 8 }));
    expect(coalesceRanges(rows)).toEqual([{ top: 10, bottom: 14, left: 3, right: 8 }]);
  });
});

describe("reading helpers", () => {
  it("parses RangeAreas addresses, quoted sheet names included", () => {
    expect(parseAreas("'進捗 No,28'!A1:B2,'進捗 No,28'!$C$3:$D$4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
    expect(parseAreas("")).toEqual([]);
  });

  it("turns Excel's arrays into the engine's snapshot: blanks null, formulas only where there is one, formats of numbers", () => {
    const s = toSnapshot(
      "S",
      2,
      1,
      [["", 3, "#DIV/0!", 4, "x"]],
      [["", "=A1+2", "#DIV/0!", 4, "x"]],
      [["0.0%", "0.0%", "@", "General", "@"]],
    );
    const expected = {
      name: "S",
      originRow: 2,
      originCol: 1,
      values: [[null, 3, "#DIV/0!", 4, "x"]],
      formulas: [[null, "=A1+2", null, null, null]],
      numberFormats: [[null, "0.0%", null, null, null]],
    };
    expect(s).toEqual(expected);
    // The same from special cells: the formula cell's area (C3), the numeric constant's (E3).
    const fromAreas = fromSpecialCells(
      "S",
      2,
      1,
      [["", 3, "#DIV/0!", 4, "x"]],
      [{ rowIndex: 2, columnIndex: 2, formulas: [["=A1+2"]], numberFormat: [["0.0%"]] }],
      // Areas reaching outside the range (a sheet's special cells, say) count only inside it.
      [{ rowIndex: 1, columnIndex: 4, numberFormat: [["0"], ["General"], ["0"]] }],
    );
    expect(fromAreas).toEqual(expected);
  });
});
