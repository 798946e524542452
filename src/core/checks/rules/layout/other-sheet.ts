import type { Rule } from "../../rule";

/** Raised where it is seen (the layout reader): a sheet with no form (a cover, a list), skipped. */
export const otherSheet: Rule = {
  code: "layout/other-sheet",
  defaultSeverity: "info",
  description: { ja: "進捗管理シートの様式がないシート", en: "Sheet without a progress form" },
  message: {
    ja: (p) => `${p.sheet}: 進捗管理シートの様式が見つからないため、読み飛ばしました。`,
    en: (p) => `${p.sheet}: no progress-sheet form found; the sheet was skipped.`,
  },
};
