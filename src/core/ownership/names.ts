/**
 * What we own is recorded in defined names, never guessed from what cells hold: Excel moves a
 * name's reference with its cells when staff insert or delete rows and columns or rename the sheet
 * (and turns it into #REF! when the cells are deleted), and both hosts read names (Office.js
 * `workbook.names`, ExcelApi 1.4; `<definedName>` in the file). See docs/ownership.md.
 */
import type { CellRange, DefinedNameSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { columnIndex, columnLetters, quoteSheetName } from "../grid/address";

/** Every name we write starts so: undo removes exactly these. Valid in Excel: starts with "_", then letters, digits, dots. */
export const NAME_PREFIX = "_Shinchoku.";
/** One per computed area: `_Shinchoku.Area.1` … numbered in sheet and block order. */
export const AREA_NAME_PREFIX = `${NAME_PREFIX}Area.`;
export const SUMMARY_NAME = `${NAME_PREFIX}Summary`;
/** Over the findings sheet's table (default 指摘一覧): the sheet is ours by this name, not by its marker. */
export const FINDINGS_NAME = `${NAME_PREFIX}Findings`;
/** The hidden sheets that keep, per rectangle, a fingerprint of what we wrote in each cell. */
export const AREA_RECORD_NAME = `${NAME_PREFIX}AreaRecord`;
export const SUMMARY_RECORD_NAME = `${NAME_PREFIX}SummaryRecord`;
/** The very hidden sheet of settings our formulas read (plan/settings-plan.ts). */
export const SETTINGS_NAME = `${NAME_PREFIX}Settings`;
/**
 * One per item sheet whose columns a computed area widened: `_Shinchoku.Widths.1` … over row 1 of
 * each of those columns, one cell an area (`'H27-28'!$Q$1,'H27-28'!$R$1,…`), so that each moves
 * with its own column and a column staff insert among them is in none; the area record keeps the
 * widths staff had there, one an area. Names written before were one span (`$Q$1:$AC$1`).
 */
export const WIDTHS_NAME_PREFIX = `${NAME_PREFIX}Widths.`;

/** Excel compares sheet names (and defined names) without case: "Summary" and "SUMMARY" are one sheet. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}

export function sameName(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

/** The sheet of the workbook whose name is `name` as Excel compares names, if any. */
export function findSheet<T extends { name: string }>(sheets: readonly T[], name: string): T | undefined {
  for (const s of sheets) if (sameName(s.name, name)) return s;
  return undefined;
}

export function isOurName(name: string): boolean {
  return nameKey(name).startsWith(nameKey(NAME_PREFIX));
}

/** "'H27-28'!$J$10:$T$13" */
export function refersToRange(sheet: string, r: CellRange): string {
  const a = `$${columnLetters(r.left)}$${r.top + 1}`;
  const b = `$${columnLetters(r.right)}$${r.bottom + 1}`;
  return `${quoteSheetName(sheet)}!${a}:${b}`;
}

/** "'H27-28'!$Q$1,'H27-28'!$S$1": row 1 of each column, one area a column, in the order given. */
export function refersToColumns(sheet: string, cols: readonly number[]): string {
  return cols.map((c) => `${quoteSheetName(sheet)}!$${columnLetters(c)}$1`).join(",");
}

/**
 * A reference of several areas read back ("'S'!$Q$1,'S'!$S$1", as refersToColumns writes and Excel
 * keeps it, each area moved with its cells): the sheet and each area in order, null for an area
 * whose cells were deleted (#REF!). Null when no area is left or the areas are on different sheets.
 */
export function parseRefersToAreas(
  refersTo: string,
): { sheet: string; areas: Array<CellRange | null> } | null {
  let s = refersTo.trim();
  if (s.startsWith("=")) s = s.slice(1);
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    else if (s[i] === "," && !quoted) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  let sheet: string | null = null;
  const areas: Array<CellRange | null> = [];
  for (const part of parts) {
    const ref = parseRefersTo(part);
    if (!ref) {
      if (!part.includes("#REF!")) return null;
      areas.push(null);
      continue;
    }
    if (sheet !== null && !sameName(sheet, ref.sheet)) return null;
    sheet ??= ref.sheet;
    areas.push(ref.range);
  }
  return sheet === null ? null : { sheet, areas };
}

/**
 * A name's reference read back: "'H27-28'!$J$10:$T$13", "Sheet1!J10", with or without "=" and "$".
 * Null for anything else (#REF! once the cells were deleted, a constant, several areas).
 */
export function parseRefersTo(refersTo: string): { sheet: string; range: CellRange } | null {
  let s = refersTo.trim();
  if (s.startsWith("=")) s = s.slice(1);
  const bang = s.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(s.slice(bang + 1));
  if (!m || sheet === "" || sheet.includes("#REF")) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return {
    sheet,
    range: {
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    },
  };
}

/** Our workbook-scoped names of the snapshot (a sheet-scoped one of the same spelling is a staff name). */
export function ourNames(wb: WorkbookSnapshot): DefinedNameSnapshot[] {
  return (wb.names ?? []).filter((n) => n.scope === undefined && isOurName(n.name));
}

/** The sheet our workbook-scoped name `name` points at, if the name is there and the sheet too. */
export function namedSheet(wb: WorkbookSnapshot, name: string): string | null {
  const n = ourNames(wb).find((x) => sameName(x.name, name));
  const ref = n ? parseRefersTo(n.refersTo) : null;
  return (ref && findSheet(wb.sheets, ref.sheet)?.name) ?? null;
}

/** Names of the record sheets when they are made (another is taken if a staff sheet holds one). */
export const AREA_RECORD_SHEET = "_shinchoku_areas";
export const SUMMARY_RECORD_SHEET = "_shinchoku_summary";
