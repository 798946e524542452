import type { Rule } from "../../rule";
import { at, fyEn, fyJa } from "../../helpers";

/** Raised where it is seen (the layout reader); this module owns its severity and words. */
export const duplicateYear: Rule = {
  code: "layout/duplicate-year",
  defaultSeverity: "error",
  description: { ja: "同じ年度の数値が二か所で食い違う", en: "One year read twice with different figures" },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.indicator}の${fyJa(p)}の数値が ${p.otherSheet}!${p.otherCell} と食い違っています。どちらが正しいか確認してください。`,
    en: (p) =>
      `${at(p)}: the ${fyEn(p)} figures of "${p.indicator}" differ from those at ${p.otherSheet}!${p.otherCell}. Check which is right.`,
  },
};
