import { ColumnList, eachYear, perYear, type Column } from "../../src/core/plan/summary-columns";
import type { CellFormat } from "../../src/core/plan/edit-plan";

const style: CellFormat = {};
const column = (key: string, header = key): Column<number> => ({ key, header, value: (n) => n, style });

describe("summary column lists (issue 20 point 5)", () => {
  it("places each column from the table's left column and finds it by key", () => {
    const list = new ColumnList(1, [column("grade", "年度評価"), column("count")]);
    expect(list.col("grade")).toBe(1);
    expect(list.col("count")).toBe(2);
    expect(list.width).toBe(2);
    expect(list.headers).toEqual(["年度評価", "count"]);
    expect(() => list.col("share")).toThrow("no summary column keyed share");
  });

  it("makes per-year columns keyed by the year's index, year after year", () => {
    const years = [2015, 2016];
    const list = new ColumnList(0, [
      column("no"),
      ...perYear<number>(years, (fy) => [column("plan", `${fy}計画`), column("flag", `${fy}判定`)]),
      ...eachYear<number>(years, (fy) => column("share", `${fy}割合`)),
    ]);
    expect(list.headers).toEqual([
      "no",
      "2015計画",
      "2015判定",
      "2016計画",
      "2016判定",
      "2015割合",
      "2016割合",
    ]);
    expect(list.col("flag:1")).toBe(4);
    expect(list.col("share:0")).toBe(5);
  });

  it("refuses two columns with one key", () => {
    expect(() => new ColumnList(0, [column("no"), column("no")])).toThrow("two summary columns keyed no");
  });
});
