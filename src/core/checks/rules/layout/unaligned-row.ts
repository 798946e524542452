import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the layout reader); this module owns its severity and words. */
export const unalignedRow: Rule = {
  code: "layout/unaligned-row",
  defaultSeverity: "warning",
  description: { ja: "年度の列に合わない値", en: "Value outside the year columns" },
  message: {
    ja: (p) =>
      `${at(p)}: 「${p.label}」の行に、年度の列に当てはまらない値があります。列がずれていないか確認してください。`,
    en: (p) =>
      `${at(p)}: the row "${p.label}" has a value outside the year columns. Check that no column was shifted.`,
  },
};
