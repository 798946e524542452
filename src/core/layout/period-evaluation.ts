/**
 * 計画期間の中間評価 / 計画期間の評価: one evaluation row (text, grade, policy for the years after) and an
 * issues row. Read by the order of the cells: the grade is the short cell, the text before it, the
 * policy after it.
 */
import type { PeriodEvaluation, SourceCell } from "../model/item";
import { parseFiscalYear, type Era } from "../values/fiscal-year";
import type { Section } from "./segment";
import type { SheetView } from "./sheet-view";

const MAX_GRADE_LENGTH = 3;

export function readPeriodEvaluation(view: SheetView, section: Section, era: Era | null): PeriodEvaluation {
  const kind = section.kind === "midterm" ? "midterm" : "final";
  const out: PeriodEvaluation = {
    kind,
    grade: null,
    evaluationText: null,
    issuesText: null,
    policyText: null,
    policyFromYear: null,
  };
  const data: number[] = [];
  for (let r = section.top; r <= section.bottom; r++) {
    const labelEdge = view.labelEdge(r);
    const issues = view.hasLabel(r, "issues");
    // The row's cells right of its labels, less the section's own headers; the policy header
    // names its first year: "平成29年度以降".
    data.length = 0;
    for (let i = view.filledStart(r), end = view.filledEnd(r); i < end; i++) {
      const c = view.filledCol(i);
      if (c <= labelEdge) continue;
      const t = view.filledText(r, i);
      if (t.length <= 24) {
        const fy = parseFiscalYear(t, era);
        if (fy?.onward) out.policyFromYear ??= fy.fiscalYear;
      }
      if (!isHeaderText(t, era)) data.push(c);
    }
    if (data.length === 0) continue;
    if (issues) {
      out.issuesText ??= view.source(r, data[0]);
      continue;
    }
    if (out.evaluationText || out.grade) continue;
    let g = -1;
    for (let i = 0; i < data.length && g < 0; i++)
      if (view.text(r, data[i]).length <= MAX_GRADE_LENGTH) g = i;
    if (g >= 0) {
      out.grade = sourceAt(view, r, data, g);
      out.evaluationText = sourceAt(view, r, data, g - 1);
      out.policyText = sourceAt(view, r, data, g + 1);
    } else {
      out.evaluationText = sourceAt(view, r, data, 0);
      out.policyText = data.length > 1 ? sourceAt(view, r, data, data.length - 1) : null;
    }
  }
  return out;
}

/** The i-th of a row's data cells, or null when there is none. */
function sourceAt(view: SheetView, row: number, data: readonly number[], i: number): SourceCell | null {
  return i >= 0 && i < data.length ? view.source(row, data[i]) : null;
}

/** Header cells inside the section ("中間評価", "平成29年度以降", "(平成29年度に実施)") are not data. */
function isHeaderText(t: string, era: Era | null): boolean {
  if (t.length > 24) return false;
  if (/^\(.*\)$/.test(t)) return true;
  const fy = parseFiscalYear(t, era);
  return !!fy && t.length <= 12;
}
