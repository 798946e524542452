import type { FindingDraft, Rule } from "../../rule";
import { ROLE_EN, ROLE_JA, at, cellDisplay, draft, forEachFigureCell, fyEn, fyJa } from "../../helpers";

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
    const out: FindingDraft[] = [];
    forEachFigureCell(items, (item, ind, fiscalYear, role, cell) => {
      if (cell.parsed.kind !== "text") return;
      // A plan stated in words for every year (継続実施) makes the indicator qualitative, not wrong.
      const qualitative = ind.years.every(
        (y) => y.plan?.parsed.kind !== "number" && y.actual?.parsed.kind !== "number",
      );
      if (qualitative) return;
      out.push(draft(item, cell, { indicator: ind.name, fiscalYear, role, value: cellDisplay(cell) }));
    });
    return out;
  },
};
