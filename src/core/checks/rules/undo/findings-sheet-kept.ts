import type { Rule } from "../../rule";

/** Raised by undo: the findings sheet holds staff's review marks, which undo never deletes. */
export const findingsSheetKept: Rule = {
  code: "undo/findings-sheet-kept",
  defaultSeverity: "info",
  description: { ja: "指摘一覧は残しました", en: "Findings sheet kept" },
  message: {
    ja: (p) =>
      `シート「${p.sheet}」には「対応」「備考」の記入があるため削除していません。不要になったらシートごと削除してください。`,
    en: (p) =>
      `The sheet "${p.sheet}" holds staff's entries under 対応/備考, so it was not deleted. Delete the sheet yourself once it is no longer needed.`,
  },
};
