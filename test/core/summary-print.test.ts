/**
 * The summary sheet designed for print and for reading (issue 19, points 1–3): page setup, fonts,
 * title and date, departments, legends, counts and shares, flags, the view by lead department, and
 * the computed area's column widths on item sheets.
 */
import type { Analysis } from "../../src/core/model/analysis";
import { analyse, planFill, planSummary } from "../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig, type ShinchokuConfig } from "../../src/core/config/config";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { toA1 } from "../../src/core/grid/address";
import { cellWrites, type CellWrite, type SheetEdit } from "../../src/core/plan/edit-plan";
import { textWidth } from "../../src/core/plan/styles";
import { buildSummary, SUMMARY_FLAGS } from "../../src/core/summary/summary-model";
import { japaneseDate, japaneseFiscalYear } from "../../src/core/values/japanese-date";
import { seedFormSheets } from "../../scripts/fixtures/seed-form";

const AS_OF = new Date(2019, 5, 30);
const run = (wb: WorkbookSnapshot, config: ShinchokuConfig = DEFAULT_CONFIG): Analysis =>
  analyse(wb, config, { asOf: AS_OF });

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

describe("japaneseDate", () => {
  it("names the era by the day it began, 元年 for its first year", () => {
    expect(japaneseDate(new Date(2019, 5, 30))).toBe("令和元年6月30日");
    expect(japaneseDate(new Date(2019, 4, 1))).toBe("令和元年5月1日");
    expect(japaneseDate(new Date(2019, 3, 30))).toBe("平成31年4月30日");
    expect(japaneseDate(new Date(2020, 0, 1))).toBe("令和2年1月1日");
    expect(japaneseDate(new Date(1989, 0, 8))).toBe("平成元年1月8日");
    expect(japaneseDate(new Date(1989, 0, 7))).toBe("昭和64年1月7日");
    expect(japaneseDate(new Date(2026, 11, 3))).toBe("令和8年12月3日");
  });

  it("names fiscal years by the era of their April, as the form does (平成31年度 is 令和元年度 too)", () => {
    expect(japaneseFiscalYear(2015)).toBe("平成27年度");
    expect(japaneseFiscalYear(2018)).toBe("平成30年度");
    expect(japaneseFiscalYear(2019)).toBe("令和元年度");
    expect(japaneseFiscalYear(2020)).toBe("令和2年度");
  });
});

describe("summary model for the committee", () => {
  const m = buildSummary(a.computed, a.findings, a.config);

  it("lists every department, the lead marked, one a line", () => {
    expect(m.items.map((i) => i.departments)).toEqual(["財産活用課●", "市民協働課●\n中央公民館"]);
  });

  it("gives each grade's share of the year's graded items, per pillar and in total", () => {
    const totals = Object.fromEntries(m.gradeTotals.map((g) => [g.grade, g.shares]));
    expect(totals).toEqual({
      A: [0.5, 0, 0, 0],
      B: [0.5, 0.5, 0.5, 0],
      C: [0, 0.5, 0.5, 0.5],
      D: [0, 0, 0, 0.5],
    });
    const pillarOne = m.gradeCounts.filter((g) => g.pillar.startsWith("重点改革項目Ⅰ"));
    expect(pillarOne.map((g) => [g.grade, g.shares])).toEqual([
      ["A", [1, 0, 0, 0]],
      ["B", [0, 1, 1, 0]],
      ["C", [0, 0, 0, 0]],
      ["D", [0, 0, 0, 1]],
    ]);
  });

  it("counts the indicator flags per year, every flag listed", () => {
    expect(m.flagCounts.map((f) => f.flag)).toEqual([...SUMMARY_FLAGS]);
    // Two items × two indicators: the counts of each year add up to the indicators with a result.
    const perYear = m.fiscalYears.map((_, yi) => m.flagCounts.reduce((n, f) => n + f.counts[yi], 0));
    expect(perYear).toEqual([4, 4, 4, 4]);
    const byFlag = Object.fromEntries(m.flagCounts.map((f) => [f.flag, f.counts]));
    const expected = m.fiscalYears.map(
      (_, yi) => m.indicators.filter((i) => i.years[yi].flag === "達成").length,
    );
    expect(byFlag["達成"]).toEqual(expected);
  });

  it("views the items by lead department, in name order, with grades and open findings", () => {
    expect(m.byDepartment.map((d) => [d.department, d.no, d.grades])).toEqual([
      ["市民協働課", "28", ["B", "C", "C", "C"]],
      ["財産活用課", "5", ["A", "B", "B", "D"]],
    ]);
    const row28 = m.items.find((i) => i.no === "28")!;
    expect(m.byDepartment[0]).toMatchObject({
      errors: row28.errors,
      warnings: row28.warnings,
      link: row28.link,
    });
  });
});

describe("summary plan for print", () => {
  const { plan, sheetName } = planSummary(a, wb);
  const e = plan.edits[0];
  const cells = cellWrites(e.writes);
  const at = (a1: string) => cells.find((w) => toA1(w.row, w.col) === a1);
  const widthOf = (col: number) => e.columnWidths.find((c) => c.col === col)?.width ?? 8.43;

  it("prints A4 landscape, one page wide, title rows repeated, page numbers and the date in the footer", () => {
    expect(sheetName).toBe("集計");
    expect(e.pageSetup).toMatchObject({
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      printTitleRows: { first: 1, last: 2 },
      footer: { left: "&A", center: "&P / &N ページ", right: "印刷日 &D" },
    });
    // The print area starts at the title: our marker's row 1 is not printed; it ends at the last row.
    const lastRow = Math.max(...cells.map((w) => w.row));
    const lastCol = Math.max(...cells.map((w) => w.col));
    expect(e.pageSetup?.printArea).toEqual({ top: 1, left: 0, bottom: lastRow, right: lastCol });
  });

  it("keeps our marker in A1, white and small, and shows the plan's title without a product name", () => {
    expect(at("A1")).toMatchObject({ value: DEFAULT_CONFIG.summaryMarker });
    expect(at("A1")?.format).toMatchObject({ fontColor: "#FFFFFF", fontSize: 6 });
    expect(at("A2")?.value).toBe("行政改革プラン 進捗状況一覧");
    expect(String(at("A3")?.value)).toMatch(/^作成日 令和元年6月30日/);
    const visible = cells.filter((w) => w.row > 0).map((w) => String(w.value ?? ""));
    expect(visible.filter((v) => /shinchoku/i.test(v))).toEqual([]);
  });

  it("takes the title and the font from configuration", () => {
    const config = mergeConfig({ summaryTitle: "第2次行政改革プラン 進捗状況", summaryFont: "Meiryo UI" });
    const p = planSummary(run(wb, config), wb).plan.edits[0];
    const w = cellWrites(p.writes);
    expect(w.find((c) => c.row === 1 && c.col === 0)?.value).toBe("第2次行政改革プラン 進捗状況");
    expect(new Set(w.map((c) => c.format?.fontName))).toEqual(new Set(["Meiryo UI"]));
  });

  it("names the font of every cell it writes (游ゴシック by default), one body size", () => {
    expect(new Set(cells.map((w) => w.format?.fontName))).toEqual(new Set(["游ゴシック"]));
    const tableCells = cells.filter((w) =>
      e.tables.some((t) => w.row >= t.range.top && w.row <= t.range.bottom),
    );
    expect(new Set(tableCells.map((w) => w.format?.fontSize))).toEqual(new Set([10]));
  });

  it("has the legends: grades with their names, flags with the thresholds", () => {
    const texts = cells.map((w) => String(w.value ?? ""));
    expect(texts).toContain("凡例");
    const grades = texts.find((t) => t.startsWith("年度評価"))!;
    for (const g of DEFAULT_CONFIG.grades) expect(grades).toContain(`${g.code}：${g.ja}`);
    const flags = texts.find((t) => t.startsWith("指標判定"))!;
    expect(flags).toContain("達成率 100% 以上");
    expect(flags).toContain("80% 以上");
    for (const f of SUMMARY_FLAGS) expect(flags).toContain(f);
    // The headers' short years in the form's era names.
    expect(texts.some((t) => t.includes("H27 ＝ 平成27年度 … H30 ＝ 平成30年度"))).toBe(true);
  });

  it("writes each table, its headers on one line within their columns", () => {
    expect(e.tables.map((t) => t.name)).toEqual([
      "Shinchoku_Items",
      "Shinchoku_Indicators",
      "Shinchoku_Grades",
      "Shinchoku_GradeTotals",
      "Shinchoku_Flags",
      "Shinchoku_Departments",
    ]);
    for (const t of e.tables)
      for (let c = t.range.left; c <= t.range.right; c++) {
        const h = String(at(toA1(t.range.top, c))?.value ?? "");
        expect([t.name, h, textWidth(h) <= widthOf(c) - 1]).toEqual([t.name, h, true]);
      }
  });

  it("starts the tables with a long first column in column B, where the names have room", () => {
    for (const t of e.tables.slice(2)) expect([t.name, t.range.left]).toEqual([t.name, 1]);
    // The pillar column of the grade table is wide enough that both pillars' numerals show.
    const grades = e.tables[2];
    const pillars = cells.filter(
      (w) => w.col === 1 && w.row > grades.range.top && w.row <= grades.range.bottom,
    );
    expect(new Set(pillars.map((w) => String(w.value).slice(0, 7)))).toEqual(
      new Set(["重点改革項目Ⅰ", "重点改革項目Ⅱ"]),
    );
    expect(widthOf(1)).toBeGreaterThanOrEqual(textWidth("重点改革項目Ⅱ") + 1);
  });

  it("gives wrapped rows the height their longest text needs, and the department lines each a line", () => {
    const heights = new Map((e.rowHeights ?? []).map((h) => [h.row, h.height]));
    const items = e.tables[0];
    for (let r = items.range.top + 1; r <= items.range.bottom; r++) {
      const row = cells.filter((w) => w.row === r);
      const dept = row.find((w) => w.col === 5)!;
      expect(String(dept.value)).toContain("●");
      // At least two lines (pillar and 中項目 wrap in their columns), never the default height.
      expect(heights.get(r)).toBeGreaterThanOrEqual(2 * 13);
    }
    // Every written row has a height: nothing is left for the reader's program to guess.
    expect(new Set(cells.map((w) => w.row))).toEqual(new Set(heights.keys()));
  });

  it("shows count and share per year by grade, and charts the counts alone", () => {
    const totals = e.tables[3];
    const header = (c: number) => at(toA1(totals.range.top, c))?.value;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(header)).toEqual([
      "年度評価",
      "H27件数",
      "H28件数",
      "H29件数",
      "H30件数",
      "H27割合",
      "H28割合",
      "H29割合",
      "H30割合",
    ]);
    expect(at(toA1(totals.range.top + 1, 1))?.value).toBe("A 計画以上に進捗");
    expect(at(toA1(totals.range.top + 1, 6))).toMatchObject({ value: 0.5, format: { numberFormat: "0%" } });
    expect(e.charts).toEqual([
      expect.objectContaining({
        kind: "columnStacked",
        source: { top: totals.range.top, left: 1, bottom: totals.range.bottom, right: 5 },
      }),
    ]);
  });

  it("is the same plan on a re-run of the same day", () => {
    expect(planSummary(a, wb).plan).toEqual(plan);
  });
});

describe("computed area for print (item sheets)", () => {
  const { plan } = planFill(a, wb);

  it("sizes the area's columns to fit their headers on one line, never wrapping them", () => {
    for (const e of plan.edits.filter((x) => x.kind === "item")) {
      const header = cellWrites(e.writes).filter(
        // The header row's cells (bold): an indicator row's kind cell may read 累計 too.
        (w: CellWrite) =>
          typeof w.value === "string" && w.format?.bold === true && /達成率|判定|累計|増分/.test(w.value),
      );
      expect(header.length).toBeGreaterThan(0);
      for (const h of header) {
        expect(h.format?.wrap).toBe(false);
        const width = e.columnWidths.find((c) => c.col === h.col)?.width ?? 0;
        expect([h.value, width >= textWidth(String(h.value)) + 2]).toEqual([h.value, true]);
      }
    }
  });

  it("never sets an item sheet's page setup, row heights or fonts", () => {
    for (const e of plan.edits as SheetEdit[]) {
      expect(e.pageSetup).toBeNull();
      expect(e.rowHeights ?? []).toEqual([]);
      expect(cellWrites(e.writes).every((w) => w.format?.fontName === undefined)).toBe(true);
    }
  });
});
