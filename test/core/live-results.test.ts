/**
 * Live results in the plans (issue 18, point 9), on the seed laid out as the workbook, applied in
 * memory (test/core/helpers/apply-plan.ts): the flags read the bands' table the settings write, the
 * period rates and the summary's figures are formulas over the item sheets, and 検証's stale check
 * (checkStale: fill/stale, summary/stale) tells an area or summary made with other settings or
 * older data. What the formulas compute once recalculated is test/cli/live-results.test.ts
 * (LibreOffice).
 */
import type { Analysis } from "../../src/core/model/analysis";
import { analyse, checkStale, planFill, planSummary } from "../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig, type ShinchokuConfig } from "../../src/core/config/config";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { toA1 } from "../../src/core/grid/address";
import { cellWrites, type EditPlan } from "../../src/core/plan/edit-plan";
import { bandsAgree, planSettings, workbookBands } from "../../src/core/plan/settings-plan";
import { seedFormSheets } from "../../scripts/fixtures/seed-form";
import { applyPlan } from "./helpers/apply-plan";

const AS_OF = new Date(2026, 10, 24);
const run = (wb: WorkbookSnapshot, config: ShinchokuConfig = DEFAULT_CONFIG): Analysis =>
  analyse(wb, config, { asOf: AS_OF });
const writesOn = (plan: EditPlan, sheet: string) =>
  cellWrites(plan.edits.find((e) => e.sheet === sheet)?.writes ?? []);
const cellOf = (plan: EditPlan, sheet: string, a1: string) =>
  writesOn(plan, sheet).find((w) => toA1(w.row, w.col) === a1);

/** The seed after `run`: areas, summary, their records and the settings sheet. */
function filled(config: ShinchokuConfig = DEFAULT_CONFIG): WorkbookSnapshot {
  const wb: WorkbookSnapshot = { sheets: seedFormSheets() };
  const a = run(wb, config);
  return applyPlan(applyPlan(wb, planFill(a, wb).plan), planSummary(a, wb).plan);
}

const staleOf = (wb: WorkbookSnapshot, config: ShinchokuConfig = DEFAULT_CONFIG) =>
  checkStale(run(wb, config), wb).map((f) => [f.code, f.sheet, f.cell, f.params.reason]);

/** A copy of the workbook with one cell of a sheet set. */
function setCell(wb: WorkbookSnapshot, sheet: string, row: number, col: number, v: string | number) {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      values[row][col] = v;
      return { ...s, values };
    }),
  };
}

describe("the flags read the bands' table the settings write", () => {
  const wb = filled();
  const [s1, s2] = seedFormSheets().map((s) => s.name);

  it("writes the bands into a very hidden settings sheet, lowest first, and names them", () => {
    expect(workbookBands(wb)).toEqual([
      { label: "達成", min: 1 },
      { label: "概ね達成", min: 0.8 },
      { label: "未達成", min: null },
    ]);
    expect(bandsAgree(DEFAULT_CONFIG, wb)).toBe(true);
    expect(bandsAgree(mergeConfig({ thresholds: { mostly: 0.9 } }), wb)).toBe(false);
    expect(
      bandsAgree(
        mergeConfig({
          flagBands: [
            { label: "良", min: 1 },
            { label: "不良", min: 0 },
          ],
        }),
        wb,
      ),
    ).toBe(false);
  });

  it("looks every flag up in _Shinchoku.Flags, in the areas and in 集計", () => {
    const a = run(wb);
    const fill = planFill(a, wb).plan;
    const summary = planSummary(a, wb).plan;
    const flags = [...writesOn(fill, s1), ...writesOn(fill, s2), ...writesOn(summary, "集計")].filter((w) =>
      w.formula?.includes("LOOKUP"),
    );
    // 8 year-flags per area (2 indicators × 2 years, 2 areas), 2 indicators × 4 years in 集計.
    expect(flags).toHaveLength(8 + 8);
    for (const w of flags)
      expect(w.formula).toMatch(/^=IF\(ISNUMBER\(\w+\),LOOKUP\(\w+,_Shinchoku\.Flags\),"[^"]*"\)$/);
    // No bound is written into a formula: none holds 0.8.
    for (const w of [...writesOn(fill, s1), ...writesOn(summary, "集計")])
      expect(w.formula ?? "").not.toContain("0.8");
  });

  it("writes a saved setting's bounds at once (the pane's save), only where our formulas are", () => {
    const stricter = mergeConfig({ thresholds: { mostly: 0.9 } });
    const plan = planSettings(stricter, wb)!;
    expect(plan.edits.map((e) => [e.sheet, e.hidden])).toEqual([["_shinchoku_settings", true]]);
    const saved = applyPlan(wb, plan);
    expect(workbookBands(saved)?.[1]).toEqual({ label: "概ね達成", min: 0.9 });
    expect(bandsAgree(stricter, saved)).toBe(true);
    // A workbook Shinchoku never wrote gets nothing.
    expect(planSettings(stricter, { sheets: seedFormSheets() })).toBeNull();
  });
});

describe("period rates and the summary's figures are formulas over the item sheets", () => {
  const wb: WorkbookSnapshot = { sheets: seedFormSheets() };
  const a = run(wb);
  const fill = planFill(a, wb).plan;
  const summary = planSummary(a, wb).plan;
  const [s1, s2] = seedFormSheets().map((s) => s.name);

  it("rates まちづくりセンター数 (level) 55/66 and 受講者数(累計) (cumulative) 1671/1570 from the last year's cells", () => {
    const centres = cellOf(fill, s1, "AB15")!;
    expect(centres.value).toBeCloseTo(55 / 66, 12);
    // The last year first: FY2018 on the second period's sheet (J16 plan, L16 actual), then earlier years.
    expect(centres.formula).toBe(
      `=IF(COUNT('${s2}'!J16,'${s2}'!L16)=2,IFERROR('${s2}'!L16/'${s2}'!J16,""),` +
        `IF(COUNT('${s2}'!F16,'${s2}'!H16)=2,IFERROR('${s2}'!H16/'${s2}'!F16,""),` +
        // This sheet's years read the area's own rate cells (V: H28 達成率, Q: H27 達成率).
        `IF(COUNT(J15,L15)=2,V15,IF(COUNT(F15,H15)=2,Q15,""))))`,
    );
    const count = cellOf(fill, s2, "AB15")!;
    expect(count.value).toBeCloseTo(1671 / 1570, 12);
    expect(count.formula!.startsWith("=IF(COUNT(J15,L15)=2,V15,IF(COUNT(F15,H15)=2,Q15,")).toBe(true);
  });

  it("sums an annual indicator's years: IFERROR(actuals ÷ plans over the years with both)", () => {
    const annual = mergeConfig({ indicatorKinds: [{ name: "まちづくりセンター数", kind: "annual" }] });
    const p = planFill(run(wb, annual), wb).plan;
    const f = cellOf(p, s2, "AB16")!;
    expect(f.value).toBeCloseTo((43 + 48 + 54 + 55) / (42 + 50 + 58 + 66), 12);
    expect(f.formula).toMatch(/^=IFERROR\(\(IF\(COUNT\('.+'!F15,'.+'!H15\)=2,'.+'!H15,0\)\+/);
    expect(f.formula).toContain("IF(COUNT(J16,L16)=2,J16,0))");
  });

  it("reads plan and actual from their cells in 集計, and rates and flags its own row", () => {
    const writes = writesOn(summary, "集計");
    const plan = writes.find((w) => w.formula === `=IF('${s2}'!J16="","",'${s2}'!J16)`)!;
    expect(plan.value).toBe(66);
    const rowWrites = writes.filter((w) => w.row === plan.row);
    // The year's rates, then the period rate in the last column but one, over the row's own cells.
    const rated = rowWrites.filter((w) => w.formula?.startsWith("=IF(COUNT("));
    expect(rated).toHaveLength(4 + 1);
    const period = rated[rated.length - 1];
    expect(period.value).toBeCloseTo(55 / 66, 12);
    expect(period.formula).toMatch(/^=IF\(COUNT\(Q\d+,R\d+\)=2,S\d+,IF\(COUNT\(M\d+,N\d+\)=2,O\d+,/);
    // The item's 判定 reads its indicators' flags: the worst of them, by COUNTIF.
    expect(writes.some((w) => w.formula?.startsWith("=IF(COUNTIF(") && w.formula.includes('"未達成"'))).toBe(
      true,
    );
    // Finding counts cannot follow the sheets: the legend says as of when.
    expect(
      writes.some((w) => String(w.value).includes("令和8年11月24日時点の検証で見つかった指摘の件数")),
    ).toBe(true);
  });

  it("writes values where the summary goes to another workbook (no formula can read the item sheets)", () => {
    const other = planSummary(a, wb, { linkToSheets: false }).plan;
    const cells = writesOn(other, "集計");
    expect(cells.filter((w) => w.formula !== undefined)).toEqual([]);
    expect(other.edits.some((e) => e.sheet === "_shinchoku_settings")).toBe(false);
  });
});

describe("検証 tells an area or a summary made with other settings or older data", () => {
  const wb = filled();
  const [s1, s2] = seedFormSheets().map((s) => s.name);

  it("finds nothing stale right after a run, and the run twice changes nothing", () => {
    expect(staleOf(wb)).toEqual([]);
    const a = run(wb);
    const again = applyPlan(applyPlan(wb, planFill(a, wb).plan), planSummary(a, wb).plan);
    expect(again).toEqual(wb);
  });

  it("after a settings change: both areas and the summary, until they are made again", () => {
    const stricter = mergeConfig({ thresholds: { mostly: 0.9 } });
    expect(staleOf(wb, stricter)).toEqual([
      ["fill/stale", s1, "Q12", "settings"],
      ["fill/stale", s2, "Q12", "settings"],
      ["summary/stale", "集計", null, "settings"],
    ]);
    // Lower-is-better changes the rate formulas (no band name says it): settings too.
    const lower = mergeConfig({ lowerIsBetter: ["まちづくりセンター数"] });
    expect(staleOf(wb, lower).map((f) => f[0])).toEqual(["fill/stale", "fill/stale", "summary/stale"]);
    expect(staleOf(filled(stricter), stricter)).toEqual([]);
  });

  it("after a corrected figure, nothing: the formulas follow it", () => {
    // FY2018's actual of the centres (平成29–30!L16): 55 → 60.
    expect(staleOf(setCell(wb, s2, 15, 11, 60))).toEqual([]);
  });

  it("after a change no formula follows: a figure typed as text, a grade", () => {
    // FY2015's plan of the centres typed with its unit: the area holds its value.
    const typed = filled();
    const withUnit = setCell(typed, s1, 14, 5, "42箇所");
    expect(staleOf(withUnit)).toEqual([
      ["fill/stale", s1, "Q12", "data"],
      ["fill/stale", s2, "Q12", "data"],
      ["summary/stale", "集計", null, "data"],
    ]);
    // A grade is a value in 集計 only.
    const a = run(wb);
    const grade = a.computed[0].item.grades[0].grade!;
    const regraded = setCell(wb, grade.sheet, grade.row, grade.col, "A");
    expect(staleOf(regraded)).toEqual([["summary/stale", "集計", null, "data"]]);
  });
});
