import type { Rule } from "../../rule";

/**
 * Raised by the add-in when Excel refused the error highlight (a read-only workbook, a protected
 * sheet): the findings stand, only the colouring is missing. This module owns its words.
 */
export const highlightSkipped: Rule = {
  code: "write/highlight-skipped",
  defaultSeverity: "info",
  description: { ja: "エラーの色付けを省略", en: "Error highlight skipped" },
  message: {
    ja: (p) =>
      p.sheet
        ? `${p.sheet}: シートが保護されているため、エラーのセルに色を付けませんでした。指摘の一覧はそのまま使えます。`
        : "ブックが読み取り専用のため、エラーのセルに色を付けませんでした。指摘の一覧はそのまま使えます。",
    en: (p) =>
      p.sheet
        ? `${p.sheet}: the sheet is protected, so the error cells were not coloured. The findings below are complete.`
        : "The workbook is read-only, so the error cells were not coloured. The findings below are complete.",
  },
};
