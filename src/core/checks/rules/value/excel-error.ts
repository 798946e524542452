import type { FindingDraft, Rule } from "../../rule";
import { at, draft, forEachCell } from "../../helpers";

/** #DIV/0!, #REF! … in any cell we read: a broken formula or a deleted reference. */
export const excelError: Rule = {
  code: "value/excel-error",
  defaultSeverity: "error",
  description: { ja: "Excel のエラー値", en: "Excel error value" },
  message: {
    ja: (p) => `${at(p)}: Excel のエラー値 ${p.value} が入っています。数式や参照先を確認してください。`,
    en: (p) => `${at(p)}: holds the Excel error ${p.value}. Check the formula and what it refers to.`,
  },
  check: ({ items }) => {
    const out: FindingDraft[] = [];
    forEachCell(items, (item, c) => {
      if (c.parsed.kind === "error") out.push(draft(item, c, { value: c.parsed.code }));
    });
    return out;
  },
};
