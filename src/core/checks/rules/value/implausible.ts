import type { FindingDraft, Rule } from "../../rule";
import { ROLE_EN, ROLE_JA, at, draft, forEachFigureCell, fyEn, fyJa } from "../../helpers";
import type { Indicator } from "../../../model/item";
import { nfkc } from "../../../values/normalize";

const RATE_WORDS = /%|率|割合/;
const COUNT_WORDS = /数|件|人|回|箇所|か所/;

/** What an indicator's name says its figures are. */
function kindOfFigures(name: string): "rate" | "count" | "other" {
  const n = nfkc(name);
  if (RATE_WORDS.test(n)) return "rate";
  return COUNT_WORDS.test(n) ? "count" : "other";
}

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
    const out: FindingDraft[] = [];
    // The name is read once per indicator, not once per cell.
    let named: Indicator | null = null;
    let kind: "rate" | "count" | "other" = "other";
    forEachFigureCell(items, (item, ind, fiscalYear, role, cell) => {
      const p = cell.parsed;
      if (p.kind !== "number") return;
      if (ind !== named) {
        named = ind;
        kind = kindOfFigures(ind.name);
      }
      // A rate written as 72.5 (percent points) is fine; a fraction over 1 with a % format, or over 100 points, is not.
      if (kind === "rate" && ((p.percent && p.value > 1) || (!p.percent && p.value > 100)))
        out.push(
          draft(item, cell, {
            kind: "over100",
            indicator: ind.name,
            fiscalYear,
            role,
            shown: p.percent ? `${+(p.value * 100).toFixed(2)}%` : p.value,
          }),
        );
      else if (kind === "count" && p.value < 0)
        out.push(
          draft(item, cell, {
            kind: "negative",
            indicator: ind.name,
            fiscalYear,
            role,
            shown: p.value,
          }),
        );
    });
    return out;
  },
};
