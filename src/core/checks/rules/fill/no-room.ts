import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the write plans and adapters); this module owns its severity and words. */
export const noRoom: Rule = {
  code: "fill/no-room",
  defaultSeverity: "warning",
  description: { ja: "計算欄を置く場所がない", en: "No room for the computed area" },
  message: {
    ja: (p) =>
      `${at(p)}: 指標表の見出しが1行しかないため、計算欄を置けませんでした。指標の上に見出しを2行（年度、計画・実績）設けてください。`,
    en: (p) =>
      `${at(p)}: the indicator table has a single header row; there is no room for the computed area. Give it two header rows above the indicators (years, then 計画/実績).`,
  },
};
