import type { FindingDraft, Rule } from "../../rule";
import { ROLE_EN, ROLE_JA, at, cellDisplay, draft, forEachFigureCell, fyEn, fyJa } from "../../helpers";
import type { Indicator } from "../../../model/item";

/**
 * A figure typed with a unit other than its indicator's ("43箇所" where the others say 件, "3,297百万円"
 * where the name says 千円). Units are kept as typed, never converted: the figures may not compare.
 */
export const unitMismatch: Rule = {
  code: "value/unit-mismatch",
  defaultSeverity: "warning",
  description: { ja: "指標の中で単位が異なる数値", en: "A figure in another unit than its indicator's" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の${fyJa(p)}${ROLE_JA[p.role as keyof typeof ROLE_JA]}「${p.value}」の単位「${p.unit}」が、この指標の単位「${p.expected}」と異なります。同じ単位にそろえてください（換算はしていません）。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} ${ROLE_EN[p.role as keyof typeof ROLE_EN]} of "${p.indicator}" is "${p.value}", in ${p.unit}, while the indicator is in ${p.expected}. Use one unit (nothing was converted).`,
  },
  check: ({ items }) => {
    const out: FindingDraft[] = [];
    forEachFigureCell(items, (item, ind, fiscalYear, role, cell) => {
      const p = cell.parsed;
      if (p.kind !== "number" || p.unit === undefined) return;
      const expected = indicatorUnit(ind);
      if (expected === null || sameUnit(expected, p.unit)) return;
      out.push(
        draft(item, cell, {
          indicator: ind.name,
          fiscalYear,
          role,
          value: cellDisplay(cell),
          unit: p.unit,
          expected,
        }),
      );
    });
    return out;
  },
};

/** The indicator's unit: from its name, else the first typed with its figures (the reader's choice); % is no typed unit. */
function indicatorUnit(ind: Indicator): string | null {
  return ind.unit === "%" ? null : ind.unit;
}

/** 箇所, か所, ヶ所 and カ所 are one unit. */
function sameUnit(a: string, b: string): boolean {
  const norm = (u: string) => u.replace(/^(?:か|カ|ヶ|ヵ|ケ)所$/, "箇所");
  return norm(a) === norm(b);
}
