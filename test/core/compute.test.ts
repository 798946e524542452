import { analyse } from "../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig } from "../../src/core/config/config";
import type { CellValue, SheetSnapshot } from "../../src/core/model/snapshot";
import { achievementRate, flagOfRate, worstFlag } from "../../src/core/compute/flags";
import { seedPastedSheet } from "../../scripts/fixtures/seed-form";
import { miniForm, type MiniFormOptions } from "./helpers/mini-form";
import { buildSummary } from "../../src/core/summary/summary-model";
import { planFill } from "../../src/core/engine";
import { cellWrites } from "../../src/core/plan/edit-plan";

const AS_OF = new Date(2026, 10, 24);
const computeOf = (sheets: SheetSnapshot[], config = DEFAULT_CONFIG, asOf = AS_OF) =>
  analyse({ sheets }, config, { asOf }).computed;
const mini = (o: MiniFormOptions, config = DEFAULT_CONFIG, asOf = AS_OF) =>
  computeOf([miniForm(o)], config, asOf)[0];

describe("achievement rate and flag on the seed's numbers", () => {
  const [ci] = computeOf([seedPastedSheet()]);
  const [count, centres] = ci.indicators;

  it("rates actual ÷ plan per year (FY2015: 1152 / 1090)", () => {
    expect(count.years[0]).toMatchObject({ fiscalYear: 2015, plan: 1090, actual: 1152, flag: "達成" });
    expect(count.years[0].rate).toBeCloseTo(1152 / 1090, 12);
    expect(centres.years.map((y) => [y.rate, y.flag])).toEqual([
      [43 / 42, "達成"],
      [48 / 50, "概ね達成"],
      [54 / 58, "概ね達成"],
      [55 / 66, "概ね達成"],
    ]);
  });

  it("gives a (累計) series its yearly increments, the first from the baseline 930", () => {
    expect(count.indicator.cumulative).toBe(true);
    expect(count.years.map((y) => y.increment)).toEqual([1152 - 930, 1345 - 1152, 1454 - 1345, 1671 - 1454]);
    // Running totals are for single-year figures only.
    expect(count.years.map((y) => [y.planTotal, y.actualTotal])).toEqual(Array(4).fill([null, null]));
    // The period rate of a running total is its last year's.
    expect(count.periodRate).toBeCloseTo(1671 / 1570, 12);
  });

  it("reads まちづくりセンター数 as a level: the change per year, no totals, the last year's rate 55/66", () => {
    expect(centres.kind).toBe("level");
    expect(centres.indicator.kind).toBe("level");
    // Centres standing at each year's end: 42 + 50 centres is not 92 centres.
    expect(centres.years.map((y) => [y.planTotal, y.actualTotal, y.increment])).toEqual([
      [null, null, 43 - 37],
      [null, null, 48 - 43],
      [null, null, 54 - 48],
      [null, null, 55 - 54],
    ]);
    expect(centres.periodRate).toBeCloseTo(55 / 66, 12);
    expect(centres.periodBasis).toBe("last-year");
  });

  it("reads 受講者数(累計) as cumulative: the period rate is the last year's 1671/1570", () => {
    expect(count.kind).toBe("cumulative");
    expect(count.periodBasis).toBe("last-year");
    expect(count.periodRate).toBeCloseTo(1671 / 1570, 12);
  });

  it("takes each year's worst flag across the item's indicators", () => {
    expect(ci.years.map((y) => [y.fiscalYear, y.worstFlag])).toEqual([
      [2015, "達成"],
      [2016, "概ね達成"],
      [2017, "概ね達成"],
      [2018, "概ね達成"],
    ]);
  });
});

describe("flags at the thresholds", () => {
  const flagFor = (actual: CellValue) =>
    mini({ plan: [100, 100], actual: [actual, 100] }).indicators[0].years[0];

  it.each([
    [100, 1, "達成"],
    [80, 0.8, "概ね達成"],
    [79.99, 0.7999, "未達成"],
    [99.99, 0.9999, "概ね達成"],
    [0, 0, "未達成"],
  ])("actual %p of plan 100 → rate %p, %s", (actual, rate, flag) => {
    const y = flagFor(actual);
    expect(y.rate).toBeCloseTo(rate, 12);
    expect(y.flag).toBe(flag);
  });

  it("follows thresholds from configuration", () => {
    const strict = mergeConfig({ thresholds: { mostly: 0.9 } });
    expect(strict.thresholds.achieved).toBe(1);
    expect(flagOfRate(0.85, strict)).toBe("未達成");
    expect(flagOfRate(0.85, DEFAULT_CONFIG)).toBe("概ね達成");
  });

  it("computes no rate against a zero plan", () => {
    expect(achievementRate(0, 5, false)).toBeNull();
    expect(mini({ plan: [0, 100], actual: [5, 100] }).indicators[0].years[0]).toMatchObject({
      rate: null,
      flag: "対象外",
    });
  });
});

describe("lower-is-better indicators", () => {
  it("rate plan ÷ actual when configured by name", () => {
    const cfg = mergeConfig({ lowerIsBetter: ["待ち時間"] });
    const y = mini({ indicator: "窓口の平均待ち時間(分)", plan: [10, 10], actual: [12, 8] }, cfg)
      .indicators[0].years;
    expect(y[0].rate).toBeCloseTo(10 / 12, 12);
    expect(y[0].flag).toBe("概ね達成");
    expect(y[1].rate).toBeCloseTo(10 / 8, 12);
    expect(y[1].flag).toBe("達成");
  });

  it("rate actual ÷ plan by default", () => {
    expect(
      mini({ indicator: "窓口の平均待ち時間(分)", plan: [10, 10], actual: [12, 8] }).indicators[0].years[0]
        .rate,
    ).toBeCloseTo(1.2, 12);
  });
});

describe("未入力 and 対象外", () => {
  it("marks 未入力 a graded year whose actual is missing, and a year that is over", () => {
    const graded = mini({ actual: [110, null] }).indicators[0].years[1];
    expect(graded).toMatchObject({ rate: null, flag: "未入力" });
    const over = mini({ actual: [110, null], grades: ["A", null] }).indicators[0].years[1];
    expect(over.flag).toBe("未入力");
  });

  it("leaves a year that is neither over nor graded out (対象外)", () => {
    const during = new Date(2016, 9, 1); // October 2016: FY2016 is running
    const y = mini({ actual: [110, null], grades: ["A", null] }, DEFAULT_CONFIG, during).indicators[0]
      .years[1];
    expect(y.flag).toBe("対象外");
  });

  it("marks qualitative figures 対象外 and leaves them out of the worst flag", () => {
    const ci = mini({ plan: ["継続実施", "継続実施"], actual: ["実施", "実施"], grades: ["B", "B"] });
    expect(ci.indicators[0].years.map((y) => y.flag)).toEqual(["対象外", "対象外"]);
    expect(ci.years.map((y) => [y.worstFlag, y.gradeAgrees])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it("ranks 未入力 below 概ね達成 but does not compare it with the grade", () => {
    expect(worstFlag(["達成", "未入力", "概ね達成"])).toBe("未入力");
    expect(worstFlag(["達成", "未達成", "未入力"])).toBe("未達成");
    expect(worstFlag(["対象外"])).toBeNull();
    const ci = mini({ actual: [110, null] });
    expect(ci.years[1]).toMatchObject({ worstFlag: "未入力", gradeAgrees: null, statusAgrees: null });
  });
});

describe("a figure present but unreadable: 要確認, never 対象外", () => {
  it.each([
    ["a plan typed 1,2OO", { plan: ["1,2OO", 120] as [CellValue, CellValue] }],
    ["an actual typed 1l0", { actual: ["1l0", 125] as [CellValue, CellValue] }],
    ["an Excel error", { actual: [{ error: "#REF!" }, 125] as [CellValue, CellValue] }],
  ])("%s", (_, o) => {
    const a = analyse({ sheets: [miniForm(o)] }, DEFAULT_CONFIG, { asOf: AS_OF });
    const y = a.computed[0].indicators[0].years[0];
    expect(y.flag).toBe("要確認");
    // Not compared with the grade: the figure has to be settled first.
    expect(a.computed[0].years[0]).toMatchObject({ worstFlag: "要確認", gradeAgrees: null });
    // And the cell is named by an error finding.
    const cell = "plan" in o ? "D6" : "E6";
    expect(a.findings.filter((f) => f.severity === "error").map((f) => f.cell)).toEqual([cell]);
    expect(a.findings.some((f) => f.code === "grade/flag-mismatch")).toBe(false);
  });

  it("keeps 対象外 for a qualitative indicator and for 「-」", () => {
    expect(
      mini({ plan: ["継続実施", "継続実施"], actual: ["実施", "実施"] }).indicators[0].years[0].flag,
    ).toBe("対象外");
    expect(mini({ plan: ["-", 120] }).indicators[0].years[0].flag).toBe("対象外");
  });

  it("ranks 要確認 after 未達成 and before 未入力", () => {
    expect(worstFlag(["達成", "要確認", "未入力"])).toBe("要確認");
    expect(worstFlag(["要確認", "未達成"])).toBe("未達成");
  });
});

describe("indicator kinds: markers, configuration, totals and the period rate", () => {
  const kindOf = (indicator: string, config = DEFAULT_CONFIG) =>
    mini({ indicator, plan: [100, 120], actual: [90, 130] }, config).indicators[0];

  it.each([
    ["受講者数(累計)", "cumulative"],
    ["まちづくりセンター数", "level"],
    ["職員数(年度末時点)", "level"],
    ["単年度削減額(千円)", "annual"],
    ["年間相談件数", "annual"],
    ["各年度の研修回数", "annual"],
    ["削減額(累計)", "cumulative"],
  ])("%s is %s", (name, kind) => {
    expect(kindOf(name).kind).toBe(kind);
  });

  it("sums annual figures: running totals, and the period rate over the totals (220/220)", () => {
    const ci = kindOf("単年度削減額");
    expect(ci.years.map((y) => [y.planTotal, y.actualTotal, y.increment])).toEqual([
      [100, 90, null],
      [220, 220, null],
    ]);
    expect(ci.periodRate).toBeCloseTo(220 / 220, 12);
    expect(ci.periodBasis).toBe("period-total");
  });

  it("takes a level's period rate from the last year (130/120), never from sums", () => {
    const ci = kindOf("設置数");
    expect(ci.periodRate).toBeCloseTo(130 / 120, 12);
    expect(ci.years.map((y) => y.planTotal)).toEqual([null, null]);
  });

  it("lets the configuration name an indicator's kind, before its markers, and change the default", () => {
    const named = mergeConfig({ indicatorKinds: [{ name: "設置数", kind: "annual" }] });
    expect(kindOf("センター設置数", named).kind).toBe("annual");
    expect(kindOf("センター設置数(累計)", named).kind).toBe("annual");
    const annualDefault = mergeConfig({ defaultIndicatorKind: "annual" });
    expect(kindOf("相談件数", annualDefault).kind).toBe("annual");
    const marked = mergeConfig({ annualMarkers: ["件数"] });
    expect(kindOf("相談件数", marked).kind).toBe("annual");
  });
});

describe("running totals stop at a gap; increments skip one", () => {
  it("stops the totals after a year with no figure", () => {
    const ci = mini({ indicator: "単年度件数", plan: [100, 120], actual: ["-", 125] });
    expect(ci.indicators[0].years.map((y) => [y.planTotal, y.actualTotal])).toEqual([
      [100, null],
      [null, null],
    ]);
    // The period rate uses the years that have both figures.
    expect(ci.indicators[0].periodRate).toBeCloseTo(125 / 120, 12);
  });

  it("measures a (累計) increment from the last known actual", () => {
    const ci = mini({
      indicator: "受講者数(累計)",
      baseline: 90,
      plan: [100, 120],
      actual: [null, 125],
      grades: [null, "A"],
    });
    expect(ci.indicators[0].years.map((y) => y.increment)).toEqual([null, 125 - 90]);
  });
});

describe("agreement of grade and status with the flags", () => {
  const years = (o: MiniFormOptions) => mini(o).years[1];

  it.each([
    // FY2016 actual of plan 120, grade, status → gradeAgrees, statusAgrees
    [130, "A", "順調", true, true],
    [100, "B", "概ね順調", true, true], // 83 %: 概ね達成
    [100, "A", "順調", false, true],
    [60, "C", "進捗に遅れあり", true, true],
    [60, "B", "順調", false, false], // 50 %: 未達成
    [130, "C", "進捗に遅れあり", false, true], // behind in October, caught up by March
    [60, "D", "未着手", true, true],
  ])("actual %p, grade %s, status %s", (actual, grade, status, gradeAgrees, statusAgrees) => {
    expect(
      years({
        actual: [110, actual as number],
        grades: ["A", grade as string],
        statuses: ["順調", status as string],
      }),
    ).toMatchObject({
      gradeAgrees,
      statusAgrees,
    });
  });

  it("reads full-width grades (Ｂ) as on the scale", () => {
    expect(years({ actual: [110, 100], grades: ["A", "Ｂ"] }).gradeAgrees).toBe(true);
  });

  it("does not compare an unknown grade or status", () => {
    expect(years({ actual: [110, 60], grades: ["A", "E"], statuses: ["順調", "まあまあ"] })).toMatchObject({
      gradeAgrees: null,
      statusAgrees: null,
    });
  });
});

describe("grade codes and scales", () => {
  const lower = mergeConfig({
    grades: DEFAULT_CONFIG.grades.map((g) => ({ ...g, code: g.code.toLowerCase() })),
  });

  it("matches codes configured in lowercase (a/b/c/d) after NFKC and case folding, both sides", () => {
    for (const typed of ["B", "b", "Ｂ", "ｂ"]) {
      const a = analyse({ sheets: [miniForm({ actual: [110, 100], grades: ["A", typed] })] }, lower, {
        asOf: AS_OF,
      });
      expect(a.computed[0].years[1].gradeAgrees).toBe(true);
      expect(a.findings.filter((f) => f.code.startsWith("grade/"))).toEqual([]);
    }
  });

  it("counts lowercase-typed grades in the summary under the configured code", () => {
    const a = analyse({ sheets: [miniForm({ actual: [110, 100], grades: ["a", "ｂ"] })] }, DEFAULT_CONFIG, {
      asOf: AS_OF,
    });
    const m = buildSummary(a.computed, a.findings, a.config);
    expect(m.gradeTotals.filter((g) => g.counts.some((n) => n > 0)).map((g) => [g.grade, g.counts])).toEqual([
      ["A", [1, 0]],
      ["B", [0, 1]],
    ]);
    expect(m.gradeTotals.map((g) => g.grade)).not.toContain("その他");
  });

  it("checks period grades on their own scale when one is configured", () => {
    const sheet = miniForm();
    sheet.values.push(
      [],
      ["計画期間の評価", null, null, "計画期間の評価", null, "平成29年度以降"],
      [null, "取組工程、指標に対する評価", null, "概ね計画どおり進んだ。", "S", "継続する。"],
    );
    const own = mergeConfig({
      periodGrades: [
        { code: "S", ja: "特に優れている", en: "outstanding", expectedFlags: ["達成"] },
        { code: "A", ja: "優れている", en: "good", expectedFlags: ["達成", "概ね達成"] },
      ],
    });
    const offScale = (config: typeof own) =>
      analyse({ sheets: [sheet] }, config, { asOf: AS_OF })
        .findings.filter((f) => f.code === "grade/off-scale")
        .map((f) => [f.cell, f.params.value, f.params.scale]);
    expect(offScale(DEFAULT_CONFIG)).toEqual([["E15", "S", "A/B/C/D"]]);
    expect(offScale(own)).toEqual([]);
    // The year grades keep the year scale: an S there is still off it.
    const yearS = miniForm({ grades: ["A", "S"] });
    expect(
      analyse({ sheets: [yearS] }, own, { asOf: AS_OF }).findings.filter((f) => f.code === "grade/off-scale")
        .length,
    ).toBe(1);
  });
});

describe("flag bands as a list (a city using 90/80/60%)", () => {
  const bands = mergeConfig({
    flagBands: [
      { label: "概ね達成", min: 0.8 },
      { label: "達成", min: 0.9 },
      { label: "やや遅れ", en: "slightly behind", min: 0.6 },
      { label: "遅れ", en: "behind", min: 0 },
    ],
    grades: [
      { code: "A", ja: "順調", en: "on plan", expectedFlags: ["達成", "概ね達成"] },
      { code: "B", ja: "やや遅れ", en: "slightly behind", expectedFlags: ["やや遅れ"] },
      { code: "C", ja: "遅れ", en: "behind", expectedFlags: ["遅れ"] },
    ],
  });
  const flagOf = (actual: number) =>
    mini({ plan: [100, 100], actual: [actual, 100] }, bands).indicators[0].years[0].flag;

  it.each([
    [95, "達成"],
    [90, "達成"],
    [85, "概ね達成"],
    [70, "やや遅れ"],
    [59, "遅れ"],
    [-5, "遅れ"],
  ])("actual %p of 100 → %s", (actual, flag) => {
    expect(flagOf(actual)).toBe(flag);
  });

  it("ranks the bands for the worst flag, compares grades and statuses with them", () => {
    const ci = mini(
      { plan: [100, 100], actual: [95, 50], grades: ["A", "C"], statuses: ["順調", "順調"] },
      bands,
    );
    expect(ci.years.map((y) => [y.worstFlag, y.gradeAgrees, y.statusAgrees])).toEqual([
      ["達成", true, true],
      ["遅れ", true, false],
    ]);
    // The configured list is in any order: best first by min.
    expect(worstFlag(["達成", "やや遅れ", "概ね達成"], bands.flagBands)).toBe("やや遅れ");
    expect(worstFlag(["達成", "概ね達成"], bands.flagBands)).toBe("概ね達成");
  });

  it("writes the bands into the computed area's flag formula, best first", () => {
    const wb = { sheets: [miniForm({ plan: [100, 100], actual: [95, 70] })] };
    const plan = planFill(analyse(wb, bands, { asOf: AS_OF }), wb).plan;
    const flags = cellWrites(plan.edits[0].writes).filter(
      (w) => typeof w.formula === "string" && w.formula.includes("ISNUMBER(J6)"),
    );
    expect(flags.map((w) => [w.value, w.formula])).toEqual([
      ["達成", '=IF(ISNUMBER(J6),LOOKUP(J6,_Shinchoku.Flags),"")'],
    ]);
    // The table LOOKUP reads, lowest first: the lowest band's bound below any rate, then 60%, 80%, 90%.
    const settings = plan.edits.find((e) => e.sheet === "_shinchoku_settings")!;
    const rows = cellWrites(settings.writes).filter((w) => w.row > 0 && w.col < 2);
    expect(rows.map((w) => w.value)).toEqual([-1e300, "遅れ", 0.6, "やや遅れ", 0.8, "概ね達成", 0.9, "達成"]);
    expect(plan.names.filter((n) => n.name.startsWith("_Shinchoku.Band.")).map((n) => n.name)).toEqual([
      "_Shinchoku.Band.1",
      "_Shinchoku.Band.2",
      "_Shinchoku.Band.3",
    ]);
  });

  it("keeps 達成/概ね達成/未達成 from the thresholds when no bands are configured", () => {
    const t = mergeConfig({ thresholds: { achieved: 1, mostly: 0.9 } });
    expect(mini({ plan: [100, 100], actual: [85, 100] }, t).indicators[0].years[0].flag).toBe("未達成");
  });
});
