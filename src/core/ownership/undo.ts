/**
 * A way back (Excel keeps no undo history across an add-in's writes): everything we wrote, and
 * nothing else. Our computed areas are cleared cell by cell where they still hold what we wrote,
 * and the columns they widened get back the widths staff had (recorded when we first changed them);
 * our summary sheet and our record sheets are deleted; every `_Shinchoku.*` name goes. A cell
 * staff typed into one of our rectangles is left as it is and reported, and a summary sheet staff
 * typed into is emptied of our cells rather than deleted. Our saved settings are a custom XML
 * part (core/config/settings-xml.ts): `dropCustomXml` names its namespace, and each host removes
 * the parts in it (the Excel adapter through workbook.customXmlParts; a file writer removes
 * customXml/itemN.xml, its itemPropsN.xml and _rels, and the workbook part's relationship to it).
 */
import type { Analysis } from "../model/analysis";
import type { Finding } from "../model/finding";
import type { CellRange, WorkbookSnapshot } from "../model/snapshot";
import { toA1 } from "../grid/address";
import { Grid } from "../grid/grid";
import { emptyPlan, emptySheetEdit, type EditPlan, type SheetEdit } from "../plan/edit-plan";
import { adoptableAreas } from "../plan/fill-plan";
import { findingOf } from "../checks/finding";
import { isSummarySheet } from "../layout/owned-areas";
import { findSheet, nameKey, ourNames } from "./names";
import { editedCells, readOwnership, shownContent, type EditedCell, type OwnedRect } from "./ownership";
import { EMPTY_PRINT, FORMULA_PRINT } from "./fingerprint";
import { rangesWithout } from "./cells";
import { SETTINGS_XML_NAMESPACE } from "../config/settings-xml";

export interface UndoResult {
  plan: EditPlan;
  /** Cells staff changed inside our rectangles: kept (fill/area-edited). */
  findings: Finding[];
  /** Namespaces of the custom XML parts undo removes: our settings part's. */
  dropCustomXml: string[];
}

export function planUndo(a: Analysis, wb: WorkbookSnapshot): UndoResult {
  const own = readOwnership(wb);
  const plan = emptyPlan();
  const findings: Finding[] = [];
  const edits = new Map<string, SheetEdit>();
  const editOf = (sheet: string) => {
    let e = edits.get(nameKey(sheet));
    if (!e) edits.set(nameKey(sheet), (e = emptySheetEdit(sheet, "item")));
    return e;
  };
  const report = (sheet: string, kept: EditedCell[]) => {
    for (const c of kept) {
      const at = toA1(c.row, c.col);
      const f = findingOf(
        "fill/area-edited",
        { itemNo: null, sheet, cell: at, params: { cell: at, value: shownContent(c) } },
        a.config,
      );
      if (f) findings.push(f);
    }
  };
  // Without a record of the rectangle's present size, only our formulas are known to be ours.
  const recordedOnly = () => [FORMULA_PRINT];
  const clearOurs = (rect: OwnedRect, range: CellRange = rect.range) => {
    const snap = findSheet(wb.sheets, rect.sheet);
    if (!snap) return;
    const kept = editedCells(new Grid(snap), rect, rect.record ? () => EMPTY_PRINT : recordedOnly, range);
    report(snap.name, kept);
    editOf(snap.name).clear.push(...rangesWithout(range, kept));
  };
  for (const o of own.areas) clearOurs(o);
  // The columns our areas widened get the widths staff had before we first changed them.
  for (const w of own.widths) {
    const snap = findSheet(wb.sheets, w.sheet);
    if (!snap || !w.widths) continue;
    const e = editOf(snap.name);
    // By where each recorded column is now: a column staff inserted among them keeps its width.
    w.widths.forEach((width, i) => {
      const col = w.cols[i];
      if (width === undefined || col === null || col === undefined) return;
      if (width === null) (e.standardWidths ??= []).push(col);
      else e.columnWidths.push({ col, width });
    });
  }
  for (const l of adoptableAreas(a, wb)) {
    const snap = findSheet(wb.sheets, l.sheet);
    if (snap) editOf(snap.name).clear.push(l.range);
  }

  const summaryName = own.summary?.sheet ?? a.read.summarySheets[0] ?? null;
  const summary = summaryName ? findSheet(wb.sheets, summaryName) : undefined;
  if (summary) {
    const grid = new Grid(summary);
    const whole: CellRange = { top: 0, left: 0, bottom: grid.rowCount - 1, right: grid.colCount - 1 };
    // Links are recorded as their text; ExcelJS holds them as HYPERLINK formulas.
    const kept =
      own.summary?.record && grid.rowCount > 0
        ? editedCells(grid, own.summary, () => [FORMULA_PRINT], whole)
        : [];
    if (kept.length === 0 && (own.summary || isSummarySheet(grid, a.config)))
      plan.removeSheets.push(summary.name);
    else if (kept.length) {
      report(summary.name, kept);
      editOf(summary.name).clear.push(...rangesWithout(whole, kept));
    }
  }
  for (const s of a.read.summarySheets)
    if (
      !plan.removeSheets.some((x) => nameKey(x) === nameKey(s)) &&
      nameKey(s) !== nameKey(summaryName ?? "")
    )
      plan.removeSheets.push(s);
  // The findings sheet is ours, but staff's review marks on it are theirs: kept while it has any.
  const marked = [...a.marks.values()].some((m) => m.state !== "open" || m.note.trim() !== "");
  const marksFrom = a.read.findingsSheets.length ? findingsSheetOf(a) : null;
  for (const s of a.read.findingsSheets) {
    if (marked && marksFrom !== null && nameKey(s) === nameKey(marksFrom)) {
      const f = findingOf(
        "undo/findings-sheet-kept",
        { itemNo: null, sheet: s, cell: null, params: { sheet: s } },
        a.config,
      );
      if (f) findings.push(f);
    } else plan.removeSheets.push(s);
  }
  for (const name of [own.areaRecordSheet, own.summaryRecordSheet, own.settingsSheet])
    if (name && findSheet(wb.sheets, name)) plan.removeSheets.push(findSheet(wb.sheets, name)!.name);
  plan.removeNames = ourNames(wb).map((n) => n.name);
  plan.edits = [...edits.values()];
  plan.removeCustomXml = [SETTINGS_XML_NAMESPACE];
  return { plan, findings, dropCustomXml: [SETTINGS_XML_NAMESPACE] };
}

/** The findings sheet the marks were read from: the configured name first, else the first found. */
function findingsSheetOf(a: Analysis): string | null {
  const sheets = a.read.findingsSheets;
  const key = nameKey(a.config.findingsSheetName);
  return sheets.find((s) => nameKey(s) === key) ?? sheets[0] ?? null;
}
