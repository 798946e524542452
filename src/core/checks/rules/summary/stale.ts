import type { Rule } from "../../rule";

/**
 * Raised by 検証 (ownership/stale.ts) for a summary sheet made with other settings than today's or
 * from older data where no formula follows it (grades, statuses, finding counts, the checklist).
 */
export const summaryStale: Rule = {
  code: "summary/stale",
  defaultSeverity: "warning",
  description: {
    ja: "集計シートが現在と異なる設定や古いデータで作成されている",
    en: "A summary sheet made with other settings or older data",
  },
  message: {
    ja: (p) =>
      p.reason === "data"
        ? `集計シート「${p.sheet}」の作成（${p.made}）後に、数式では追えない内容（評価・状況、指摘の件数、未入力の一覧など）が変わりました（計画・実績・達成率・判定は自動で更新されています）。「集計シート作成」（コマンドライン: shinchoku summary）で作り直してください。`
        : `集計シート「${p.sheet}」は現在と異なる設定（判定の区分としきい値、評価の区分、指標の種別など）で作成されています。「集計シート作成」（コマンドライン: shinchoku summary）で作り直してください。`,
    en: (p) =>
      p.reason === "data"
        ? `Since the summary sheet "${p.sheet}" was made (${p.made}), what no formula follows (grades, statuses, finding counts, the checklist) has changed (plans, actuals, rates and flags follow by themselves). Refresh it with 集計シート作成 (command line: shinchoku summary).`
        : `The summary sheet "${p.sheet}" was made with other settings (flag bands and thresholds, the grade scale, indicator kinds). Refresh it with 集計シート作成 (command line: shinchoku summary).`,
  },
};
