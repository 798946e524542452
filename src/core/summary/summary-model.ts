/**
 * The summary across all items: an item table, an indicator table, the count and share of items per
 * grade and year (by 重点改革項目 and in total), the count of indicator flags per year, and the items
 * by lead department. Pure data; summary-plan.ts lays it out.
 */
import type { ShinchokuConfig, Flag } from "../config/config";
import type { ComputedIndicator, ComputedItem, PeriodBasis } from "../model/computed";
import { countBySeverity, type Finding } from "../model/finding";
import {
  actualPlace,
  refOf,
  type CellRef,
  type IndicatorKind,
  type IndicatorYear,
  type Item,
  type PeriodEvaluation,
  type SourceCell,
} from "../model/item";
import { toA1 } from "../grid/address";
import { gradeKey } from "../values/normalize";
import { compareItemNo, ofYear } from "../values/order";
import { pushTo } from "../values/group";
import { shownText } from "../values/shown";

export interface ItemRow {
  no: string;
  pillar: string;
  midItem: string;
  smallItem: string;
  title: string;
  leadDepartment: string;
  /** Every department in charge, one a line, the lead marked as on the form: "市民協働課●\n中央公民館". */
  departments: string;
  years: Array<{ fiscalYear: number; status: string; grade: string; flag: Flag | null }>;
  midtermGrade: string;
  finalGrade: string;
  errors: number;
  warnings: number;
  /** Where the item starts, for the hyperlink. */
  link: { sheet: string; cell: string } | null;
  /** The files its sheets came from, when several files were read together; else empty. */
  files: string[];
}

export interface IndicatorRow {
  no: string;
  name: string;
  cumulative: boolean;
  kind: IndicatorKind;
  baseline: number | string | null;
  years: Array<{
    fiscalYear: number;
    plan: number | string | null;
    actual: number | string | null;
    rate: number | null;
    flag: Flag;
  }>;
  periodRate: number | null;
  periodBasis: PeriodBasis;
  /** Plan ÷ actual (a lower figure is better). */
  lowerIsBetter?: boolean;
  /** The row's item in `items` (its indicators are consecutive rows). */
  itemIndex?: number;
  /**
   * Where each figure is on its item sheet, for the summary's formulas: a cell a formula may read
   * (blank, or a plain number); null where the figure is text (its value is written instead).
   */
  sources?: {
    baseline: CellRef | null;
    years: Array<{ plan: CellRef | null; actual: CellRef | null }>;
  };
}

export interface GradeCount {
  pillar: string;
  grade: string;
  counts: number[];
  /** Per year, counts ÷ the graded items of the pillar (or of all) that year; null when none was graded. */
  shares: Array<number | null>;
}

/** How many indicator-years carry one flag, per fiscal year. */
export interface FlagCount {
  flag: string;
  counts: number[];
}

/** One item in the view by lead department. */
export interface DepartmentRow {
  department: string;
  no: string;
  title: string;
  /** Each fiscal year's grade as typed ("" when none). */
  grades: string[];
  errors: number;
  warnings: number;
  link: { sheet: string; cell: string } | null;
}

export interface SummaryModel {
  fiscalYears: number[];
  items: ItemRow[];
  indicators: IndicatorRow[];
  /** Per pillar and grade (scale order, then "その他"), one count per fiscal year. */
  gradeCounts: GradeCount[];
  /** All pillars together. */
  gradeTotals: GradeCount[];
  /** Indicator flags per year, in SUMMARY_FLAGS order (every flag, counted or not). */
  flagCounts: FlagCount[];
  /** Items by lead department (in name order, departments without a lead last), then by No. */
  byDepartment: DepartmentRow[];
}

/** The flags the committee counts, in the order they are shown (対象外 is no result and is left out). */
export const SUMMARY_FLAGS: readonly string[] = ["達成", "概ね達成", "未達成", "未入力", "要確認"];

/** The department heading items whose sheet names no lead. */
export const NO_LEAD = "（主担当未設定）";

const OTHER = "その他";

const cellValue = (c: SourceCell | null): number | string | null =>
  c?.parsed.kind === "number" ? c.parsed.value : shownText(c);
const text = (c: SourceCell | null) => {
  const v = cellValue(c);
  return v === null ? "" : String(v);
};

export function buildSummary(
  computed: ComputedItem[],
  findings: Finding[],
  config: ShinchokuConfig,
  /** The file a sheet came from (SheetSnapshot.file), when several files were read together. */
  fileOf: (sheet: string) => string | undefined = () => undefined,
): SummaryModel {
  const sorted = [...computed].sort((x, y) => compareItemNo(x.item.no, y.item.no));
  const fiscalYears = fiscalYearsOf(sorted);

  // Findings by item No. once, not a scan of all findings per item.
  const byNo = new Map<string | null, Finding[]>();
  for (const f of findings) pushTo(byNo, f.itemNo, f);
  // The rows are built by functions of their own: this one runs once per run and stays small.
  const items = itemRows(sorted, fiscalYears, byNo);
  sorted.forEach(({ item }, i) => {
    const files = item.sheets.map(fileOf).filter((f): f is string => f !== undefined);
    items[i].files = [...new Set(files)];
  });
  const indicators = indicatorRows(sorted, fiscalYears);
  return {
    fiscalYears,
    items,
    indicators,
    ...gradeTables(sorted, fiscalYears, config),
    flagCounts: flagCounts(indicators, fiscalYears),
    byDepartment: departmentRows(sorted, items),
  };
}

function flagCounts(indicators: IndicatorRow[], fiscalYears: number[]): FlagCount[] {
  const rows = SUMMARY_FLAGS.map((flag) => ({ flag, counts: fiscalYears.map(() => 0) }));
  for (const ind of indicators)
    ind.years.forEach((y, yi) => {
      const fi = SUMMARY_FLAGS.indexOf(y.flag);
      if (fi >= 0) rows[fi].counts[yi]++;
    });
  return rows;
}

/** The item rows again, by lead department: rows[i] is the row of sorted[i]. */
function departmentRows(sorted: ComputedItem[], rows: ItemRow[]): DepartmentRow[] {
  const out = sorted.map(({ item }, i): DepartmentRow => {
    const r = rows[i];
    return {
      department: item.leadDepartment ?? NO_LEAD,
      no: r.no,
      title: r.title,
      grades: r.years.map((y) => y.grade),
      errors: r.errors,
      warnings: r.warnings,
      link: r.link,
    };
  });
  // Stable: within a department the items keep their No. order.
  return out.sort((a, b) => {
    if (a.department === b.department) return 0;
    if (a.department === NO_LEAD) return 1;
    if (b.department === NO_LEAD) return -1;
    return a.department < b.department ? -1 : 1;
  });
}

/** All departments in the form's order, the lead marked with ●, one a line (a name is never cut). */
function departmentsText(item: Item): string {
  if (item.departments.length === 0) return item.leadDepartment ?? "";
  return item.departments.map((d) => (d === item.leadDepartment ? `${d}●` : d)).join("\n");
}

function itemRows(
  sorted: ComputedItem[],
  fiscalYears: number[],
  findingsByNo: Map<string | null, Finding[]>,
): ItemRow[] {
  const items: ItemRow[] = [];
  for (const c of sorted)
    items.push(itemRow(c, fiscalYears, findingsByNo.get(c.item.no || null) ?? NO_FINDINGS));
  return items;
}

function indicatorRows(sorted: ComputedItem[], fiscalYears: number[]): IndicatorRow[] {
  const indicators: IndicatorRow[] = [];
  sorted.forEach(({ item, indicators: inds }, itemIndex) => {
    for (const ci of inds) indicators.push({ ...indicatorRow(item.no, ci, fiscalYears), itemIndex });
  });
  return indicators;
}

const NO_FINDINGS: Finding[] = [];

/** Every fiscal year of the items' figures, grades and statuses, in order. */
function fiscalYearsOf(items: ComputedItem[]): number[] {
  const seen = new Set<number>();
  for (const c of items) {
    for (const y of c.years) seen.add(y.fiscalYear);
    for (const g of c.item.grades) seen.add(g.fiscalYear);
    for (const s of c.item.statuses) seen.add(s.fiscalYear);
  }
  return [...seen].sort((a, b) => a - b);
}

function periodGrade(item: Item, kind: PeriodEvaluation["kind"]): SourceCell | null {
  for (const p of item.periodEvaluations) if (p.kind === kind) return p.grade;
  return null;
}

function itemRow({ item, years }: ComputedItem, fiscalYears: number[], itemFindings: Finding[]): ItemRow {
  // An item without a No. gets the findings without one that are on its sheets.
  const counts = countBySeverity(
    item.no ? itemFindings : itemFindings.filter((f) => item.sheets.includes(f.sheet ?? "")),
  );
  const first = item.blocks[0];
  const anchor = item.noCell ?? first?.header.title ?? first?.header.pillar ?? null;
  const rowYears = fiscalYears.map((fy) => ({
    fiscalYear: fy,
    status: text(ofYear(item.statuses, fy)?.status ?? null),
    grade: text(ofYear(item.grades, fy)?.grade ?? null),
    flag: ofYear(years, fy)?.worstFlag ?? null,
  }));
  return {
    no: item.no,
    pillar: item.pillar,
    midItem: item.midItem,
    smallItem: item.smallItem,
    title: item.title,
    leadDepartment: item.leadDepartment ?? item.departments.join("・"),
    departments: departmentsText(item),
    years: rowYears,
    midtermGrade: text(periodGrade(item, "midterm")),
    finalGrade: text(periodGrade(item, "final")),
    errors: counts.error,
    warnings: counts.warning,
    link: anchor ? refOf(anchor) : first ? { sheet: first.sheet, cell: "A1" } : null,
    files: [],
  };
}

function indicatorRow(no: string, ci: ComputedIndicator, fiscalYears: number[]): IndicatorRow {
  const rowYears = fiscalYears.map((fy): IndicatorRow["years"][number] => {
    const y = ofYear(ci.indicator.years, fy);
    const c = ofYear(ci.years, fy);
    return {
      fiscalYear: fy,
      plan: cellValue(y?.plan ?? null),
      actual: cellValue(y?.actual ?? null),
      rate: c?.rate ?? null,
      flag: c?.flag ?? "対象外",
    };
  });
  return {
    no,
    name: ci.indicator.name,
    cumulative: ci.indicator.cumulative,
    kind: ci.kind,
    baseline: cellValue(ci.indicator.baseline.cell),
    years: rowYears,
    periodRate: ci.periodRate,
    periodBasis: ci.periodBasis,
    lowerIsBetter: ci.indicator.lowerIsBetter,
    sources: {
      baseline: liveRef(ci.indicator.baseline.cell),
      years: fiscalYears.map((fy) => {
        const y = ofYear(ci.indicator.years, fy);
        return { plan: liveRef(y?.plan ?? null), actual: y ? actualRef(y) : null };
      }),
    },
  };
}

/** A cell a formula may read: a plain number or blank (text such as "1,152人" is written as its value). */
function liveRef(c: SourceCell | null): CellRef | null {
  return c && (typeof c.raw === "number" || c.parsed.kind === "blank") ? refOf(c) : null;
}

/** The actual's cell, also while it is blank (where it will be typed). */
function actualRef(y: IndicatorYear): CellRef | null {
  if (y.actual) return liveRef(y.actual);
  if (!y.plan) return null;
  const at = actualPlace(y, y.plan);
  return { sheet: y.plan.sheet, cell: toA1(at.row, at.col) };
}

/** Grade counts per pillar (in the items' order) and in total, "その他" kept only where used. */
function gradeTables(
  sorted: ComputedItem[],
  fiscalYears: number[],
  config: ShinchokuConfig,
): Pick<SummaryModel, "gradeCounts" | "gradeTotals"> {
  const scale = config.grades.map((g) => g.code);
  const grades = [...scale, OTHER];
  // A grade's row by the text typed, the normalisation done once per distinct text.
  const rowOfText = new Map<string, number>();
  const rowOf = (t: string) => {
    let gi = rowOfText.get(t);
    if (gi === undefined) {
      const key = gradeKey(t);
      const at = scale.findIndex((code) => gradeKey(code) === key);
      gi = at >= 0 ? at : grades.indexOf(OTHER);
      rowOfText.set(t, gi);
    }
    return gi;
  };
  const emptyRows = (pillar: string): GradeCount[] =>
    grades.map((grade) => ({ pillar, grade, counts: fiscalYears.map(() => 0), shares: [] }));

  const byPillar = new Map<string, ComputedItem[]>();
  for (const c of sorted) pushTo(byPillar, c.item.pillar || "（未設定）", c);
  const gradeCounts: GradeCount[] = [];
  const gradeTotals = emptyRows("合計");
  for (const [pillar, items] of byPillar) {
    const rows = emptyRows(pillar);
    countGrades(items, fiscalYears, rowOf, rows, gradeTotals);
    addShares(rows);
    for (const r of rows) if (used(r)) gradeCounts.push(r);
  }
  addShares(gradeTotals);
  return { gradeCounts, gradeTotals: gradeTotals.filter(used) };
}

/** Each row's share of the year's graded items among `rows` (one pillar's, or the totals). */
function addShares(rows: GradeCount[]): void {
  const years = rows.length ? rows[0].counts.length : 0;
  for (let yi = 0; yi < years; yi++) {
    let graded = 0;
    for (const r of rows) graded += r.counts[yi];
    for (const r of rows) r.shares[yi] = graded ? r.counts[yi] / graded : null;
  }
}

/** Adds the items' grades, per year, to their pillar's rows and to the totals (rows by rowOf). */
function countGrades(
  items: ComputedItem[],
  fiscalYears: number[],
  rowOf: (gradeText: string) => number,
  rows: GradeCount[],
  totals: GradeCount[],
): void {
  for (const { item } of items)
    for (const g of item.grades) {
      const t = text(g.grade);
      if (!t) continue;
      const yi = fiscalYears.indexOf(g.fiscalYear);
      const gi = rowOf(t);
      rows[gi].counts[yi]++;
      totals[gi].counts[yi]++;
    }
}

/** Keep "その他" only where something fell into it. */
const used = (r: GradeCount) => r.grade !== OTHER || r.counts.some((n) => n > 0);
