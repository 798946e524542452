/** The report people read in a terminal: findings grouped by item, then totals. */
import { countBySeverity, type Finding, type Lang, type Severity } from "../model/finding";
import { messageWithoutPlace, renderFinding } from "../checks/render";
import { placeOf } from "../checks/place";
import type { Item } from "../model/item";
import { MISSING_WORDS, type ChecklistEntry } from "../checklist/checklist";
import { formatFiscalYearEn, formatFiscalYearJa } from "../values/fiscal-year";

const SEV: Record<Lang, Record<Severity, string>> = {
  ja: { error: "エラー", warning: "警告", info: "情報" },
  en: { error: "error", warning: "warning", info: "info" },
};

export interface TextReportInput {
  /** A label for the source (the file name), printed as a heading. */
  source: string;
  items: Item[];
  findings: Finding[];
  /** Findings staff reviewed on the findings sheet (not listed, not counted): how many. */
  reviewed?: number;
  /** Entries now due that items lack (the checklist), listed by department after the totals. */
  checklist?: readonly ChecklistEntry[];
}

export function formatTextReport(input: TextReportInput, lang: Lang): string {
  const lines: string[] = [];
  const { source, items, findings } = input;
  lines.push(`■ ${source}`);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.itemNo ?? "";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  const itemByNo = new Map<string, (typeof items)[number]>();
  for (const i of items) if (!itemByNo.has(i.no)) itemByNo.set(i.no, i);
  const keys = [...items.map((i) => i.no), ...[...groups.keys()].filter((k) => !itemByNo.has(k))];
  for (const no of [...new Set(keys)]) {
    const fs = groups.get(no) ?? [];
    const item = itemByNo.get(no);
    const title = item ? item.title : lang === "ja" ? "（項目に属さない指摘）" : "(not tied to an item)";
    const head = no ? `No.${no} ${title}` : title;
    lines.push(`  ${head}  — ${counts(fs, lang)}`);
    for (const f of fs) {
      const where = placeOf(f);
      lines.push(
        `    ${SEV[lang][f.severity].padEnd(lang === "ja" ? 3 : 7)}  ${where.padEnd(14)}  ${messageWithoutPlace(renderFinding(f, lang))}`,
      );
    }
  }
  lines.push(
    lang === "ja"
      ? `  合計: 改革項目 ${items.length} 件 — ${counts(findings, lang)}`
      : `  Total: ${items.length} reform item(s) — ${counts(findings, lang)}`,
  );
  if (input.reviewed)
    lines.push(
      lang === "ja"
        ? `  指摘一覧で確認済み・対応不要: ${input.reviewed} 件（件数に含めていません）`
        : `  Reviewed on the findings sheet: ${input.reviewed} (not counted)`,
    );
  const due = input.checklist ?? [];
  if (due.length) {
    lines.push(
      lang === "ja"
        ? `  未入力の確認（期限を過ぎた取組の状況・実績・年度評価）: ${due.length} 件`
        : `  Entries now due but missing (status, actual, grade): ${due.length}`,
    );
    for (const c of due) {
      const year = lang === "ja" ? formatFiscalYearJa(c.fiscalYear) : formatFiscalYearEn(c.fiscalYear);
      const what = c.missing.map((m) => MISSING_WORDS[lang][m]).join(lang === "ja" ? "・" : ", ");
      const where = placeOf({ sheet: c.sheet, cell: c.cell });
      lines.push(`    ${c.department || "—"}  No.${c.itemNo} ${year}: ${what}${where ? `  (${where})` : ""}`);
    }
  }
  return lines.join("\n");
}

export function counts(fs: Finding[], lang: Lang): string {
  const n = countBySeverity(fs);
  return lang === "ja"
    ? `エラー ${n.error} 件、警告 ${n.warning} 件、情報 ${n.info} 件`
    : `${n.error} error(s), ${n.warning} warning(s), ${n.info} info`;
}
