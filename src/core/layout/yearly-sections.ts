/**
 * 進捗管理 (mid-year status) and 年度評価 (year-end grade): a year header row, then rows holding, for
 * each year, a text in the year's first column and a short word (status or grade) in its last.
 */
import type { Finding } from "../model/finding";
import type { GradeEntry, SourceCell, StatusEntry } from "../model/item";
import { alignRows, type AlignRow } from "./align";
import { readYearHeaderRow, type YearColumn, type YearHeaderRow } from "./year-header";
import type { Section } from "./segment";
import type { SheetView } from "./sheet-view";
import { readerFinding } from "./reader-finding";
import { toA1 } from "../grid/address";

interface SectionRows {
  header: YearHeaderRow;
  /** Data rows under the header; `issues` when the row is labelled 課題 (the grade section's second row). */
  rows: Array<{ row: number; issues: boolean }>;
  shift: number;
}

function readYearlyRows(view: SheetView, section: Section, findings: Finding[]): SectionRows | null {
  let header: YearHeaderRow | null = null;
  for (let r = section.top; r <= Math.min(section.bottom, section.anchor.row + 1); r++) {
    const h = readYearHeaderRow(view, r);
    if (h.years.length) {
      header = h;
      break;
    }
    if (h.unreadable.length) {
      for (const u of h.unreadable)
        findings.push(readerFinding("layout/year-header-unreadable", view.name, r, u.col, { text: u.text }));
    }
  }
  if (!header) {
    findings.push(
      readerFinding("layout/year-header-unreadable", view.name, section.anchor.row, section.anchor.col, {
        text: "",
      }),
    );
    return null;
  }
  for (const u of header.unreadable)
    findings.push(
      readerFinding("layout/year-header-unreadable", view.name, header.row, u.col, { text: u.text }),
    );
  const slots: number[] = [];
  let maxSlot = 0;
  for (const y of header.years) {
    const last = lastColumn(y);
    slots.push(y.col, last);
    if (last > maxSlot) maxSlot = last;
  }
  maxSlot += 2;
  const rows: Array<AlignRow & { issues: boolean }> = [];
  for (let r = header.row + 1; r <= section.bottom; r++) {
    if (view.rowIsBlank(r)) continue;
    const labelEdge = view.labelEdge(r);
    const issues = view.hasLabel(r, "issues");
    const dataCols = view.dataCellsInRow(r, labelEdge + 1, maxSlot);
    if (dataCols.length === 0) continue;
    rows.push({ row: r, labelEdge, dataCols, issues });
  }
  const alignment = alignRows(slots, rows);
  if (!alignment) return null;
  for (const st of alignment.stray)
    findings.push(
      readerFinding("layout/unaligned-row", view.name, st.row, st.col, {
        label: view.text(st.row, st.col).slice(0, 20),
      }),
    );
  return { header, rows, shift: alignment.shift };
}

/** A year's last column, where its status or grade is: the merge's right edge, or the column after its first. */
function lastColumn(y: YearColumn): number {
  return y.right > y.col + 1 ? y.right : y.col + 1;
}

export function readStatuses(view: SheetView, section: Section, findings: Finding[]): StatusEntry[] {
  const sr = readYearlyRows(view, section, findings);
  if (!sr) return [];
  // The status row: the one whose last-column cells are filled; normally the only data row.
  const row = sr.rows[0];
  // Where a status goes while it is blank: its row, or the row under the year headers when none has data.
  const at = row ? row.row : sr.header.row + 1;
  return sr.header.years.map((y) => ({
    fiscalYear: y.fiscalYear,
    text: row ? view.sourceOrNull(row.row, y.col + sr.shift) : null,
    status: row ? view.sourceOrNull(row.row, lastColumn(y) + sr.shift) : null,
    statusAt: { sheet: view.name, cell: toA1(at, lastColumn(y) + sr.shift) },
  }));
}

export function readGrades(view: SheetView, section: Section, findings: Finding[]): GradeEntry[] {
  const sr = readYearlyRows(view, section, findings);
  if (!sr) return [];
  const issuesRow = sr.rows.find((r) => r.issues);
  const evalRow = sr.rows.find((r) => r !== issuesRow) ?? null;
  const at = (row: { row: number } | null | undefined, col: number): SourceCell | null =>
    row ? view.sourceOrNull(row.row, col + sr.shift) : null;
  const gradeRow = evalRow ? evalRow.row : sr.header.row + 1;
  return sr.header.years.map((y) => ({
    fiscalYear: y.fiscalYear,
    gradeAt: { sheet: view.name, cell: toA1(gradeRow, lastColumn(y) + sr.shift) },
    evaluationText: at(evalRow, y.col),
    grade: at(evalRow, lastColumn(y)),
    issuesText: at(issuesRow, y.col),
  }));
}
