import type { Rule } from "../../rule";

/** Raised by the summary plan: the configured summary name is an item sheet's; nothing is written. */
export const nameIsItemSheet: Rule = {
  code: "summary/name-is-item-sheet",
  defaultSeverity: "error",
  description: { ja: "集計シート名が進捗管理シートと同じ", en: "Summary sheet name is an item sheet's" },
  message: {
    ja: (p) =>
      `設定の集計シート名「${p.name}」は進捗管理シート「${p.sheet}」と同じ名前（大文字・小文字の違いは区別されません）のため、集計シートを作成しませんでした。設定で別の名前にしてください。`,
    en: (p) =>
      `The configured summary sheet name "${p.name}" is the name of the item sheet "${p.sheet}" (Excel ignores case in sheet names); no summary was written. Choose another name in the settings.`,
  },
};
