import type { Rule } from "../../rule";
import { at } from "../../helpers";

/** Raised where it is seen (the layout reader); this module owns its severity and words. */
export const noMissing: Rule = {
  code: "item/no-missing",
  defaultSeverity: "error",
  description: { ja: "No. がない改革項目", en: "Reform item without a No." },
  message: {
    ja: (p) =>
      `${at(p)}: 改革項目「${p.title || "(名称なし)"}」に No. がありません。No. を入力してください（シートをまたぐ項目は No. でつなぎます）。`,
    en: (p) =>
      `${at(p)}: the reform item "${p.title || "(untitled)"}" has no No. Enter it (an item's sheets are joined by their No.).`,
  },
};
