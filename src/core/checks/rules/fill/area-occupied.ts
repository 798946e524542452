import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the write plans and adapters); this module owns its severity and words. */
export const areaOccupied: Rule = {
  code: "fill/area-occupied",
  defaultSeverity: "warning",
  description: {
    ja: "計算欄の位置に手入力のセルがある",
    en: "A staff-typed cell where the computed area would go",
  },
  message: {
    ja: (p) =>
      `${at(p)}: 計算欄を書き込む位置に入力済みのセルがあるため、このブロックの計算欄は書き込みませんでした（既存の内容は変更していません）。このセルを空けてから再実行してください。`,
    en: (p) =>
      `${at(p)}: a cell staff filled lies where the computed area would go; nothing was written for this block (the cell is untouched). Clear or move that cell and run again.`,
  },
};
