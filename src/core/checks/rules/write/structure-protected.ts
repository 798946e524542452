import type { Rule } from "../../rule";

/**
 * Raised by the add-in when the workbook's structure is protected and the write would add or delete
 * a sheet (the summary, our record sheets); this module owns its words.
 */
export const structureProtected: Rule = {
  code: "write/structure-protected",
  defaultSeverity: "error",
  description: { ja: "ブックの構成が保護されている", en: "Workbook structure is protected" },
  message: {
    ja: () =>
      "ブックの構成が保護されているため（シートの追加・削除ができません）、何も書き込みませんでした。[校閲]→[ブックの保護]で保護を解除してから実行してください。",
    en: () =>
      "The workbook's structure is protected (sheets cannot be added or deleted), so nothing was written. Unprotect it (Review > Protect Workbook) and run again.",
  },
};
