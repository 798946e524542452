import type { Rule } from "../rule";
import { ROLE_EN, ROLE_JA, at, draft, figureCells, fyEn, fyJa } from "../helpers";
import { nfkc } from "../../values/normalize";

/** A percentage over 100 % where the indicator's name says it is a rate; a negative count. */
export const implausible: Rule = {
  code: "value/implausible",
  defaultSeverity: "warning",
  description: {
    ja: "ありえない値（100%超の率、負の件数）",
    en: "Implausible value (rate over 100%, negative count)",
  },
  message: {
    ja: (p) =>
      p.kind === "over100"
        ? `${at(p)}: ${p.indicator}の${fyJa(p)}${ROLE_JA[p.role as keyof typeof ROLE_JA]} ${p.shown} は100%を超えています。単位（%と小数）を確認してください。`
        : `${at(p)}: ${p.indicator}の${fyJa(p)}${ROLE_JA[p.role as keyof typeof ROLE_JA]} ${p.shown} が負の値です。`,
    en: (p) =>
      p.kind === "over100"
        ? `${at(p)}: the ${fyEn(p)} ${ROLE_EN[p.role as keyof typeof ROLE_EN]} ${p.shown} of "${p.indicator}" is over 100%. Check the unit (percent or fraction).`
        : `${at(p)}: the ${fyEn(p)} ${ROLE_EN[p.role as keyof typeof ROLE_EN]} ${p.shown} of "${p.indicator}" is negative.`,
  },
  check: ({ items }) => {
    const out = [];
    for (const f of figureCells(items)) {
      const p = f.cell.parsed;
      if (p.kind !== "number") continue;
      const name = nfkc(f.indicator);
      const isRate = /%|率|割合/.test(name);
      const isCount = /数|件|人|回|箇所|か所/.test(name) && !isRate;
      // A rate written as 72.5 (percent points) is fine; a fraction over 1 with a % format, or over 100 points, is not.
      if (isRate && ((p.percent && p.value > 1) || (!p.percent && p.value > 100)))
        out.push(
          draft(f.item, f.cell, {
            kind: "over100",
            indicator: f.indicator,
            fiscalYear: f.fiscalYear,
            role: f.role,
            shown: p.percent ? `${+(p.value * 100).toFixed(2)}%` : p.value,
          }),
        );
      else if (isCount && p.value < 0)
        out.push(
          draft(f.item, f.cell, {
            kind: "negative",
            indicator: f.indicator,
            fiscalYear: f.fiscalYear,
            role: f.role,
            shown: p.value,
          }),
        );
    }
    return out;
  },
};
