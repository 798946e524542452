/**
 * The findings sheet (default 指摘一覧): one row per finding, as an Excel table with filters, so
 * each department's rows can be sent alone; staff answer in 対応 (a dropdown) and 備考, and the
 * next validation reads both back (review/findings-sheet.ts). The sheet is rewritten on every run
 * and the marks carried over by each row's key; a reviewed mark whose finding changed comes back
 * as 未対応 with a word in 備考, so nobody confirms a value they have not seen.
 */
import type { ShinchokuConfig, ReviewState } from "../config/config";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { Grid } from "../grid/grid";
import type { Finding, Lang, Severity } from "../model/finding";
import type { Item } from "../model/item";
import { messageWithoutPlace, renderMessage } from "../checks/render";
import { findingOf } from "../checks/finding";
import { toA1 } from "../grid/address";
import { FINDINGS_NAME, findSheet, nameKey, namedSheet, refersToRange } from "../ownership/names";
import { ourNames, parseRefersTo } from "../ownership/names";
import { writesWithout } from "../ownership/cells";
import {
  emptyPlan,
  emptySheetEdit,
  RowWriter,
  type CellFormat,
  type EditPlan,
  type SheetEdit,
} from "./edit-plan";
import { STYLE } from "./styles";
import {
  COL,
  FINDINGS_COLUMNS,
  FINDINGS_HEADER_ROW,
  isAdoptableFindingsSheet,
  type ReviewMark,
} from "../review/findings-sheet";
import { isReviewedState, type KeyedFinding } from "../review/review";
import { japaneseDate } from "../values/japanese-date";

export const SEVERITY_JA: Record<Severity, string> = { error: "エラー", warning: "警告", info: "情報" };

export interface FindingsPlanInput {
  /** Every finding, open and reviewed, with its key and fingerprint, in the order to list them. */
  keyed: readonly KeyedFinding[];
  /** What staff left on the sheet before. */
  marks: ReadonlyMap<string, ReviewMark>;
  items: readonly Item[];
  config: ShinchokuConfig;
  lang: Lang;
  /** The date written on the sheet; an input so that a re-run on the same day is identical. */
  generatedAt: Date;
  workbook: WorkbookSnapshot;
}

/** One row as written: the same for the sheet and the CSV. */
export interface FindingRow {
  itemNo: string;
  department: string;
  sheet: string;
  cell: string;
  severity: string;
  code: string;
  message: string;
  state: string;
  note: string;
  key: string;
  fingerprint: string;
  /** Where the cell link goes (null: the finding has no cell). */
  link: { sheet: string; cell: string } | null;
}

/** The mark a row carries into the rewritten sheet, and the words it shows. */
export function carriedMark(
  k: KeyedFinding,
  marks: ReadonlyMap<string, ReviewMark>,
  config: ShinchokuConfig,
): { state: ReviewState; note: string } {
  const m = marks.get(k.key);
  if (!m) return { state: "open", note: "" };
  if (isReviewedState(m.state) && m.fingerprint !== k.fingerprint) {
    const was = config.reviewStates[m.state];
    const flag = `［再確認: 「${was}」の後にセルの値か指摘の内容が変わりました］`;
    return { state: "open", note: m.note.startsWith(flag) ? m.note : m.note ? `${flag} ${m.note}` : flag };
  }
  return { state: m.state, note: m.note };
}

/** The rows of the sheet (and of the CSV), in the order of `keyed`. */
export function findingRows(input: Omit<FindingsPlanInput, "generatedAt" | "workbook">): FindingRow[] {
  const lead = new Map<string, string>();
  for (const it of input.items)
    if (it.no && !lead.has(it.no)) lead.set(it.no, it.leadDepartment ?? it.departments[0] ?? "");
  return input.keyed.map((k) => {
    const f: Finding = k.finding;
    const mark = carriedMark(k, input.marks, input.config);
    const message = renderMessage(f, input.lang);
    return {
      itemNo: f.itemNo ?? "",
      department: f.itemNo ? (lead.get(f.itemNo) ?? "") : "",
      sheet: f.sheet ?? "",
      cell: f.cell ?? "",
      severity: SEVERITY_JA[f.severity],
      code: f.code,
      message: messageWithoutPlace({ sheet: f.sheet, cell: f.cell, message }),
      state: input.config.reviewStates[mark.state],
      note: mark.note,
      key: k.key,
      fingerprint: k.fingerprint,
      link: f.sheet !== null && f.cell !== null ? { sheet: f.sheet, cell: f.cell } : null,
    };
  });
}

const WRAP: CellFormat = { border: "thin", wrap: true, vAlign: "top" };
const TOP: CellFormat = { border: "thin", vAlign: "top" };
const CENTER: CellFormat = { border: "thin", vAlign: "top", hAlign: "center" };
const LINK: CellFormat = { border: "thin", vAlign: "top", fontColor: "#0078D4" };
const HIDDEN: CellFormat = { fontColor: "#A19F9D" };

export function planFindingsSheet(input: FindingsPlanInput): {
  plan: EditPlan;
  sheetName: string;
  /** Staff's cells kept on the sheet (fill/area-edited). */
  findings: Finding[];
} {
  const { config } = input;
  const sheetName = chooseFindingsSheetName(config, input.workbook);
  const e: SheetEdit = emptySheetEdit(sheetName, "owned");
  e.tabColor = "#A4262C";
  const rows = findingRows(input);
  const w = new RowWriter(e.writes);
  w.start(0, 0).put(`${config.findingsMarker} 検証結果と対応状況`, STYLE.title);
  w.start(1, 0).put(
    `作成日 ${japaneseDate(input.generatedAt)} ／ 「対応」欄を選び、「備考」欄に記入してください。` +
      `「${config.reviewStates.confirmed}」「${config.reviewStates.notNeeded}」とした指摘は、` +
      "セルの値が変わらない限り、次の検証から件数に含めません。行の追加・削除はしないでください。",
    STYLE.note,
  );
  const top = FINDINGS_HEADER_ROW;
  w.start(top, 0);
  for (const h of FINDINGS_COLUMNS) w.put(h, STYLE.header);
  let r = top + 1;
  for (const row of rows) {
    w.start(r, 0)
      .put(row.itemNo, CENTER)
      .put(row.department, TOP)
      .put(row.sheet, TOP)
      .put(row.cell, row.link ? LINK : CENTER)
      .put(row.severity, CENTER)
      .put(row.code, TOP)
      .put(row.message, WRAP)
      .put(row.state, CENTER)
      .put(row.note, WRAP)
      .put(row.key, HIDDEN)
      .put(row.fingerprint, HIDDEN);
    if (row.link) e.hyperlinks.push({ row: r, col: COL["セル"], ...row.link, text: row.cell });
    r++;
  }
  w.end();
  const bottom = top + Math.max(rows.length, 1);
  const right = FINDINGS_COLUMNS.length - 1;
  e.tables.push({
    name: "Shinchoku_Findings",
    range: { top, left: 0, bottom, right },
    style: "TableStyleLight9",
  });
  const body = (col: number) => ({ top: top + 1, bottom, left: col, right: col });
  const s = config.reviewStates;
  e.validations = [{ range: body(COL["対応"]), list: [s.open, s.fixed, s.confirmed, s.notNeeded] }];
  e.conditionalFormats.push(
    {
      range: body(COL["重要度"]),
      equals: SEVERITY_JA.error,
      format: { fill: "#FDE7E9", fontColor: "#A80000" },
    },
    {
      range: body(COL["重要度"]),
      equals: SEVERITY_JA.warning,
      format: { fill: "#FFF4CE", fontColor: "#8A6100" },
    },
    { range: body(COL["対応"]), equals: s.confirmed, format: { fill: "#DFF6DD", fontColor: "#107C10" } },
    { range: body(COL["対応"]), equals: s.notNeeded, format: { fill: "#DFF6DD", fontColor: "#107C10" } },
    { range: body(COL["対応"]), equals: s.fixed, format: { fill: "#EFF6FC", fontColor: "#004578" } },
  );
  e.hiddenColumns = [COL["照合キー"], COL["照合値"]];
  e.columnWidths = [6, 16, 14, 8, 8, 22, 60, 11, 30, 12, 12].map((width, col) => ({ col, width }));
  e.freeze = { rows: top + 1, cols: 0 };
  e.pageSetup = {
    paperSize: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    printTitleRows: { first: top, last: top },
    printArea: { top: 0, left: 0, bottom, right: COL["備考"] },
    footer: { left: "&D", right: "&P / &N" },
  };
  const plan: EditPlan = { ...emptyPlan(), edits: [e] };
  // Ours by name, as the summary is: the name moves with the sheet when staff rename it.
  const rect: CellRange = { top: 0, left: 0, bottom, right };
  const findings = keepStaffCells(e, input.workbook, config);
  plan.names.push({
    name: FINDINGS_NAME,
    refersTo: refersToRange(sheetName, rect),
    comment: "Shinchoku: findings sheet (指摘一覧)",
  });
  return { plan, sheetName, findings };
}

/**
 * The sheet is rewritten whole; what staff typed on it outside the table we wrote last time (the
 * rectangle our name records) is theirs: written back where it was and reported (fill/area-edited),
 * also where the new table would have gone. Inside that rectangle, staff's words are the 対応 and
 * 備考 columns, carried over by each row's key.
 */
function keepStaffCells(e: SheetEdit, wb: WorkbookSnapshot, config: ShinchokuConfig): Finding[] {
  const n = ourNames(wb).find((x) => nameKey(x.name) === nameKey(FINDINGS_NAME));
  const ref = n ? parseRefersTo(n.refersTo) : null;
  const snap = ref ? findSheet(wb.sheets, ref.sheet) : undefined;
  if (!ref || !snap || nameKey(snap.name) !== nameKey(e.sheet)) return [];
  const old = ref.range;
  const grid = new Grid(snap);
  const kept: Array<{ row: number; col: number }> = [];
  const findings: Finding[] = [];
  for (let row = 0; row < grid.rowCount; row++)
    for (let col = 0; col < grid.colCount; col++) {
      if (row >= old.top && row <= old.bottom && col >= old.left && col <= old.right) continue;
      const value = grid.value(row, col);
      const formula = grid.hasFormula(row, col)
        ? (snap.formulas?.[row - snap.originRow]?.[col - snap.originCol] ?? null)
        : null;
      if (value === null && formula === null) continue;
      kept.push({ row, col });
      const v = value !== null && typeof value === "object" ? value.error : value;
      e.writes.push({ row, col, values: [v], formats: [null], formulas: formula ? [formula] : null });
      const cell = toA1(row, col);
      const f = findingOf(
        "fill/area-edited",
        { itemNo: null, sheet: e.sheet, cell, params: { cell, value: formula ?? String(v) } },
        config,
      );
      if (f) findings.push(f);
    }
  if (kept.length === 0) return [];
  const at = new Set(kept.map((c) => `${c.row},${c.col}`));
  const ours = e.writes.slice(0, e.writes.length - kept.length);
  const theirs = e.writes.slice(e.writes.length - kept.length);
  e.writes = [...writesWithout(ours, (row, col) => at.has(`${row},${col}`)), ...theirs];
  e.hyperlinks = e.hyperlinks.filter((h) => !at.has(`${h.row},${h.col}`));
  return findings;
}

/**
 * The configured name when it is free or ours, else the first free name: "指摘一覧 (Shinchoku)",
 * "指摘一覧 (Shinchoku 2)", … Ours: the sheet our name records; without that name, a sheet with the
 * marker and exactly our shape (isAdoptableFindingsSheet). Names compare as Excel compares them.
 */
export function chooseFindingsSheetName(config: ShinchokuConfig, wb: WorkbookSnapshot): string {
  const byName = new Map<string, SheetSnapshot>();
  for (const s of wb.sheets) byName.set(nameKey(s.name), s);
  const recorded = namedSheet(wb, FINDINGS_NAME);
  const base = config.findingsSheetName;
  for (let i = 0; i < 100; i++) {
    const name = i === 0 ? base : i === 1 ? `${base} (Shinchoku)` : `${base} (Shinchoku ${i})`;
    const s = byName.get(nameKey(name));
    if (!s) return name;
    if (
      recorded !== null
        ? nameKey(recorded) === nameKey(s.name)
        : isAdoptableFindingsSheet(new Grid(s), config)
    )
      return s.name;
  }
  return `${base} (Shinchoku ${wb.sheets.length + 100})`;
}
