import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the layout reader); this module owns its severity and words. */
export const headerMismatch: Rule = {
  code: "item/header-mismatch",
  defaultSeverity: "error",
  description: {
    ja: "同じ No. のシートで見出し項目が食い違う",
    en: "Sheets of one item disagree on a header field",
  },
  message: {
    ja: (p) =>
      `${at(p)}: ${p.field}「${p.value}」が ${p.otherSheet}!${p.otherCell} の「${p.otherValue}」と食い違っています。同じ No. のシートでは同じ内容にしてください。`,
    en: (p) =>
      `${at(p)}: ${p.field} "${p.value}" differs from "${p.otherValue}" at ${p.otherSheet}!${p.otherCell}. Sheets with the same No. must agree.`,
  },
};
