import type { Rule } from "../../rule";
import { at } from "../../helpers";

/**
 * Raised by 検証 (ownership/stale.ts) for a computed area made with other settings than today's
 * (the bands, their bounds in the workbook's names, lower-is-better indicators, indicator kinds) or
 * from older data where no formula follows it (a figure typed as text, a flag decided then).
 */
export const fillStale: Rule = {
  code: "fill/stale",
  defaultSeverity: "warning",
  description: {
    ja: "計算欄が現在と異なる設定や古いデータで作成されている",
    en: "A computed area made with other settings or older data",
  },
  message: {
    ja: (p) =>
      p.reason === "data"
        ? `${at(p)}: この計算欄の作成後に、数式では追えない元の値（文字で入力された数値、その時点で決めた「未入力」「対象外」の判定など）が変わりました。「計算欄を記入」（コマンドライン: shinchoku fill）で作り直してください。`
        : `${at(p)}: この計算欄は現在と異なる設定（判定の区分としきい値、低いほど良い指標、指標の種別など）で作成されています。「計算欄を記入」（コマンドライン: shinchoku fill）で作り直してください。`,
    en: (p) =>
      p.reason === "data"
        ? `${at(p)}: since this computed area was made, source values no formula follows (figures typed as text, flags such as 未入力 or 対象外 decided then) have changed. Refresh it with 計算欄を記入 (command line: shinchoku fill).`
        : `${at(p)}: this computed area was made with other settings (flag bands and their thresholds, lower-is-better indicators, indicator kinds). Refresh it with 計算欄を記入 (command line: shinchoku fill).`,
  },
};
