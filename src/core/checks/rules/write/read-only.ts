import type { Rule } from "../../rule";

/** Raised by the add-in when Excel has the workbook open read-only; this module owns its words. */
export const targetReadOnly: Rule = {
  code: "write/read-only",
  defaultSeverity: "error",
  description: { ja: "ブックが読み取り専用", en: "Workbook is read-only" },
  message: {
    ja: () =>
      "ブックが読み取り専用のため、何も書き込みませんでした。編集可能な状態で開いてから実行してください。",
    en: () => "The workbook is read-only, so nothing was written. Open it for editing and run again.",
  },
};
