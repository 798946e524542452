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
  for (let r = section.top; r <= section.bottom; r++) {
    const labelEdge = view.labelEdge(r);
    const issues = view.hasLabel(r, "issues");
    const cells = view.cellsInRow(r, labelEdge + 1);
    // The policy header names its first year: "平成29年度以降".
    for (const c of cells) {
      const t = view.text(r, c);
      if (t.length <= 24) {
        const fy = parseFiscalYear(t, era);
        if (fy?.onward) out.policyFromYear ??= fy.fiscalYear;
      }
    }
    const data = cells.filter((c) => !isHeaderText(view.text(r, c), era));
    if (data.length === 0) continue;
    if (issues) {
      out.issuesText ??= view.source(r, data[0]);
      continue;
    }
    if (out.evaluationText || out.grade) continue;
    const g = data.findIndex((c) => view.text(r, c).length <= MAX_GRADE_LENGTH);
    const src = (i: number): SourceCell | null =>
      i >= 0 && i < data.length ? view.source(r, data[i]) : null;
    if (g >= 0) {
      out.grade = src(g);
      out.evaluationText = src(g - 1);
      out.policyText = src(g + 1);
    } else {
      out.evaluationText = src(0);
      out.policyText = data.length > 1 ? src(data.length - 1) : null;
    }
  }
  return out;
}

/** Header cells inside the section ("中間評価", "平成29年度以降", "(平成29年度に実施)") are not data. */
function isHeaderText(t: string, era: Era | null): boolean {
  if (t.length > 24) return false;
  if (/^\(.*\)$/.test(t)) return true;
  const fy = parseFiscalYear(t, era);
  return !!fy && t.length <= 12;
}
