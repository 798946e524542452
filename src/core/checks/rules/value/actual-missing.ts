import type { Rule } from "../../rule";
import { at, fyEn, fyJa } from "../../helpers";
import { fiscalYearIsOver, isBlank, isGraded, numberOf } from "../../../compute/figures";
import { toA1 } from "../../../grid/address";
import { actualPlace } from "../../../model/item";

/** A year already graded (or over) whose actual is blank, while its plan is a number. */
export const actualMissing: Rule = {
  code: "value/actual-missing",
  defaultSeverity: "error",
  description: {
    ja: "評価済み・終了済みの年度の実績が未入力",
    en: "Actual missing in a year already graded or over",
  },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の${fyJa(p)}実績が未入力です。${p.graded ? "年度評価が付いている" : "終了した"}年度のため、実績を入力してください（計画: ${p.plan}）。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} actual of "${p.indicator}" is blank, but the year is ${p.graded ? "already graded" : "over"}. Enter the actual (plan: ${p.plan}).`,
  },
  check: ({ items, asOf }) => {
    const out = [];
    for (const item of items) {
      for (const ind of item.indicators) {
        for (const y of ind.years) {
          const plan = numberOf(y.plan);
          if (plan === null || !isBlank(y.actual) || !y.plan) continue;
          const graded = isGraded(item, y.fiscalYear);
          if (!graded && !fiscalYearIsOver(y.fiscalYear, asOf)) continue;
          // Name the blank actual's own cell: where the reader found its column, else right of the plan.
          const blank = actualPlace(y, y.plan);
          const cell = y.actual?.cell ?? toA1(blank.row, blank.col);
          out.push({
            itemNo: item.no || null,
            sheet: y.plan.sheet,
            cell,
            params: {
              indicator: ind.name,
              fiscalYear: y.fiscalYear,
              plan,
              graded: graded ? 1 : 0,
            },
          });
        }
      }
    }
    return out;
  },
};
