/**
 * Year columns: a year with one figure column is never paired with the next year's column; year
 * headers in every common form; a span of years is a period, not a year; messages name the cause.
 */
import { analyse } from "../../../src/core/engine";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { renderMessage } from "../../../src/core/checks/render";
import { miniForm } from "../helpers/mini-form";

const AS_OF = new Date(2026, 10, 24);
const run = (...sheets: SheetSnapshot[]) => analyse({ sheets }, DEFAULT_CONFIG, { asOf: AS_OF });
const figures = (a: ReturnType<typeof run>) =>
  a.read.items.flatMap((it) =>
    it.indicators.map((ind) =>
      ind.years.map((y) => [y.fiscalYear, y.plan?.raw ?? null, y.actual?.raw ?? null]),
    ),
  );
const codes = (a: ReturnType<typeof run>) => a.findings.map((f) => `${f.code} ${f.cell}`);

/** The mini form with its table (rows 4–6) replaced: a header row, an optional sub-header, one indicator. */
function table(
  header: CellValue[],
  sub: CellValue[] | null,
  data: CellValue[],
  sheet = "No1",
): SheetSnapshot {
  const s = miniForm({ sheet });
  const rows = [
    ["改革実施概要", null, ...header],
    sub ? [null, null, ...sub] : [],
    ["指標", "窓口利用者数", ...data],
  ];
  s.values.splice(3, 3, ...rows);
  return s;
}

describe("one column per year", () => {
  it("reads 'H27 計画 | H27 実績 | H28 計画 | H28 実績' as two years of a plan and an actual", () => {
    const a = run(
      table(["現状 (平成26年度)", "H27 計画", "H27 実績", "H28 計画", "H28 実績", "目標"], null, [
        90,
        100,
        110,
        120,
        125,
        "継続",
      ]),
    );
    expect(figures(a)).toEqual([
      [
        [2015, 100, 110],
        [2016, 120, 125],
      ],
    ]);
    expect(a.read.blocks[0].fiscalYears).toEqual([2015, 2016]);
    expect(codes(a)).toEqual([]);
  });

  it("reports a year without 計画/実績 over one column at its cell, and never pairs it with the next", () => {
    const a = run(
      table(["現状 (平成26年度)", "平成27年度", "平成28年度", "目標"], null, [90, 100, 120, "継続"]),
    );
    expect(codes(a)).toEqual(["layout/year-column-unpaired D4", "layout/year-column-unpaired E4"]);
    // No false 達成 (120 taken as FY2015's actual) and no duplicate-year error.
    expect(a.computed.flatMap((c) => c.indicators.flatMap((i) => i.years.map((y) => y.flag)))).toEqual([]);
    const f = a.findings[0];
    expect(renderMessage(f, "ja")).toContain("年度「平成27年度」の列は1列だけで、計画か実績かが分からない");
    expect(renderMessage(f, "en")).toContain('the year "平成27年度" has a single column');
  });

  it("reads a plan-only table by its 計画 sub-header, and the actuals from a table of their own", () => {
    const plans = table(
      ["現状 (平成26年度)", "平成27年度", "平成28年度", "目標"],
      [null, "計画", "計画"],
      [90, 100, 120, "継続"],
      "計画",
    );
    const actuals = table(
      ["現状 (平成26年度)", "H27 実績", "H28 実績", "目標"],
      null,
      [90, 110, 125, "継続"],
      "実績",
    );
    const a = run(plans, actuals);
    expect(figures(a)).toEqual([
      [
        [2015, 100, 110],
        [2016, 120, 125],
      ],
    ]);
    expect(a.computed[0].indicators[0].years.map((y) => y.flag)).toEqual(["達成", "達成"]);
    expect(codes(a)).toEqual([]);
  });

  it("takes the last of one-column years as one column wide too", () => {
    const a = run(table(["現状 (平成26年度)", "H27 計画", "H28 計画"], null, [90, 100, 120, 777]));
    expect(figures(a)).toEqual([
      [
        [2015, 100, null],
        [2016, 120, null],
      ],
    ]);
  });
});

describe("year headers in every common form", () => {
  it.each<[string, CellValue, CellValue, number[]]>([
    ["H27 / H28", "H27", "H28", [2015, 2016]],
    ["R2 / R3", "R2", "R3", [2020, 2021]],
    ["令和2 / 令和3", "令和2", "令和3", [2020, 2021]],
    ["R2年度 / R3年度", "R2年度", "R3年度", [2020, 2021]],
    ["FY2019 / FY2020", "FY2019", "FY2020", [2019, 2020]],
    ["2019年度 / 2020年度", "2019年度", "2020年度", [2019, 2020]],
    ["2019 / 2020 typed as numbers", 2019, 2020, [2019, 2020]],
    ["H23 / H24", "H23", "H24", [2011, 2012]],
  ])("%s", (_, y1, y2, fys) => {
    const s = miniForm();
    for (const r of [3, 7, 10]) {
      s.values[r][3] = y1;
      s.values[r][5] = y2;
    }
    const a = run(s);
    expect(a.read.blocks[0].fiscalYears).toEqual(fys);
    expect(figures(a)).toEqual([
      [
        [fys[0], 100, 110],
        [fys[1], 120, 125],
      ],
    ]);
    expect(a.findings.filter((f) => f.code.startsWith("layout/"))).toEqual([]);
  });

  it("reads 実績見込み as the actual's sub-header", () => {
    const s = miniForm();
    s.values[4][6] = "実績見込み";
    expect(figures(run(s))).toEqual([
      [
        [2015, 100, 110],
        [2016, 120, 125],
      ],
    ]);
  });

  it("reads '累計 (H28~R2年度)' after the years as a period, not as FY2020", () => {
    const a = run(
      table(
        ["現状 (平成26年度)", "平成27年度", null, "平成28年度", null, "累計 (H28~R2年度)", "目標"],
        [null, "計画", "実績", "計画", "実績"],
        [90, 100, 110, 120, 125, 235, "継続"],
      ),
    );
    expect(a.read.blocks[0].fiscalYears).toEqual([2015, 2016]);
    expect(figures(a)).toEqual([
      [
        [2015, 100, 110],
        [2016, 120, 125],
      ],
    ]);
    expect(a.findings.some((f) => f.code === "layout/year-header-unreadable")).toBe(false);
  });
});

describe("messages name the real cause", () => {
  it("a paragraph merged over the table below the indicators is no indicator and breaks nothing", () => {
    const s = miniForm();
    s.values.splice(
      6,
      0,
      [null, "※以下の数値は年度末時点。"],
      [null, "指標の数値は担当課の集計による。詳しくは別紙を参照のこと。"],
    );
    s.merges = [{ top: 7, bottom: 7, left: 1, right: 7 }];
    const a = run(s);
    expect(figures(a)).toEqual([
      [
        [2015, 100, 110],
        [2016, 120, 125],
      ],
    ]);
    expect(a.findings).toEqual([]);
  });

  it("a name merged across the first year columns names that row, not an empty year header", () => {
    const s = miniForm();
    s.values[5] = ["指標", "窓口利用者数（計画・実績の欄まで結合）", null, null, null, 120, 125, "継続"];
    s.merges = [{ top: 5, bottom: 5, left: 1, right: 4 }];
    const a = run(s);
    const f = a.findings.find((x) => x.code.startsWith("layout/"));
    expect(f && [f.code, f.cell]).toEqual(["layout/text-over-years", "B6"]);
    expect(renderMessage(f!, "ja")).toContain(
      "「窓口利用者数(計画・実績の欄まで結合)」の行の文章が年度の列にかかっている",
    );
  });
});

describe("a resubmitted sheet that conflicts with an earlier one", () => {
  it("names the plan cell when the plan changed, and the actual when the actual did", () => {
    const plan = run(miniForm({ sheet: "A" }), miniForm({ sheet: "B", plan: [105, 120] }));
    expect(plan.findings.map((f) => [f.code, `${f.sheet}!${f.cell}`, f.params.otherCell])).toEqual([
      ["layout/duplicate-year", "B!D6", "D6"],
    ]);
    const actual = run(miniForm({ sheet: "A" }), miniForm({ sheet: "B", actual: [110, 126] }));
    expect(actual.findings.map((f) => [f.code, `${f.sheet}!${f.cell}`, f.params.otherCell])).toEqual([
      ["layout/duplicate-year", "B!G6", "G6"],
    ]);
  });
});
