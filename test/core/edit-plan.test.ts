/** The plan's rows: how cells put one by one become RowWrites, and how they read back cell by cell. */
import {
  cellCount,
  cellWrites,
  forEachCellWrite,
  RowWriter,
  type RowWrite,
} from "../../src/core/plan/edit-plan";

const bold = { bold: true };
const thin = { border: "thin" as const };

describe("RowWriter", () => {
  it("joins cells put side by side into one row, and starts a new one elsewhere", () => {
    const out: RowWrite[] = [];
    const w = new RowWriter(out);
    w.start(2, 1).put("a", bold).put(1, thin);
    w.start(2, 3).put(2, thin); // the next cell right: the same row goes on
    w.start(3, 1).put("b", null);
    w.end();
    expect(out).toEqual([
      { row: 2, col: 1, values: ["a", 1, 2], formats: [bold, thin, thin], formulas: null },
      { row: 3, col: 1, values: ["b"], formats: [null], formulas: null },
    ]);
  });

  it("keeps formulas per cell, null for the cells before the first formula", () => {
    const out: RowWrite[] = [];
    new RowWriter(out).start(0, 0).put(5, null).put(0.5, thin, "=A1/10").put("", null).end();
    expect(out[0].formulas).toEqual([null, "=A1/10", null]);
    expect(cellWrites(out)).toEqual([
      { row: 0, col: 0, value: 5 },
      { row: 0, col: 1, value: 0.5, formula: "=A1/10", format: thin },
      { row: 0, col: 2, value: "" },
    ]);
  });

  it("leaves skipped cells unwritten: the row is cut there", () => {
    const out: RowWrite[] = [];
    new RowWriter(out).start(4, 10).put(1, null).skip(3).put(2, null).skip().skip().put(3, null).end();
    expect(out.map((r) => [r.col, r.values])).toEqual([
      [10, [1]],
      [14, [2]],
      [17, [3]],
    ]);
    expect(cellCount(out)).toBe(3);
  });

  it("shares a formats list between rows that repeat it, and not with a row that differs", () => {
    const a: RowWrite[] = [];
    const b: RowWrite[] = [];
    const w = new RowWriter(a);
    w.start(0, 0).put(1, bold).put(2, thin);
    w.start(1, 0).put(3, bold).put(4, thin); // the same formats
    w.start(2, 0).put(5, bold).put(6, null); // differs in its second cell
    w.start(3, 0).put(7, bold); // a prefix of the row before
    w.writeTo(b).start(0, 5).put(8, bold).put(9, null); // another list, the same formats as row 2
    w.end();
    expect(a.map((r) => r.formats)).toEqual([[bold, thin], [bold, thin], [bold, null], [bold]]);
    expect(a[1].formats).toBe(a[0].formats);
    expect(a[2].formats).not.toBe(a[0].formats);
    expect(b).toEqual([{ row: 0, col: 5, values: [8, 9], formats: [bold, null], formulas: null }]);
    expect(b[0].formats).toBe(a[2].formats);
  });

  it("hands over nothing for a row without cells", () => {
    const out: RowWrite[] = [];
    new RowWriter(out).start(1, 1).skip(2).end();
    expect(out).toEqual([]);
  });
});

describe("forEachCellWrite", () => {
  it("visits every cell in order, with its column", () => {
    const seen: string[] = [];
    forEachCellWrite(
      [
        { row: 0, col: 2, values: ["x", null], formats: [bold, bold], formulas: null },
        { row: 1, col: 0, values: [7], formats: [null], formulas: ["=1+6"] },
      ],
      (row, col, value, formula, format) =>
        seen.push(`${row},${col}:${value}:${formula}:${format ? "f" : "-"}`),
    );
    expect(seen).toEqual(["0,2:x:null:f", "0,3:null:null:f", "1,0:7:=1+6:-"]);
  });
});
