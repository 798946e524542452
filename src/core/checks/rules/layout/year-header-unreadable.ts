import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the layout reader); this module owns its severity and words. */
export const yearHeaderUnreadable: Rule = {
  code: "layout/year-header-unreadable",
  defaultSeverity: "error",
  description: { ja: "年度の見出しが読めない", en: "Year header cannot be read" },
  message: {
    ja: (p) =>
      `${at(p)}: 年度の見出し${p.text ? "「" + p.text + "」" : ""}が読み取れません。「平成27年度」「令和元年度」「2019年度」のように入力してください。`,
    en: (p) =>
      `${at(p)}: cannot read the year header${p.text ? ' "' + p.text + '"' : ""}. Write it like 平成27年度, 令和元年度 or 2019年度.`,
  },
};
