/**
 * The findings as CSV, for a department without the workbook: the findings sheet's columns (the
 * hidden key columns left out), UTF-8 with a byte-order mark so that Excel opens it as UTF-8, CRLF
 * line ends, every field quoted (RFC 4180; Excel reads quoted line breaks inside a field).
 * A text that Excel would take for a formula (=, +, -, @ first) gets an apostrophe in front.
 */
import type { FindingRow } from "../plan/findings-plan";

const HEADER = ["No.", "担当課", "シート", "セル", "重要度", "コード", "内容", "対応", "備考"];

/** `files`: one file name per row when the rows come from several workbooks (a first column ファイル). */
export function findingsCsv(rows: readonly FindingRow[], files?: readonly string[]): string {
  const lines: string[] = [];
  const withFile = files !== undefined;
  lines.push(line(withFile ? ["ファイル", ...HEADER] : HEADER));
  rows.forEach((r, i) => {
    const fields = [r.itemNo, r.department, r.sheet, r.cell, r.severity, r.code, r.message, r.state, r.note];
    lines.push(line(withFile ? [files[i] ?? "", ...fields] : fields));
  });
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

function line(fields: readonly string[]): string {
  return fields.map(field).join(",");
}

function field(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}
