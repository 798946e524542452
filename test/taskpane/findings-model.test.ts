import type { RenderedFinding, Severity } from "../../src/core/model/finding";
import { countBySeverity } from "../../src/core/model/finding";
import {
  checklistByDepartment,
  groupByRule,
  groupFindings,
  indicatorLines,
  locationText,
} from "../../src/taskpane/findings-model";
import type { PaneIndicator } from "../../src/excel/types";
import { t, type MessageKey } from "../../src/shared/i18n";

const f = (
  severity: Severity,
  itemNo: string | null,
  sheet: string | null,
  cell: string | null,
  code = "X",
): RenderedFinding => ({
  code,
  severity,
  itemNo,
  sheet,
  cell,
  params: {},
  message: `${code} ${sheet}!${cell}`,
});

const items = [
  { no: "28", title: "区自治協議会の活性化", sheet: "No28", cell: "C3" },
  { no: "3", title: "窓口業務の見直し", sheet: "No3", cell: "C3" },
];

describe("groupFindings", () => {
  test("groups by item in sheet order, unknown items next, workbook-wide last; empty groups left out", () => {
    const groups = groupFindings({
      items: [...items, { no: "9", title: "指摘なし", sheet: "No9", cell: "C3" }],
      findings: [
        f("info", null, null, null, "WB"),
        f("warning", "3", "No3", "B10"),
        f("error", "77", "No77", "A1"),
        f("error", "28", "No28", "D12"),
      ],
    });
    expect(groups.map((g) => g.key)).toEqual(["item:28", "item:3", "item:77", "workbook"]);
    expect(groups[0].title).toBe("区自治協議会の活性化");
    expect(groups[2].title).toBeNull();
    expect(groups[3].itemNo).toBeNull();
  });

  test("errors first, then sheet order, then row and column (B9 before B10 before C10)", () => {
    const [g] = groupFindings({
      items: [
        { no: "28", title: "t", sheet: "No28", cell: "C3" },
        { no: "28", title: "t", sheet: "No28 (2)", cell: "C3" },
      ],
      findings: [
        f("info", "28", "No28", "A1", "i"),
        f("warning", "28", "No28 (2)", "A1", "w2"),
        f("warning", "28", "No28", "C10", "w3"),
        f("warning", "28", "No28", "B10", "w1"),
        f("warning", "28", "No28", "B9", "w0"),
        f("error", "28", null, null, "e-nocell"),
        f("error", "28", "No28", "AA1", "e1"),
        f("error", "28", "No28", "Z1", "e0"),
      ],
    });
    expect(g.findings.map((x) => x.code)).toEqual(["e0", "e1", "e-nocell", "w0", "w1", "w3", "w2", "i"]);
  });

  test("the filter hides findings but the counts stay those of all findings", () => {
    const result = {
      items,
      findings: [
        f("error", "28", "No28", "A1"),
        f("warning", "28", "No28", "A2"),
        f("info", "3", "No3", "A1"),
      ],
    };
    const groups = groupFindings(result, new Set<Severity>(["warning"]));
    expect(groups.map((g) => [g.key, g.findings.length, g.counts])).toEqual([
      ["item:28", 1, { error: 1, warning: 1, info: 0 }],
      ["item:3", 0, { error: 0, warning: 0, info: 1 }],
    ]);
    expect(groups[0].findings[0].severity).toBe("warning");
  });

  test("countBySeverity", () => {
    expect(
      countBySeverity([
        f("error", null, null, null),
        f("error", null, null, null),
        f("info", null, null, null),
      ]),
    ).toEqual({
      error: 2,
      warning: 0,
      info: 1,
    });
  });
});

describe("locationText", () => {
  test("sheet!cell as Excel writes it, quoting names that need it", () => {
    expect(locationText("No28", "B3")).toBe("No28!B3");
    expect(locationText("進捗28", "B3")).toBe("進捗28!B3");
    expect(locationText("No 28", "B3")).toBe("'No 28'!B3");
    expect(locationText("28", "B3")).toBe("'28'!B3");
    expect(locationText("O'Brien", "A1")).toBe("'O''Brien'!A1");
    expect(locationText(null, "A1")).toBe("A1");
    expect(locationText("No28", null)).toBe("No28");
    expect(locationText(null, null)).toBeNull();
  });
});

describe("groupByRule and checklistByDepartment", () => {
  test("one group per check: errors first, then the larger group, counted before the filter", () => {
    const fs = [
      f("warning", "28", "No28", "D14", "baseline/stale-estimate"),
      f("info", "28", "No28", "A1", "layout/no-form"),
      f("warning", "3", "No3", "D14", "baseline/stale-estimate"),
      f("warning", "3", "No3", "E9", "status/unknown"),
      f("error", "3", "No3", "H15", "value/actual-missing"),
    ];
    const groups = groupByRule(fs, (c) => `title of ${c}`);
    expect(groups.map((g) => [g.code, g.severity, g.count])).toEqual([
      ["value/actual-missing", "error", 1],
      ["baseline/stale-estimate", "warning", 2],
      ["status/unknown", "warning", 1],
      ["layout/no-form", "info", 1],
    ]);
    expect(groups[1].title).toBe("title of baseline/stale-estimate");
    expect(groups[1].findings.map((x) => x.cell)).toEqual(["D14", "D14"]);
    const warningsOnly = groupByRule(fs, (c) => c, new Set(["warning"] as const));
    expect(warningsOnly.map((g) => g.code)).toEqual(["baseline/stale-estimate", "status/unknown"]);
  });

  test("the checklist keeps the engine's order, one heading per department run", () => {
    const e = (department: string, itemNo: string) => ({ department, itemNo });
    expect(checklistByDepartment([e("A課", "1"), e("A課", "2"), e("B課", "3")])).toEqual([
      { department: "A課", entries: [e("A課", "1"), e("A課", "2")] },
      { department: "B課", entries: [e("B課", "3")] },
    ]);
  });
});

describe("indicator kinds and period bases in a group", () => {
  const tr = (lang: "ja" | "en") => (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
  const indicators: PaneIndicator[] = [
    { name: "受講者数(累計)", kind: "cumulative", periodRate: 1671 / 1570, periodBasis: "last-year" },
    { name: "まちづくりセンター数", kind: "level", periodRate: 55 / 66, periodBasis: "last-year" },
    { name: "単年度削減額", kind: "annual", periodRate: null, periodBasis: "period-total" },
  ];

  it("carries the item's indicators into its group", () => {
    const [g] = groupFindings({
      items: [{ no: "28", title: "t", sheet: "No28", cell: "C3", indicators }],
      findings: [f("warning", "28", "No28", "A1")],
    });
    expect(g.indicators).toEqual(indicators);
  });

  it("says the kind and what each period rate is taken over, in Japanese and English", () => {
    expect(indicatorLines(indicators, tr("ja"))).toEqual([
      "受講者数(累計) — 累計・期間達成率 106.4%（最終年度）",
      "まちづくりセンター数 — 年度末時点・期間達成率 83.3%（最終年度）",
      "単年度削減額 — 単年度・期間達成率 なし（期間合計）",
    ]);
    expect(indicatorLines(indicators.slice(1, 2), tr("en"))).toEqual([
      "まちづくりセンター数 — level at year-end (年度末時点), period rate 83.3% (last year)",
    ]);
  });
});
