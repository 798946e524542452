import type { FindingDraft, Rule } from "../../rule";
import { ROLE_EN, ROLE_JA, at, cellDisplay, draft, forEachFigureCell, fyEn, fyJa } from "../../helpers";

/** "約43": counted as 43, but an approximate figure is not what the plan publishes. */
export const approximate: Rule = {
  code: "value/approximate",
  defaultSeverity: "warning",
  description: { ja: "概数（約）で入力された数値", en: "A figure given as approximate (約)" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の${fyJa(p)}${ROLE_JA[p.role as keyof typeof ROLE_JA]}「${p.value}」は概数のため、${p.number} として計算しました。確定した数値が分かれば入力してください。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} ${ROLE_EN[p.role as keyof typeof ROLE_EN]} of "${p.indicator}" is "${p.value}", approximate; it was counted as ${p.number}. Enter the exact figure when it is known.`,
  },
  check: ({ items }) => {
    const out: FindingDraft[] = [];
    forEachFigureCell(items, (item, ind, fiscalYear, role, cell) => {
      const p = cell.parsed;
      if (p.kind !== "number" || !p.approximate) return;
      out.push(
        draft(item, cell, {
          indicator: ind.name,
          fiscalYear,
          role,
          value: cellDisplay(cell),
          number: p.value,
        }),
      );
    });
    return out;
  },
};
