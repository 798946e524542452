import type { Rule } from "../../rule";

/**
 * Raised by the layout reader for a whole workbook in which no sheet holds a progress form: nothing
 * was read, which must not pass as "0 items, no errors" (and no summary is made of it).
 */
export const noForm: Rule = {
  code: "layout/no-form",
  defaultSeverity: "error",
  description: { ja: "進捗管理シートが1枚もないファイル", en: "A file without any progress sheet" },
  message: {
    ja: (p) =>
      `${p.sheets === 0 ? "このファイルにはシートが1枚もなく" : `このファイルの ${p.sheets} 枚のシートのどれにも`}、進捗管理シートの様式（「改革実施概要」「No.」「年度評価」などの見出し）が見つかりません。何も読み取れなかったため、集計シートも作成しません。ファイルを確認するか、見出しの表記を設定に加えてください。`,
    en: (p) =>
      `${p.sheets === 0 ? "The file has no sheet, so none holds" : `None of the file's ${p.sheets} sheets holds`} a progress-sheet form (labels such as 改革実施概要, No., 年度評価). Nothing was read, so no summary is made. Check the file, or add the labels' wording to the settings.`,
  },
};
