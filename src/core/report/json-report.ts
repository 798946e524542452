/**
 * The machine-readable report (`validate --json`): items with their figures and computed fields,
 * and the findings with messages in one language. Fiscal years are Western integers, numbers are
 * numbers, No. is a string, cells are A1 addresses.
 */
import type { Analysis } from "../model/analysis";
import { countBySeverity, type Finding, type Lang, type Severity } from "../model/finding";
import type { IndicatorKind, SourceCell } from "../model/item";
import type { PeriodBasis } from "../model/computed";
import type { Flag } from "../config/config";
import { renderMessage } from "../checks/render";
import type { ChecklistEntry } from "../checklist/checklist";
import { shownText } from "../values/shown";

export interface JsonReport {
  items: JsonItem[];
  findings: Array<{
    severity: Severity;
    code: string;
    itemNo: string | null;
    sheet: string | null;
    cell: string | null;
    message: string;
    /** Only on findings staff reviewed on the findings sheet (listed after the open ones, not counted). */
    review?: { state: "confirmed" | "notNeeded"; note: string };
  }>;
  summary: {
    items: number;
    sheets: number;
    errors: number;
    warnings: number;
    infos: number;
    asOf: string;
    /** Findings staff reviewed (not in errors, warnings or infos). */
    reviewed: number;
  };
  /** Entries due by asOf that items lack, by lead department (see core/checklist). */
  checklist: Array<Omit<ChecklistEntry, "title">>;
}

export interface JsonItem {
  no: string;
  title: string;
  pillar: string;
  midItem: string;
  smallItem: string;
  departments: string[];
  leadDepartment: string | null;
  sheets: string[];
  indicators: Array<{
    name: string;
    /** How the figures add up: cumulative (累計), level (年度末時点) or annual (単年度). */
    kind: IndicatorKind;
    cumulative: boolean;
    unit: string | null;
    baseline: {
      fiscalYear: number | null;
      value: number | null;
      estimate: boolean;
      text: string | null;
      sheet: string | null;
      cell: string | null;
    };
    years: Array<{
      fiscalYear: number;
      plan: number | null;
      actual: number | null;
      sheet: string | null;
      planCell: string | null;
      actualCell: string | null;
      achievementRate: number | null;
      flag: Flag;
      increment: number | null;
      planTotal: number | null;
      actualTotal: number | null;
    }>;
    periodAchievementRate: number | null;
    /** What the period rate is taken over: the last year with both figures, or the period's totals. */
    periodBasis: PeriodBasis;
    target: { text: string | null; value: number | null };
  }>;
  statuses: Array<{ fiscalYear: number; status: string | null; sheet: string | null; cell: string | null }>;
  grades: Array<{ fiscalYear: number; grade: string | null; sheet: string | null; cell: string | null }>;
  periodEvaluations: Array<{
    kind: "midterm" | "final";
    grade: string | null;
    sheet: string | null;
    cell: string | null;
  }>;
  years: Array<{
    fiscalYear: number;
    worstFlag: Flag | null;
    gradeAgrees: boolean | null;
    statusAgrees: boolean | null;
  }>;
}

const num = (c: SourceCell | null) => (c && c.parsed.kind === "number" ? c.parsed.value : null);
const txt = shownText;

/** `planFindings`: problems raised while planning the writes (fill/area-occupied …), listed and counted too. */
export function buildReport(a: Analysis, lang: Lang, planFindings: readonly Finding[] = []): JsonReport {
  const all = [...a.findings, ...planFindings];
  const items: JsonItem[] = a.computed.map(({ item, indicators, years }) => ({
    no: item.no,
    title: item.title,
    pillar: item.pillar,
    midItem: item.midItem,
    smallItem: item.smallItem,
    departments: item.departments,
    leadDepartment: item.leadDepartment,
    sheets: item.sheets,
    indicators: indicators.map((ci) => {
      const ind = ci.indicator;
      const b = ind.baseline.cell;
      return {
        name: ind.name,
        kind: ci.kind,
        cumulative: ind.cumulative,
        unit: ind.unit,
        baseline: {
          fiscalYear: ind.baseline.fiscalYear,
          value: num(b),
          estimate: !!b && b.parsed.kind === "number" && b.parsed.estimate,
          text: txt(b),
          sheet: b?.sheet ?? null,
          cell: b?.cell ?? null,
        },
        years: ind.years.map((y, i) => {
          const c = ci.years[i];
          return {
            fiscalYear: y.fiscalYear,
            plan: num(y.plan),
            actual: num(y.actual),
            sheet: (y.plan ?? y.actual)?.sheet ?? null,
            planCell: y.plan?.cell ?? null,
            actualCell: y.actual?.cell ?? null,
            achievementRate: c.rate,
            flag: c.flag,
            increment: c.increment,
            planTotal: c.planTotal,
            actualTotal: c.actualTotal,
          };
        }),
        periodAchievementRate: ci.periodRate,
        periodBasis: ci.periodBasis,
        target: { text: txt(ind.target.cell), value: num(ind.target.cell) },
      };
    }),
    statuses: item.statuses.map((s) => ({
      fiscalYear: s.fiscalYear,
      status: txt(s.status),
      sheet: s.status?.sheet ?? null,
      cell: s.status?.cell ?? null,
    })),
    grades: item.grades.map((g) => ({
      fiscalYear: g.fiscalYear,
      grade: txt(g.grade),
      sheet: g.grade?.sheet ?? null,
      cell: g.grade?.cell ?? null,
    })),
    periodEvaluations: item.periodEvaluations.map((p) => ({
      kind: p.kind,
      grade: txt(p.grade),
      sheet: p.grade?.sheet ?? null,
      cell: p.grade?.cell ?? null,
    })),
    years: years.map((y) => ({
      fiscalYear: y.fiscalYear,
      worstFlag: y.worstFlag,
      gradeAgrees: y.gradeAgrees,
      statusAgrees: y.statusAgrees,
    })),
  }));
  const findings: JsonReport["findings"] = [...all, ...a.reviewed].map((f) => {
    const out: JsonReport["findings"][number] = {
      severity: f.severity,
      code: f.code,
      itemNo: f.itemNo,
      sheet: f.sheet,
      cell: f.cell,
      message: renderMessage(f, lang),
    };
    if (f.review) out.review = { state: f.review.state, note: f.review.note };
    return out;
  });
  const count = countBySeverity(all);
  return {
    items,
    findings,
    summary: {
      items: items.length,
      sheets: new Set(a.read.blocks.map((b) => b.sheet)).size,
      errors: count.error,
      warnings: count.warning,
      infos: count.info,
      asOf: a.asOf.toISOString().slice(0, 10),
      reviewed: a.reviewed.length,
    },
    checklist: a.checklist.map((c) => ({
      itemNo: c.itemNo,
      department: c.department,
      fiscalYear: c.fiscalYear,
      missing: c.missing,
      sheet: c.sheet,
      cell: c.cell,
    })),
  };
}
