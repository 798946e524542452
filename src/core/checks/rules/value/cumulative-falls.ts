import type { Rule } from "../../rule";
import { at, draft, fyEn, fyJa } from "../../helpers";
import { numberOf } from "../../../compute/figures";

const ROLES = ["plan", "actual"] as const;

/** A (累計) series is a running total: it can only stay or grow. */
export const cumulativeFalls: Rule = {
  code: "value/cumulative-falls",
  defaultSeverity: "error",
  description: { ja: "累計の数値が前年度より減っている", en: "A cumulative series falls" },
  message: {
    ja: (p) =>
      `${at(p)}: 累計指標「${p.indicator}」の${fyJa(p)}${p.role === "plan" ? "計画" : "実績"} ${p.value} が前の値 ${p.previous} を下回っています。累計は減らないはずです。数値を確認してください。`,
    en: (p) =>
      `${at(p)}: the cumulative ${p.role} of "${p.indicator}" for ${fyEn(p)} is ${p.value}, below the previous ${p.previous}. A running total cannot fall; check the figures.`,
  },
  check: ({ items }) => {
    const out = [];
    for (const item of items) {
      for (const ind of item.indicators) {
        if (!ind.cumulative) continue;
        for (const role of ROLES) {
          let prev = numberOf(ind.baseline.cell);
          for (const y of ind.years) {
            const c = y[role];
            const v = numberOf(c);
            if (v === null || !c) continue;
            if (prev !== null && v < prev)
              out.push(
                draft(item, c, {
                  indicator: ind.name,
                  fiscalYear: y.fiscalYear,
                  role,
                  value: v,
                  previous: prev,
                }),
              );
            prev = v;
          }
        }
      }
    }
    return out;
  },
};
