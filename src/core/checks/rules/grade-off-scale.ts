import type { Rule } from "../rule";
import { at, cellDisplay, draft, fyEn, fyJa } from "../helpers";
import { mapList } from "../../values/lists";
import { nfkc } from "../../values/normalize";

/** Year-end and period grades must be on the configured scale (A–D by default; "Ｂ" reads as B). */
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
    const codes = mapList(config.grades, (g) => g.code);
    const scale = codes.join("/");
    const ok = (v: string) => codes.includes(nfkc(v).toUpperCase());
    const out = [];
    for (const item of items) {
      for (const g of item.grades) {
        const c = g.grade;
        if (!c || c.parsed.kind === "blank" || c.parsed.kind === "error") continue;
        const value = cellDisplay(c);
        if (!ok(value)) out.push(draft(item, c, { what: "year", fiscalYear: g.fiscalYear, value, scale }));
      }
      for (const pe of item.periodEvaluations) {
        const c = pe.grade;
        if (!c || c.parsed.kind === "blank" || c.parsed.kind === "error") continue;
        const period = pe.kind === "midterm" ? "計画期間の中間評価" : "計画期間の評価";
        const value = cellDisplay(c);
        if (!ok(value)) out.push(draft(item, c, { what: "period", period, value, scale }));
      }
    }
    return out;
  },
};
