import type { Rule } from "../../rule";

/** Raised by the add-in when a sheet the plan writes to was deleted since it was read. */
export const targetMissing: Rule = {
  code: "write/sheet-missing",
  defaultSeverity: "error",
  description: { ja: "書き込み先のシートがない", en: "Target sheet is gone" },
  message: {
    ja: (p) => `シート「${p.sheet}」が見つからないため、何も書き込みませんでした。もう一度実行してください。`,
    en: (p) => `The sheet "${p.sheet}" is gone, so nothing was written. Run again.`,
  },
};
