import type { Analysis } from "../../src/core/model/analysis";
import { analyse, planFill, planSummary } from "../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig } from "../../src/core/config/config";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { toA1 } from "../../src/core/grid/address";
import { cellWrites, type CellWrite, type EditPlan } from "../../src/core/plan/edit-plan";
import { buildSummary } from "../../src/core/summary/summary-model";
import { pastedSheet, SEED_TEXT, seedFormSheets, seedIndicators } from "../../scripts/fixtures/seed-form";
import { applyPlan } from "./helpers/apply-plan";
import { miniForm } from "./helpers/mini-form";

const AS_OF = new Date(2026, 10, 24);
const run = (wb: WorkbookSnapshot): Analysis => analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });
const at = (w: CellWrite) => toA1(w.row, w.col);
const writesOn = (plan: EditPlan, sheet: string) =>
  cellWrites(plan.edits.find((e) => e.sheet === sheet)?.writes ?? []);
const cell = (plan: EditPlan, sheet: string, a1: string) => writesOn(plan, sheet).find((w) => at(w) === a1);
/** An item's read result without positions, to compare two reads of the same data. */
const itemsOf = (a: Analysis) =>
  JSON.parse(JSON.stringify(a.read.items, (k, v) => (["blocks"].includes(k) ? undefined : v)));

describe("fill plan on the seed laid out as the workbook", () => {
  const wb: WorkbookSnapshot = { sheets: seedFormSheets() };
  const a = run(wb);
  const { plan, findings } = planFill(a, wb);
  const [s1, s2] = wb.sheets.map((s) => s.name);

  it("places the area beside the table, one blank column after the merged target N:O", () => {
    expect(findings).toEqual([]);
    expect(plan.edits.map((e) => [e.sheet, e.kind, e.clear, !!e.hidden])).toEqual([
      [s1, "item", [], false],
      [s2, "item", [], false],
      // The record of what we wrote, on a very hidden sheet of ours.
      ["_shinchoku_areas", "owned", [], true],
      // The bounds the flag formulas read, very hidden too (settings-plan.ts).
      ["_shinchoku_settings", "owned", [], true],
    ]);
    // Each area is recorded in a defined name, which Excel moves with the cells; each bound too.
    expect(plan.names.map((n) => [n.name, n.refersTo])).toEqual([
      ["_Shinchoku.Area.1", `'${s1}'!$Q$12:$AC$15`],
      ["_Shinchoku.Area.2", `'${s2}'!$Q$12:$AC$16`],
      // Two rows of prints, then a row each of what the areas were made from (settings, data).
      ["_Shinchoku.AreaRecord", "'_shinchoku_areas'!$A$1:$D$5"],
      // The bands lowest first (未達成, 概ね達成, 達成): each bound named, best first, and the table.
      ["_Shinchoku.Band.1", "'_shinchoku_settings'!$A$4"],
      ["_Shinchoku.Band.2", "'_shinchoku_settings'!$A$3"],
      ["_Shinchoku.Flags", "'_shinchoku_settings'!$A$2:$B$4"],
      ["_Shinchoku.Settings", "'_shinchoku_settings'!$A$1:$C$4"],
    ]);
    expect(cell(plan, s1, "Q12")?.value).toBe(DEFAULT_CONFIG.ownedAreaTitle);
    expect(plan.edits[0].merges).toEqual([{ top: 11, bottom: 11, left: 16, right: 28 }]);
    expect(cell(plan, s1, "Q13")?.value).toBe("H27 達成率");
    expect(["AA13", "AB13", "AC13"].map((a1) => cell(plan, s1, a1)?.value)).toEqual([
      "指標の種別",
      "期間達成率",
      "期間達成率の基準",
    ]);
    // Nothing is written left of the area.
    const onItems = plan.edits.filter((e) => e.kind === "item");
    expect(onItems.flatMap((e) => cellWrites(e.writes)).every((w) => w.col >= 16)).toBe(true);
  });

  it("writes live formulas over plain-number sources, with the value we computed", () => {
    const rate = cell(plan, s1, "Q14")!;
    expect(rate.formula).toBe('=IF(AND(ISNUMBER(F14),ISNUMBER(H14),F14<>0),H14/F14,"")');
    expect(rate.value).toBeCloseTo(1152 / 1090, 12);
    const flag = cell(plan, s1, "R14")!;
    expect(flag.value).toBe("達成");
    // The band is looked up in the table the settings write: a saved threshold shows at once.
    expect(flag.formula).toBe('=IF(ISNUMBER(Q14),LOOKUP(Q14,_Shinchoku.Flags),"")');
    // The period rate of a running total is its last year's: 1671 / 1570 (from the joined item).
    expect(cell(plan, s1, "AA14")?.value).toBe("累計");
    expect(cell(plan, s1, "AB14")?.value).toBeCloseTo(1671 / 1570, 12);
    expect(cell(plan, s1, "AC14")?.value).toBe("最終年度");
    // FY2016 increment of the (累計) series: 1345 − 1152 as a formula.
    expect(cell(plan, s1, "X14")).toMatchObject({ value: 193, formula: "=L14-H14" });
    // The centres stand at each year's end: a change from the year before, never a running total.
    expect(cell(plan, s1, "X15")).toMatchObject({ value: 48 - 43, formula: "=L15-H15" });
    expect(cell(plan, s1, "Y15")?.value).toBeNull();
    expect(cell(plan, s1, "Z15")?.value).toBeNull();
    expect(cell(plan, s1, "AA15")?.value).toBe("年度末時点");
    expect(cell(plan, s1, "AB15")?.value).toBeCloseTo(55 / 66, 12);
    expect(cell(plan, s1, "AC15")?.value).toBe("最終年度");
  });

  it("writes values where a source is text (the (見込み) baseline)", () => {
    // FY2015 increment: 1152 − 930(見込み); the baseline is text, so no formula.
    expect(cell(plan, s1, "S14")).toEqual(expect.objectContaining({ value: 222 }));
    expect(cell(plan, s1, "S14")?.formula).toBeUndefined();
  });

  it("references other sheets in running totals of the second period (an indicator configured annual)", () => {
    const annual = mergeConfig({ indicatorKinds: [{ name: "まちづくりセンター数", kind: "annual" }] });
    const p = planFill(analyse(wb, annual, { asOf: AS_OF }), wb).plan;
    expect(cell(p, s2, "T16")).toMatchObject({
      value: 150,
      formula: "=SUM('平成27–28'!F15,'平成27–28'!J15,F16)",
    });
    expect(cell(p, s2, "Y16")).toMatchObject({ value: 216 });
    expect(cell(p, s2, "AA16")?.value).toBe("単年度");
    expect(cell(p, s2, "AB16")?.value).toBeCloseTo(200 / 216, 12);
    expect(cell(p, s2, "AC16")?.value).toBe("期間合計");
    // The default reading of the same row: no totals.
    expect(cell(plan, s2, "T16")?.value).toBeNull();
  });

  it("writes values only when the figures were pasted as text (LibreOffice)", () => {
    const asText: WorkbookSnapshot = { sheets: [pastedSheet("貼り付け", SEED_TEXT, { numbers: false })] };
    const p = planFill(run(asText), asText).plan;
    const ws = p.edits.flatMap((e) => cellWrites(e.writes));
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.filter((w) => w.formula)).toEqual([]);
    expect(ws.find((w) => w.value === "達成")).toBeDefined();
  });

  it("references a blank actual where it will be typed (H, not G inside the plan's merge)", () => {
    const inds = seedIndicators();
    inds[1] = { ...inds[1], actual: [null, 48, 54, 55] };
    const wb2: WorkbookSnapshot = { sheets: seedFormSheets({ indicators: inds }) };
    const p = planFill(run(wb2), wb2).plan;
    expect(cell(p, s1, "Q15")).toMatchObject({
      value: "",
      formula: '=IF(AND(ISNUMBER(F15),ISNUMBER(H15),F15<>0),H15/F15,"")',
    });
    expect(cell(p, s1, "R15")?.value).toBe("未入力");
  });

  it("never writes over a staff-typed cell: that block gets a finding, the other is still filled", () => {
    const sheets = seedFormSheets();
    sheets[0].values[14][20] = "担当メモ"; // U15
    const wb2: WorkbookSnapshot = { sheets };
    const r = planFill(run(wb2), wb2);
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([["fill/area-occupied", s1, "U15"]]);
    expect(writesOn(r.plan, s1)).toEqual([]);
    expect(writesOn(r.plan, s2).length).toBeGreaterThan(0);
  });

  it("never writes into, merges over or unmerges a staff merged area reaching into the area", () => {
    for (const merge of [
      { top: 14, bottom: 15, left: 20, right: 21 }, // U15:V16, inside the area, empty
      { top: 9, bottom: 11, left: 16, right: 17 }, // Q10:R12, reaching down into our title row
    ]) {
      const sheets = seedFormSheets();
      sheets[0].merges = [...(sheets[0].merges ?? []), merge];
      const wb2: WorkbookSnapshot = { sheets };
      const r = planFill(run(wb2), wb2);
      const at = toA1(merge.top, merge.left);
      expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([["fill/area-merged", s1, at]]);
      expect(writesOn(r.plan, s1)).toEqual([]);
      expect(r.plan.edits.find((e) => e.sheet === s1)?.merges ?? []).toEqual([]);
      expect(writesOn(r.plan, s2).length).toBeGreaterThan(0);
    }
  });

  it("a fill again over its own merges is fine (they lie inside our owned area)", () => {
    const wb2: WorkbookSnapshot = { sheets: seedFormSheets() };
    const once = applyPlan(wb2, planFill(run(wb2), wb2).plan);
    const r = planFill(run(once), once);
    expect(r.findings.filter((f) => f.code === "fill/area-merged")).toEqual([]);
  });

  it("counts a cell holding only a space as typed: not ours to overwrite", () => {
    const sheets = seedFormSheets();
    sheets[0].values[11][16] = " "; // Q12, where our title would go
    const wb2: WorkbookSnapshot = { sheets };
    const r = planFill(run(wb2), wb2);
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([["fill/area-occupied", s1, "Q12"]]);
    expect(writesOn(r.plan, s1)).toEqual([]);
  });

  it("is idempotent: apply, read and plan again give the same writes and the same items", () => {
    const filled = applyPlan(wb, plan);
    const a2 = run(filled);
    // Our area is recognised and masked: not read as data.
    expect(a2.read.ownedAreas).toEqual([
      { sheet: s1, range: { top: 11, left: 16, bottom: 14, right: 28 } },
      { sheet: s2, range: { top: 11, left: 16, bottom: 15, right: 28 } },
    ]);
    expect(itemsOf(a2)).toEqual(itemsOf(a));
    expect(a2.findings).toEqual(a.findings);
    const again = planFill(a2, filled);
    expect(again.findings).toEqual([]);
    expect(again.plan.edits.map((e) => e.writes)).toEqual(plan.edits.map((e) => e.writes));
    // What is cleared is what the names record, nothing else.
    expect(again.plan.edits.map((e) => e.clear)).toEqual([
      ...a2.read.ownedAreas.map((o) => [o.range]),
      [],
      [],
    ]);
    expect(again.plan.names).toEqual(plan.names);
    // And a third time, from the twice-filled workbook.
    const twice = applyPlan(filled, again.plan);
    expect(planFill(run(twice), twice).plan).toEqual(again.plan);
  });
});

describe("summary model", () => {
  const other = seedFormSheets({
    no: 5,
    title: "公共施設の再配置",
    pillar: "重点改革項目Ⅰ 持続可能な行財政運営",
    departments: "●財産活用課",
    sheetNames: ["No5-1", "No5-2"],
    grades: ["A", "B", "B", "D"],
    statuses: ["順調", "順調", "概ね順調", "未着手"],
  });
  const wb: WorkbookSnapshot = { sheets: [...other, ...seedFormSheets()] };
  const a = run(wb);
  const m = buildSummary(a.computed, a.findings, a.config);

  it("has one item row per item, ordered by No., with statuses, grades, flags and counts", () => {
    expect(m.fiscalYears).toEqual([2015, 2016, 2017, 2018]);
    expect(m.items.map((i) => [i.no, i.title, i.leadDepartment, i.midtermGrade, i.finalGrade])).toEqual([
      ["5", "公共施設の再配置", "財産活用課", "C", "C"],
      [
        "28",
        "地域活動の担い手を育む仕組みづくり(住民自治を担う人材の育成、ノウハウ蓄積)",
        "市民協働課",
        "C",
        "C",
      ],
    ]);
    expect(m.items[1].years).toEqual([
      { fiscalYear: 2015, status: "進捗に遅れあり", grade: "B", flag: "達成" },
      { fiscalYear: 2016, status: "進捗に遅れあり", grade: "C", flag: "概ね達成" },
      { fiscalYear: 2017, status: "進捗に遅れあり", grade: "C", flag: "概ね達成" },
      { fiscalYear: 2018, status: "進捗に遅れあり", grade: "C", flag: "概ね達成" },
    ]);
    expect(m.items[1]).toMatchObject({ errors: 0, warnings: 2, link: { sheet: "平成27–28", cell: "N4" } });
    // Item 5: two stale baselines plus its grade warnings (A, B over 概ね達成 … are checked by the rules).
    const five = a.findings.filter((f) => f.itemNo === "5");
    expect(m.items[0].warnings).toBe(five.filter((f) => f.severity === "warning").length);
    expect(m.items[0].errors).toBe(0);
  });

  it("has one indicator row per indicator with plan, actual, rate and flag per year", () => {
    expect(m.indicators.map((i) => [i.no, i.name, i.kind, i.baseline])).toEqual([
      ["5", "コミュニティ・コーディネーター育成講座受講者数(累計)", "cumulative", 930],
      ["5", "まちづくりセンター数", "level", 37],
      ["28", "コミュニティ・コーディネーター育成講座受講者数(累計)", "cumulative", 930],
      ["28", "まちづくりセンター数", "level", 37],
    ]);
    expect(m.indicators[3].years[3]).toEqual({
      fiscalYear: 2018,
      plan: 66,
      actual: 55,
      rate: 55 / 66,
      flag: "概ね達成",
    });
    // A level: the last year's 55 / 66, not the sums' 200 / 216.
    expect(m.indicators[3].periodRate).toBeCloseTo(55 / 66, 12);
    expect(m.indicators[3].periodBasis).toBe("last-year");
  });

  it("counts items per grade and year, by pillar and in total", () => {
    const byPillar = (p: string) =>
      Object.fromEntries(m.gradeCounts.filter((g) => g.pillar.startsWith(p)).map((g) => [g.grade, g.counts]));
    expect(byPillar("重点改革項目Ⅱ")).toEqual({
      A: [0, 0, 0, 0],
      B: [1, 0, 0, 0],
      C: [0, 1, 1, 1],
      D: [0, 0, 0, 0],
    });
    expect(byPillar("重点改革項目Ⅰ")).toEqual({
      A: [1, 0, 0, 0],
      B: [0, 1, 1, 0],
      C: [0, 0, 0, 0],
      D: [0, 0, 0, 1],
    });
    expect(Object.fromEntries(m.gradeTotals.map((g) => [g.grade, g.counts]))).toEqual({
      A: [1, 0, 0, 0],
      B: [1, 1, 1, 0],
      C: [0, 1, 1, 1],
      D: [0, 0, 0, 1],
    });
  });

  it("counts grades off the scale under その他", () => {
    const wb2: WorkbookSnapshot = { sheets: seedFormSheets({ grades: ["B", "S", "C", "C"] }) };
    const a2 = run(wb2);
    const m2 = buildSummary(a2.computed, a2.findings, a2.config);
    expect(m2.gradeTotals.find((g) => g.grade === "その他")?.counts).toEqual([0, 1, 0, 0]);
    expect(m2.items[0].errors).toBe(1); // grade/off-scale
  });
});

describe("summary plan", () => {
  const wb: WorkbookSnapshot = { sheets: seedFormSheets() };
  const a = run(wb);
  const first = planSummary(a, wb);

  it("writes the 集計 sheet, ours by the marker in A1, with links to the item's sheet", () => {
    expect(first.sheetName).toBe("集計");
    expect(first.findings).toEqual([]);
    const e = first.plan.edits[0];
    expect(e).toMatchObject({ sheet: "集計", kind: "owned", activate: true });
    expect(String(cell(first.plan, "集計", "A1")?.value)).toMatch(/^【Shinchoku 集計】/);
    expect(e.hyperlinks[0]).toMatchObject({ sheet: "平成27–28", cell: "N4", text: "28" });
    expect(e.tables.map((t) => t.name)).toEqual([
      "Shinchoku_Items",
      "Shinchoku_Indicators",
      "Shinchoku_Grades",
      "Shinchoku_GradeTotals",
      "Shinchoku_Flags",
      "Shinchoku_Departments",
    ]);
    expect(e.charts).toHaveLength(1);
  });

  it("reuses its own sheet on a re-run and plans the same writes; the items read the same", () => {
    const after = applyPlan(wb, first.plan);
    const a2 = run(after);
    expect(a2.read.summarySheets).toEqual(["集計"]);
    expect(itemsOf(a2)).toEqual(itemsOf(a));
    const second = planSummary(a2, after);
    expect(second.sheetName).toBe("集計");
    expect(second.findings).toEqual([]);
    expect(second.plan).toEqual(first.plan);
  });

  it("never uses a user's sheet named 集計 (nor a user's 集計 (Shinchoku)): another name and a finding", () => {
    const user = (name: string): SheetSnapshot => ({
      name,
      originRow: 0,
      originCol: 0,
      values: [["課別集計"]],
    });
    const wb2: WorkbookSnapshot = { sheets: [...seedFormSheets(), user("集計"), user("集計 (Shinchoku)")] };
    const r = planSummary(run(wb2), wb2);
    expect(r.sheetName).toBe("集計 (Shinchoku 2)");
    expect(r.plan.edits.map((e) => e.sheet)).toEqual([
      "集計 (Shinchoku 2)",
      "_shinchoku_summary",
      "_shinchoku_settings",
    ]);
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ["summary/name-taken", { name: "集計", usedName: "集計 (Shinchoku 2)" }],
    ]);
    // The user's sheets are still there, untouched, after applying the plan.
    const after = applyPlan(wb2, r.plan);
    expect(after.sheets.find((s) => s.name === "集計")?.values).toEqual([["課別集計"]]);
  });
});

describe("a plan typed 1,2OO", () => {
  const wb: WorkbookSnapshot = { sheets: [miniForm({ plan: ["1,2OO", 120] })] };
  const a = run(wb);

  it("shows 要確認 in the computed area and in the summary, never 対象外", () => {
    const plan = planFill(a, wb).plan;
    // The area starts two columns right of the target H: J; FY2015's 判定 is K.
    expect(cell(plan, "No1", "K6")?.value).toBe("要確認");
    // Its colour rule on FY2015's 判定 column only (K), where the flag is; FY2016's (P) has none.
    const checks = plan.edits[0].conditionalFormats.filter((c) => c.equals === "要確認");
    expect(checks.map((c) => c.range)).toEqual([{ top: 5, bottom: 5, left: 10, right: 10 }]);
    const m = buildSummary(a.computed, a.findings, a.config);
    expect(m.indicators[0].years[0].flag).toBe("要確認");
    const sum = planSummary(a, wb).plan;
    const values = sum.edits.flatMap((e) => cellWrites(e.writes)).map((w) => w.value);
    expect(values).toContain("要確認");
    expect(sum.edits.flatMap((e) => e.conditionalFormats).some((c) => c.equals === "要確認")).toBe(true);
  });
});
