/**
 * analyse() on the seed, as of 2026-11-24 (every year of the plan long over). Each finding is
 * judged against the seed:
 * - both baselines are still "(見込み)" for FY2014 while the data runs to FY2018: a real warning;
 * - grades B (FY2015, all indicators 達成) and C (FY2016–18, worst 概ね達成 at 96 %, 93 %, 83 %) agree
 *   with the flags under the default scale: no grade warning;
 * - FY2015's October status 進捗に遅れあり with a year that ended 達成 is catching up, not a
 *   contradiction: no status finding (it was a false positive before).
 */
import { analyse } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { seedFormSheets, seedPastedSheet } from "../../scripts/fixtures/seed-form";

const AS_OF = new Date(2026, 10, 24);

describe.each([
  ["pasted at A1", () => [seedPastedSheet()], ["貼り付け!C14", "貼り付け!C15"]],
  ["laid out as the workbook", () => seedFormSheets(), ["平成27–28!D14", "平成27–28!D15"]],
])("the seed %s", (_, sheets, baselineCells) => {
  const a = analyse({ sheets: sheets() }, DEFAULT_CONFIG, { asOf: AS_OF });

  it("gives only the stale (見込み) baseline warnings", () => {
    expect(a.findings.map((f) => [f.code, f.severity, `${f.sheet}!${f.cell}`, f.itemNo])).toEqual([
      ["baseline/stale-estimate", "warning", baselineCells[0], "28"],
      ["baseline/stale-estimate", "warning", baselineCells[1], "28"],
    ]);
  });

  it("finds grades and statuses consistent with the flags", () => {
    expect(
      a.computed[0].years.map((y) => [y.fiscalYear, y.worstFlag, y.grade, y.gradeAgrees, y.statusAgrees]),
    ).toEqual([
      [2015, "達成", "B", true, true],
      [2016, "概ね達成", "C", true, true],
      [2017, "概ね達成", "C", true, true],
      [2018, "概ね達成", "C", true, true],
    ]);
  });

  it("rates each indicator's period by its kind: 受講者数(累計) 1671/1570, まちづくりセンター数 55/66", () => {
    const [count, centres] = a.computed[0].indicators;
    expect([count.kind, count.periodBasis, centres.kind, centres.periodBasis]).toEqual([
      "cumulative",
      "last-year",
      "level",
      "last-year",
    ]);
    expect(count.periodRate).toBeCloseTo(1671 / 1570, 12);
    // 83.3 %, not the 92.6 % (200/216) that summing a level gave.
    expect(centres.periodRate).toBeCloseTo(55 / 66, 12);
    expect(centres.years.every((y) => y.planTotal === null && y.actualTotal === null)).toBe(true);
  });

  it("leaves the (見込み) baseline alone within staleEstimateYears", () => {
    // The data runs to FY2018, four years after the FY2014 baseline.
    const lenient = analyse(
      { sheets: sheets() },
      { ...DEFAULT_CONFIG, staleEstimateYears: 4 },
      { asOf: AS_OF },
    );
    expect(lenient.findings).toEqual([]);
  });
});
