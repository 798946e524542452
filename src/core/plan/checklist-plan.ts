/**
 * The checklist as a table of the summary sheet: by lead department, the items lacking entries now
 * due (mid-year status, actuals, year-end grade), each with a link to where the first one goes.
 * Placed below everything the summary wrote before it, so it never overlaps another table or chart.
 */
import type { ChecklistEntry } from "../checklist/checklist";
import { MISSING_WORDS } from "../checklist/checklist";
import { formatFiscalYearJa } from "../values/fiscal-year";
import { RowWriter, type SheetEdit } from "./edit-plan";
import type { SummaryStyles } from "./styles";

const HEADER = ["担当課", "No.", "改革実施項目", "年度", "未入力", "入力するセル"];

export interface ChecklistSectionOptions {
  /** "Today" of the run: the date the list is as of. */
  asOfText: string;
  /** Link each row to the cell (off when the summary goes to another workbook). */
  linkToSheets: boolean;
  /** The summary's styles, so that the table has the sheet's font. */
  styles: SummaryStyles;
}

/** The checklist's title, note and table under the last row or chart of `e`; returns the row after it. */
export function planChecklistSection(
  e: SheetEdit,
  entries: readonly ChecklistEntry[],
  opts: ChecklistSectionOptions,
): number {
  const top = nextFreeRow(e) + 1;
  const w = new RowWriter(e.writes);
  const st = opts.styles;
  w.start(top, 0).put("未入力の確認（期限を過ぎた取組の状況・実績・年度評価）", st.section);
  w.start(top + 1, 0).put(
    `${opts.asOfText}時点。取組の状況は各年度10月から、実績と年度評価は年度終了後（翌年4月）から入力が必要です。`,
    st.note,
  );
  if (entries.length === 0) {
    w.start(top + 2, 0).put("期限を過ぎた未入力はありません。", st.legend);
    w.end();
    return top + 3;
  }
  const header = top + 2;
  w.start(header, 0);
  for (const h of HEADER) w.put(h, st.header);
  let r = header + 1;
  for (const c of entries) {
    const link = opts.linkToSheets && c.sheet !== null && c.cell !== null;
    const place = c.sheet !== null && c.cell !== null ? `${c.sheet}!${c.cell}` : (c.sheet ?? "");
    w.start(r, 0)
      .put(c.department, st.text)
      .put(c.itemNo, st.code)
      .put(c.title, st.text)
      .put(formatFiscalYearJa(c.fiscalYear), st.code)
      .put(c.missing.map((m) => MISSING_WORDS.ja[m]).join("・"), st.text)
      .put(place, link ? st.link : st.text);
    if (link) e.hyperlinks.push({ row: r, col: 5, sheet: c.sheet!, cell: c.cell!, text: place });
    r++;
  }
  w.end();
  e.tables.push({
    name: "Shinchoku_Checklist",
    range: { top: header, left: 0, bottom: r - 1, right: HEADER.length - 1 },
    style: "TableStyleLight9",
  });
  return r;
}

/** The first row below every cell written and every chart placed on the sheet so far. */
function nextFreeRow(e: SheetEdit): number {
  let next = 0;
  for (const w of e.writes) next = Math.max(next, w.row + 1);
  for (const c of e.charts) next = Math.max(next, c.anchor.row + c.anchor.heightRows);
  for (const t of e.tables) next = Math.max(next, t.range.bottom + 1);
  return next;
}
