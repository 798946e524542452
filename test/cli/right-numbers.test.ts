/**
 * Issue 18 through the command line on real .xlsx files: a workbook with no progress sheet, and the
 * seed with a note beside the centres and every figure typed with its unit.
 */
import * as path from "path";
import type { CellValue } from "../../src/core/model/snapshot";
import type { JsonReport } from "../../src/core/report/json-report";
import { workbookFromSnapshots } from "../../src/cli/write-snapshot";
import { saveWorkbook } from "../../src/cli/workbook-io";
import { seedFormSheets } from "../../scripts/fixtures/seed-form";
import { cli, load, tmpDir } from "./helpers";

const AS_OF = "2026-11-24";

describe("a workbook without any progress sheet", () => {
  let file: string;
  let dir: string;
  beforeAll(async () => {
    dir = tmpDir("no-form");
    file = path.join(dir, "表紙だけ.xlsx");
    const wb = workbookFromSnapshots([
      { name: "表紙", originRow: 0, originCol: 0, values: [["令和6年度 行政改革プラン"], ["提出用"]] },
      { name: "メモ", originRow: 0, originCol: 0, values: [["確認事項"], ["各課の提出は10月末"]] },
    ]);
    await saveWorkbook(wb, file);
  });

  it("validate exits 1 with layout/no-form, not 0 with '0 items'", async () => {
    const r = await cli("validate", file, "--as-of", AS_OF);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("進捗管理シートの様式");
    const j = await cli("validate", file, "--json", "--as-of", AS_OF);
    const rep = JSON.parse(j.stdout) as JsonReport;
    expect(rep.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(["layout/no-form"]);
    expect(rep.summary.errors).toBe(1);
  });

  it("run writes no 集計 for it, and exits 1", async () => {
    const out = path.join(dir, "out.xlsx");
    const r = await cli("run", file, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(1);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表紙", "メモ"]);
  });
});

describe("the seed with a note beside the centres and units typed with the figures", () => {
  let file: string;
  let dir: string;
  beforeAll(async () => {
    dir = tmpDir("units-notes");
    file = path.join(dir, "単位と注記.xlsx");
    const sheets = seedFormSheets();
    for (const s of sheets)
      for (const row of s.values) {
        const name = row[1];
        if (typeof name !== "string" || !/センター数|受講者数/.test(name)) continue;
        const unit = /センター/.test(name) ? "箇所" : "人";
        for (let c = 2; c < row.length; c++)
          if (typeof row[c] === "number")
            row[c] = `${(row[c] as number).toLocaleString("en")}${unit}` as CellValue;
      }
    // The note in the target cell of まちづくりセンター数 on the first sheet (N15), and one far right.
    sheets[0].values[14][13] = "※年度末時点の数";
    while (sheets[0].values[14].length < 31) sheets[0].values[14].push(null);
    sheets[0].values[14][30] = "※センター数は各年度末";
    await saveWorkbook(workbookFromSnapshots(sheets), file);
  });

  it("reads every figure: no error, the kinds, and the period rates 1671/1570 and 55/66", async () => {
    const r = await cli("validate", file, "--json", "--as-of", AS_OF);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as JsonReport;
    expect(rep.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(rep.findings.some((f) => f.code === "grade/flag-mismatch")).toBe(false);
    const [count, centres] = rep.items[0].indicators;
    expect([count.kind, count.unit, count.periodBasis]).toEqual(["cumulative", "人", "last-year"]);
    expect([centres.kind, centres.unit, centres.periodBasis]).toEqual(["level", "箇所", "last-year"]);
    expect(count.periodAchievementRate).toBeCloseTo(1671 / 1570, 12);
    expect(centres.periodAchievementRate).toBeCloseTo(55 / 66, 12);
    expect(centres.years.map((y) => [y.fiscalYear, y.plan, y.actual, y.flag])).toEqual([
      [2015, 42, 43, "達成"],
      [2016, 50, 48, "概ね達成"],
      [2017, 58, 54, "概ね達成"],
      [2018, 66, 55, "概ね達成"],
    ]);
    expect(centres.years.every((y) => y.planTotal === null && y.actualTotal === null)).toBe(true);
  });

  it("run fills the kind and the basis beside each table and in 集計", async () => {
    const out = path.join(dir, "out.xlsx");
    const r = await cli("run", file, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(0);
    const wb = await load(out);
    const s2 = wb.worksheets[1];
    expect([s2.getCell("AA15").value, s2.getCell("AC15").value]).toEqual(["累計", "最終年度"]);
    expect([s2.getCell("AA16").value, s2.getCell("AC16").value]).toEqual(["年度末時点", "最終年度"]);
    expect(s2.getCell("AB16").value).toBeCloseTo(55 / 66, 12);
    const summary = wb.getWorksheet("集計")!;
    const texts: unknown[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(
      expect.arrayContaining(["種別", "期間達成率の基準", "年度末時点", "累計", "最終年度"]),
    );
  });
});
