/**
 * What is missing as of a date: the entries now due that an item lacks. A fiscal year's mid-year
 * status (取組の状況) is due from 1 October of that year (the form's 進捗管理 is done "each October");
 * its actuals and year-end grade once the year is over (from 1 April of the next year). One entry
 * per item and year, with the lead department, so each department gets its own list.
 */
import type { Item } from "../model/item";
import { actualPlace } from "../model/item";
import { fiscalYearIsOver, isBlank } from "../compute/figures";
import { toA1 } from "../grid/address";
import { compareText, itemNoRank } from "../values/order";

export type MissingEntry = "status" | "actual" | "grade";

export interface ChecklistEntry {
  itemNo: string;
  title: string;
  /** The lead department (担当課 with ●), else the first one named. */
  department: string;
  fiscalYear: number;
  missing: MissingEntry[];
  /** Where the first missing entry goes. */
  sheet: string | null;
  cell: string | null;
}

/** The mid-year status of `fiscalYear` is due from 1 October of that year. */
export function statusIsDue(fiscalYear: number, asOf: Date): boolean {
  return asOf.getTime() >= new Date(fiscalYear, 9, 1).getTime();
}

export function buildChecklist(items: readonly Item[], asOf: Date): ChecklistEntry[] {
  const out: ChecklistEntry[] = [];
  for (const item of items) {
    const years = new Set<number>();
    for (const b of item.blocks) for (const fy of b.fiscalYears) years.add(fy);
    for (const fy of [...years].sort((a, b) => a - b)) {
      const e = entryFor(item, fy, asOf);
      if (e) out.push(e);
    }
  }
  // By department, then item No., then year: the order a department's list is read in.
  return out.sort(
    (a, b) =>
      compareText(a.department, b.department) ||
      itemNoRank(a.itemNo) - itemNoRank(b.itemNo) ||
      compareText(a.itemNo, b.itemNo) ||
      a.fiscalYear - b.fiscalYear,
  );
}

function entryFor(item: Item, fy: number, asOf: Date): ChecklistEntry | null {
  const missing: MissingEntry[] = [];
  let place: { sheet: string; cell: string } | null = null;
  const note = (what: MissingEntry, at: { sheet: string; cell: string } | null | undefined) => {
    missing.push(what);
    place ??= at ?? null;
  };
  if (statusIsDue(fy, asOf)) {
    const s = item.statuses.find((x) => x.fiscalYear === fy);
    if (!s || isBlank(s.status)) note("status", s?.statusAt);
  }
  if (fiscalYearIsOver(fy, asOf)) {
    let actual: { sheet: string; cell: string } | null | undefined;
    for (const ind of item.indicators)
      for (const y of ind.years) {
        if (y.fiscalYear !== fy || !y.plan || isBlank(y.plan) || !isBlank(y.actual)) continue;
        if (actual === undefined) {
          const p = actualPlace(y, y.plan);
          actual = { sheet: y.plan.sheet, cell: toA1(p.row, p.col) };
        }
      }
    if (actual !== undefined) note("actual", actual);
    const g = item.grades.find((x) => x.fiscalYear === fy);
    if (!g || isBlank(g.grade)) note("grade", g?.gradeAt);
  }
  if (missing.length === 0) return null;
  const fallback = item.noCell ? { sheet: item.noCell.sheet, cell: item.noCell.cell } : null;
  const at = place ?? fallback;
  return {
    itemNo: item.no,
    title: item.title,
    department: item.leadDepartment ?? item.departments[0] ?? "",
    fiscalYear: fy,
    missing,
    sheet: at?.sheet ?? item.sheets[0] ?? null,
    cell: at?.cell ?? null,
  };
}

export const MISSING_WORDS: Record<"ja" | "en", Record<MissingEntry, string>> = {
  ja: { status: "取組の状況", actual: "実績", grade: "年度評価" },
  en: { status: "mid-year status", actual: "actual", grade: "year-end grade" },
};
