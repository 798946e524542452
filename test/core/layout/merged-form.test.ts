import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import type { CellRange, CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { parseRangeA1, parseA1 } from "../../../src/core/grid/address";

/**
 * A compact form laid out with merged cells the way departments build it: labels merged over
 * rows, year headers merged over their 計画/実績 pair, texts merged over several columns with the
 * grade in a column of its own.
 */
function mergedForm(): SheetSnapshot {
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  const put = (a1: string, v: CellValue, merge?: string) => {
    const { row, col } = parseA1(a1);
    while (values.length <= row) values.push([]);
    while (values[row].length <= col) values[row].push(null);
    values[row][col] = v;
    if (merge) merges.push(parseRangeA1(`${a1}:${merge}`));
  };
  put("A2", "重点改革項目Ⅰ 持続可能な行財政運営", "K2");
  put("A4", "取組項目(中項目)", "B4");
  put("C4", "2 公共施設の最適化", "H4");
  put("I4", "No.", "I4");
  put("J4", "105", "K4");
  put("A5", "具体的な取組項目(小項目)", "B5");
  put("C5", "1 施設の統廃合", "H5");
  put("I5", "担当課");
  put("J5", "●財産活用課 各施設所管課", "K5");
  put("A6", "改革実施項目名称(細項目)", "B6");
  put("C6", "公共施設の再配置", "K6");
  put("A8", "改革実施概要", "A11");
  put("B8", "指標", "C9");
  put("D8", "現状 (令和元年度)", "D9");
  put("E8", "令和2年度", "F8");
  put("G8", "令和3年度", "H8");
  put("I8", "目標/ 4年度以降", "I9");
  put("E9", "計画");
  put("F9", "実績");
  put("G9", "計画");
  put("H9", "実績");
  put("B10", "施設保有量の縮減率(%)", "C10");
  put("D10", 0);
  put("E10", 0.02);
  put("F10", 0.015);
  put("G10", 0.04);
  put("H10", "4.5%");
  put("I10", "10%");
  put("B11", "対象施設数(累計)", "C11");
  put("D11", "12(見込み)");
  put("E11", 15);
  put("F11", 14);
  put("G11", 18);
  put("H11", null);
  put("I11", 30);
  put("A13", "進捗管理", "A14");
  put("B13", "(各年度10月に実施)", "D13");
  put("E13", "令和2年度", "G13");
  put("H13", "令和3年度", "J13");
  put("B14", "取組の状況", "D14");
  put("E14", "地元説明会を2回開催した。", "F14");
  put("G14", "順調");
  put("H14", "統廃合計画の素案を作成中。", "I14");
  put("J14", "概ね順調");
  put("A16", "年度評価", "A18");
  put("B16", "(年度終了後に実施)", "D16");
  put("E16", "令和2年度", "G16");
  put("H16", "令和3年度", "J16");
  put("B17", "取組工程、指標に対する評価", "D17");
  put("E17", "計画どおり進んだ。", "F17");
  put("G17", "A");
  put("H17", "施設数の目標に届かなかった。", "I17");
  put("J17", "Ｃ");
  put("B18", "課題、今後の方針、改善事項など", "D18");
  put("E18", "住民合意の形成", "G18");
  put("H18", "説明会の追加", "J18");
  return { name: "R2-3", originRow: 0, originCol: 0, values, merges };
}

describe("a form laid out with merged cells", () => {
  const r = readWorkbook({ sheets: [mergedForm()] }, DEFAULT_CONFIG);
  const it0 = r.items[0];

  it("reads the header through merged label cells", () => {
    expect(r.diagnostics).toEqual([]);
    expect(it0).toMatchObject({ no: "105", title: "公共施設の再配置", leadDepartment: "財産活用課" });
    expect(it0.departments).toEqual(["財産活用課", "各施設所管課"]);
  });

  it("reads plan/actual per year under merged year headers, percentages and a missing actual", () => {
    const [rate, count] = it0.indicators;
    expect(rate.name).toBe("施設保有量の縮減率(%)");
    expect(rate.unit).toBe("%");
    expect(rate.baseline.fiscalYear).toBe(2019);
    expect(rate.years.map((y) => [y.fiscalYear, y.plan?.parsed, y.actual?.cell])).toEqual([
      [2020, { kind: "number", value: 0.02, estimate: false, percent: false }, "F10"],
      [2021, { kind: "number", value: 0.04, estimate: false, percent: false }, "H10"],
    ]);
    expect(rate.years[1].actual?.parsed).toMatchObject({ value: 0.045, percent: true });
    expect(count.cumulative).toBe(true);
    expect(count.years[1].actual).toBeNull();
    expect(count.target.cell?.parsed).toMatchObject({ kind: "number", value: 30 });
  });

  it("reads statuses and grades from the last column of each year's merged area", () => {
    expect(it0.statuses.map((s) => [s.fiscalYear, s.status?.cell, s.text?.cell])).toEqual([
      [2020, "G14", "E14"],
      [2021, "J14", "H14"],
    ]);
    expect(it0.grades.map((g) => [g.fiscalYear, g.grade?.raw, g.issuesText?.cell])).toEqual([
      [2020, "A", "E18"],
      [2021, "Ｃ", "H18"],
    ]);
  });
});
