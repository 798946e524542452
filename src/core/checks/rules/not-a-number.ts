import type { Rule } from "../rule";
import { ROLE_EN, ROLE_JA, at, cellDisplay, draft, figureCells, fyEn, fyJa } from "../helpers";

/** A plan, actual or baseline that should be a number but is text ("1,0,90", "約50"). */
export const notANumber: Rule = {
  code: "value/not-a-number",
  defaultSeverity: "error",
  description: { ja: "計画・実績・現状値が数値でない", en: "Plan, actual or baseline is not a number" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の${fyJa(p)}${ROLE_JA[p.role as keyof typeof ROLE_JA]}「${p.value}」が数値ではありません。数値を入力してください（該当なしは「-」）。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} ${ROLE_EN[p.role as keyof typeof ROLE_EN]} of "${p.indicator}" is "${p.value}", not a number. Enter a number (or "-" for not applicable).`,
  },
  check: ({ items }) => {
    const out = [];
    for (const f of figureCells(items)) {
      if (f.cell.parsed.kind !== "text") continue;
      // A plan stated in words for every year (継続実施) makes the indicator qualitative, not wrong.
      const ind = f.item.indicators.find((i) => i.name === f.indicator);
      const qualitative = ind?.years.every(
        (y) => y.plan?.parsed.kind !== "number" && y.actual?.parsed.kind !== "number",
      );
      if (qualitative) continue;
      out.push(
        draft(f.item, f.cell, {
          indicator: f.indicator,
          fiscalYear: f.fiscalYear,
          role: f.role,
          value: cellDisplay(f.cell),
        }),
      );
    }
    return out;
  },
};
