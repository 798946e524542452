import type { Rule } from "../../rule";
import { at, cellDisplay, draft, fyEn, fyJa } from "../../helpers";
import { gradeKey } from "../../../values/normalize";
import type { GradeDef } from "../../../config/config";

/**
 * Year-end grades must be on the configured scale, period grades on theirs (the same unless
 * periodGrades is set); codes compare after NFKC and case folding ("Ｂ", "b" read as B).
 */
export const gradeOffScale: Rule = {
  code: "grade/off-scale",
  defaultSeverity: "error",
  description: { ja: "評価が評価区分にない", en: "Grade not on the scale" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.what === "period" ? p.period : fyJa(p) + "の年度評価"}「${p.value}」は評価区分（${p.scale}）にありません。`,
    en: (p) =>
      `${at(p)}: grade "${p.value}" (${p.what === "period" ? p.period : fyEn(p)}) is not on the scale (${p.scale}).`,
  },
  check: ({ items, config }) => {
    const onScale = (grades: GradeDef[]) => {
      const keys = grades.map((g) => gradeKey(g.code));
      return {
        text: grades.map((g) => g.code).join("/"),
        ok: (v: string) => keys.includes(gradeKey(v)),
      };
    };
    const years = onScale(config.grades);
    const periods = config.periodGrades ? onScale(config.periodGrades) : years;
    const out = [];
    for (const item of items) {
      for (const g of item.grades) {
        const c = g.grade;
        if (!c || c.parsed.kind === "blank" || c.parsed.kind === "error") continue;
        const value = cellDisplay(c);
        if (!years.ok(value))
          out.push(draft(item, c, { what: "year", fiscalYear: g.fiscalYear, value, scale: years.text }));
      }
      for (const pe of item.periodEvaluations) {
        const c = pe.grade;
        if (!c || c.parsed.kind === "blank" || c.parsed.kind === "error") continue;
        const period = pe.kind === "midterm" ? "計画期間の中間評価" : "計画期間の評価";
        const value = cellDisplay(c);
        if (!periods.ok(value))
          out.push(draft(item, c, { what: "period", period, value, scale: periods.text }));
      }
    }
    return out;
  },
};
