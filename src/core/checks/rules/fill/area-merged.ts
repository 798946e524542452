import type { Rule } from "../../rule";
import { at } from "../../helpers";

/**
 * Raised by the fill plan: a merged area the staff made reaches into where the computed area would
 * go. Writing there would write into it, merge over it or unmerge it, so nothing is written for
 * the block. This module owns its severity and words.
 */
export const areaMerged: Rule = {
  code: "fill/area-merged",
  defaultSeverity: "warning",
  description: {
    ja: "計算欄の位置に結合セルがある",
    en: "A merged cell where the computed area would go",
  },
  message: {
    ja: (p) =>
      `${at(p)}: 計算欄を書き込む位置に結合セル（${String(p.merge)}）があるため、このブロックの計算欄は書き込みませんでした（結合はそのままです）。結合を解除するか移動してから再実行してください。`,
    en: (p) =>
      `${at(p)}: a merged cell (${String(p.merge)}) lies where the computed area would go; nothing was written for this block (the merge is untouched). Unmerge or move it and run again.`,
  },
};
