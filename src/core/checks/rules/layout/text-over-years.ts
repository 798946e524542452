import type { Rule } from "../../rule";
import { at } from "../../helpers";

/**
 * Raised where it is seen (the layout reader): the year headers were read, but a row's text reaches
 * over the year columns (a paragraph merged across the table), so no figure can be placed.
 */
export const textOverYears: Rule = {
  code: "layout/text-over-years",
  defaultSeverity: "error",
  description: { ja: "年度の列にかかる文章の行", en: "A row of text over the year columns" },
  message: {
    ja: (p) =>
      `${at(p)}: 「${p.label}」の行の文章が年度の列にかかっているため、表の数値を読めません。文章を表の外（空白行の下）に移してください。`,
    en: (p) =>
      `${at(p)}: the text of the row "${p.label}" reaches over the year columns, so the table's figures cannot be read. Move the text out of the table (below a blank row).`,
  },
};
