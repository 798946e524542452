import type { Rule } from "../../rule";

/** Raised where it is seen (the write plans and adapters); this module owns its severity and words. */
export const nameTaken: Rule = {
  code: "summary/name-taken",
  defaultSeverity: "info",
  description: { ja: "集計シート名が使用中", en: "Summary sheet name in use" },
  message: {
    ja: (p) => `シート「${p.name}」は利用者のシートのため変更せず、集計は「${p.usedName}」に作成しました。`,
    en: (p) =>
      `The sheet "${p.name}" belongs to a user and was left alone; the summary went to "${p.usedName}".`,
  },
};
