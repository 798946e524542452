/**
 * The summary across all items: an item table, an indicator table, and the count of items per
 * grade and year, by 重点改革項目 and in total. Pure data; summary-plan.ts lays it out.
 */
import type { ShinchokuConfig, Flag } from "../config/config";
import type { ComputedItem } from "../model/computed";
import type { Finding } from "../model/finding";
import type { SourceCell } from "../model/item";
import { nfkc } from "../values/normalize";
import { compareItemNo } from "../values/order";

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
  baseline: number | string | null;
  years: Array<{
    fiscalYear: number;
    plan: number | string | null;
    actual: number | string | null;
    rate: number | null;
    flag: Flag;
  }>;
  periodRate: number | null;
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
  const fiscalYears = [
    ...new Set(
      sorted.flatMap((c) => [
        ...c.years.map((y) => y.fiscalYear),
        ...c.item.grades.map((g) => g.fiscalYear),
        ...c.item.statuses.map((s) => s.fiscalYear),
      ]),
    ),
  ].sort((a, b) => a - b);

  // Findings by item No. once, not a scan of all findings per item.
  const byNo = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const list = byNo.get(f.itemNo);
    if (list) list.push(f);
    else byNo.set(f.itemNo, [f]);
  }
  const items: ItemRow[] = sorted.map(({ item, years }) => {
    const fs = (byNo.get(item.no || null) ?? []).filter(
      (f) => item.no || item.sheets.includes(f.sheet ?? ""),
    );
    const first = item.blocks[0];
    const anchor = item.noCell ?? first?.header.title ?? first?.header.pillar ?? null;
    return {
      no: item.no,
      pillar: item.pillar,
      midItem: item.midItem,
      smallItem: item.smallItem,
      title: item.title,
      leadDepartment: item.leadDepartment ?? item.departments.join("・"),
      years: fiscalYears.map((fy) => ({
        fiscalYear: fy,
        status: text(item.statuses.find((s) => s.fiscalYear === fy)?.status ?? null),
        grade: text(item.grades.find((g) => g.fiscalYear === fy)?.grade ?? null),
        flag: years.find((y) => y.fiscalYear === fy)?.worstFlag ?? null,
      })),
      midtermGrade: text(item.periodEvaluations.find((p) => p.kind === "midterm")?.grade ?? null),
      finalGrade: text(item.periodEvaluations.find((p) => p.kind === "final")?.grade ?? null),
      errors: fs.filter((f) => f.severity === "error").length,
      warnings: fs.filter((f) => f.severity === "warning").length,
      link: anchor
        ? { sheet: anchor.ref.sheet, cell: anchor.ref.cell }
        : first
          ? { sheet: first.sheet, cell: "A1" }
          : null,
    };
  });

  const indicators: IndicatorRow[] = sorted.flatMap(({ item, indicators }) =>
    indicators.map((ci) => ({
      no: item.no,
      name: ci.indicator.name,
      cumulative: ci.indicator.cumulative,
      baseline: cellValue(ci.indicator.baseline.cell),
      years: fiscalYears.map((fy) => {
        const y = ci.indicator.years.find((v) => v.fiscalYear === fy);
        const c = ci.years.find((v) => v.fiscalYear === fy);
        return {
          fiscalYear: fy,
          plan: cellValue(y?.plan ?? null),
          actual: cellValue(y?.actual ?? null),
          rate: c?.rate ?? null,
          flag: c?.flag ?? "対象外",
        };
      }),
      periodRate: ci.periodRate,
    })),
  );

  const scale = config.grades.map((g) => g.code);
  const gradeOf = (raw: string) => {
    const g = nfkc(raw).toUpperCase();
    return scale.includes(g) ? g : OTHER;
  };
  const pillars = [...new Set(sorted.map((c) => c.item.pillar || "（未設定）"))];
  const gradeCounts: GradeCount[] = [];
  const gradeTotals: GradeCount[] = [...scale, OTHER].map((grade) => ({
    pillar: "合計",
    grade,
    counts: fiscalYears.map(() => 0),
  }));
  for (const pillar of pillars) {
    const rows = [...scale, OTHER].map((grade) => ({ pillar, grade, counts: fiscalYears.map(() => 0) }));
    for (const { item } of sorted.filter((c) => (c.item.pillar || "（未設定）") === pillar))
      for (const g of item.grades) {
        const t = text(g.grade);
        if (!t) continue;
        const yi = fiscalYears.indexOf(g.fiscalYear);
        const gi = [...scale, OTHER].indexOf(gradeOf(t));
        rows[gi].counts[yi]++;
        gradeTotals[gi].counts[yi]++;
      }
    // Keep "その他" only where something fell into it.
    gradeCounts.push(...rows.filter((r) => r.grade !== OTHER || r.counts.some((n) => n > 0)));
  }
  return {
    fiscalYears,
    items,
    indicators,
    gradeCounts,
    gradeTotals: gradeTotals.filter((r) => r.grade !== OTHER || r.counts.some((n) => n > 0)),
  };
}
