import type { Rule } from "../rule";
import { at } from "../helpers";

/** Raised where it is seen (the write plans and adapters); this module owns its severity and words. */
export const noRoom: Rule = {
  code: "fill/no-room",
  defaultSeverity: "warning",
  description: { ja: "計算欄を置く場所がない", en: "No room for the computed area" },
  message: {
    ja: (p) => `${at(p)}: 指標表の見出しが1行しかないため、計算欄を置けませんでした。`,
    en: (p) =>
      `${at(p)}: the indicator table has a single header row; there is no room for the computed area.`,
  },
};
