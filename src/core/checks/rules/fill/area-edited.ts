import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised by the write plans: a cell of ours that staff changed is kept as it is, never overwritten. */
export const areaEdited: Rule = {
  code: "fill/area-edited",
  defaultSeverity: "warning",
  description: {
    ja: "自動計算欄・集計シートのセルが手入力で変更されている",
    en: "A cell Shinchoku writes was changed by hand",
  },
  message: {
    ja: (p) =>
      `${at(p)}: Shinchoku が書き込むセルが手入力で「${p.value}」に変更されていたため、このセルは変更せずに残しました。Shinchoku に再び書き込ませるには、このセルの内容を削除してから再実行してください。`,
    en: (p) =>
      `${at(p)}: a cell Shinchoku writes was changed by hand to "${p.value}"; it was kept as it is. To let Shinchoku write it again, delete the cell's content and run again.`,
  },
};
