/**
 * The summary across all items: an item table, an indicator table, and the count of items per
 * grade and year, by 重点改革項目 and in total. Pure data; summary-plan.ts lays it out.
 */
import type { ShinchokuConfig, Flag } from "../config/config";
import type { ComputedIndicator, ComputedItem, PeriodBasis } from "../model/computed";
import { countBySeverity, type Finding } from "../model/finding";
import { refOf, type IndicatorKind, type Item, type PeriodEvaluation, type SourceCell } from "../model/item";
import { gradeKey } from "../values/normalize";
import { compareItemNo, ofYear } from "../values/order";
import { pushTo } from "../values/group";
import { mapList } from "../values/lists";

export interface ItemRow {
  no: string;
  pillar: string;
  midItem: string;
  smallItem: string;
  title: string;
  leadDepartment: string;
  years: Array<{ fiscalYear: number; status: string; grade: string; flag: Flag | null }>;
  midtermGrade: string;
  finalGrade: string;
  errors: number;
  warnings: number;
  /** Where the item starts, for the hyperlink. */
  link: { sheet: string; cell: string } | null;
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
}

export interface GradeCount {
  pillar: string;
  grade: string;
  counts: number[];
}

export interface SummaryModel {
  fiscalYears: number[];
  items: ItemRow[];
  indicators: IndicatorRow[];
  /** Per pillar and grade (scale order, then "その他"), one count per fiscal year. */
  gradeCounts: GradeCount[];
  /** All pillars together. */
  gradeTotals: GradeCount[];
}

const OTHER = "その他";

const cellValue = (c: SourceCell | null): number | string | null => {
  if (!c || c.parsed.kind === "blank") return null;
  if (c.parsed.kind === "number") return c.parsed.value;
  if (typeof c.raw === "string") return c.raw.trim();
  if (c.raw !== null && typeof c.raw === "object") return c.raw.error;
  return String(c.raw);
};
const text = (c: SourceCell | null) => {
  const v = cellValue(c);
  return v === null ? "" : String(v);
};

export function buildSummary(
  computed: ComputedItem[],
  findings: Finding[],
  config: ShinchokuConfig,
): SummaryModel {
  const sorted = [...computed].sort((x, y) => compareItemNo(x.item.no, y.item.no));
  const fiscalYears = fiscalYearsOf(sorted);

  // Findings by item No. once, not a scan of all findings per item.
  const byNo = new Map<string | null, Finding[]>();
  for (const f of findings) pushTo(byNo, f.itemNo, f);
  // The rows are built by functions of their own: this one runs once per run and stays small.
  return {
    fiscalYears,
    items: itemRows(sorted, fiscalYears, byNo),
    indicators: indicatorRows(sorted, fiscalYears),
    ...gradeTables(sorted, fiscalYears, config),
  };
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
  for (const { item, indicators: inds } of sorted)
    for (const ci of inds) indicators.push(indicatorRow(item.no, ci, fiscalYears));
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
  const rowYears = mapList(fiscalYears, (fy) => ({
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
    years: rowYears,
    midtermGrade: text(periodGrade(item, "midterm")),
    finalGrade: text(periodGrade(item, "final")),
    errors: counts.error,
    warnings: counts.warning,
    link: anchor ? refOf(anchor) : first ? { sheet: first.sheet, cell: "A1" } : null,
  };
}

function indicatorRow(no: string, ci: ComputedIndicator, fiscalYears: number[]): IndicatorRow {
  const rowYears = mapList(fiscalYears, (fy): IndicatorRow["years"][number] => {
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
  };
}

/** Grade counts per pillar (in the items' order) and in total, "その他" kept only where used. */
function gradeTables(
  sorted: ComputedItem[],
  fiscalYears: number[],
  config: ShinchokuConfig,
): Pick<SummaryModel, "gradeCounts" | "gradeTotals"> {
  const scale = mapList(config.grades, (g) => g.code);
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
    mapList(grades, (grade) => ({ pillar, grade, counts: mapList(fiscalYears, () => 0) }));

  const byPillar = new Map<string, ComputedItem[]>();
  for (const c of sorted) pushTo(byPillar, c.item.pillar || "（未設定）", c);
  const gradeCounts: GradeCount[] = [];
  const gradeTotals = emptyRows("合計");
  for (const [pillar, items] of byPillar) {
    const rows = emptyRows(pillar);
    countGrades(items, fiscalYears, rowOf, rows, gradeTotals);
    for (const r of rows) if (used(r)) gradeCounts.push(r);
  }
  return { gradeCounts, gradeTotals: gradeTotals.filter(used) };
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
