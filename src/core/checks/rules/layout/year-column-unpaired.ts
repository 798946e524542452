import type { Rule } from "../../rule";
import { at } from "../../helpers";

/**
 * Raised where it is seen (the layout reader): a year header over one column whose header and
 * sub-header do not say 計画 or 実績. Pairing it with the next column took the next year's figure
 * for this year's actual.
 */
export const yearColumnUnpaired: Rule = {
  code: "layout/year-column-unpaired",
  defaultSeverity: "error",
  description: {
    ja: "計画・実績の区別がない1列だけの年度",
    en: "A year with one column that says neither plan nor actual",
  },
  message: {
    ja: (p) =>
      `${at(p)}: 年度「${p.text}」の列は1列だけで、計画か実績かが分からないため読み飛ばしました。見出しを「${p.text} 計画」「${p.text} 実績」のようにするか、計画・実績の2列に分けてください。`,
    en: (p) =>
      `${at(p)}: the year "${p.text}" has a single column that says neither 計画 (plan) nor 実績 (actual); it was skipped. Head it "${p.text} 計画" or "${p.text} 実績", or give the year a plan and an actual column.`,
  },
};
