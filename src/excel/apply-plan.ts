/**
 * Applies an EditPlan in two round trips:
 *   sync 1 (check): every target sheet exists and is not protected, and the workbook's structure is
 *                   not protected when the plan adds or deletes sheets; if any cannot be written,
 *                   nothing is written (all or nothing). A read-only workbook is not refused here:
 *                   desktop Excel lets staff edit one (they save a copy); where Excel refuses the
 *                   writes (the web, view mode) the first write fails with AccessDenied before
 *                   anything is written, and that is reported as read-only;
 *   sync 2 (write): everything at once, then Application.calculate. Only a plan too large for one
 *                   5 MB request is sent in several (sheets kept whole), all but the last with
 *                   calculation suspended (writeGroups). A sheet entirely ours ("owned")
 *                   is deleted and added again so a re-run gives the same sheet; on item sheets only
 *                   our areas are cleared and rewritten.
 * The plan decides every value and colour; this module only translates it into Office.js calls.
 */
import {
  cellCount,
  type CellFormat,
  type CellRange,
  cellWrites,
  columnLetters,
  type EditPlan,
  type PageSetupSpec,
  quoteSheetName,
  rangeToA1,
  type SheetEdit,
  toA1,
} from "../core";
import { errorCode, supports } from "./office-errors";
import { noteWritten } from "./read-workbook";
import { jsonBytes, type SyncMeter } from "./sync-meter";
import { coalesceRanges, excelInput, formatLayers, toBlocks, type Block } from "./write-blocks";

export type Blocked =
  | { why: "protected"; sheet: string }
  | { why: "readOnly" }
  | { why: "missing"; sheet: string }
  | { why: "structure" };

export interface ApplyOutcome {
  wrote: boolean;
  blocked: Blocked | null;
  cellsWritten: number;
}

/** Column width in Excel's points from the plan's width in characters (7 px a character + 5 px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Staff's widths of the columns a fill plan widens (FillResult.widthsNeeded), read in the sync that
 * checks the targets (no round trip of its own), and the plan made again with them, so that it
 * records them for undo.
 */
export interface WidthsToRead {
  needed: ReadonlyArray<{ sheet: string; cols: readonly number[] }>;
  /** By sheet: per column, the width in characters, null for the standard width. */
  replan(widths: ReadonlyArray<{ sheet: string; widths: Record<number, number | null> }>): EditPlan;
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: EditPlan,
  meter: SyncMeter,
  widths?: WidthsToRead,
): Promise<ApplyOutcome> {
  let edits = plan.edits.filter((e) => !isEmptyEdit(e));
  const touchesNames = plan.names.length + plan.removeNames.length + plan.removeSheets.length > 0;
  if (edits.length === 0 && !touchesNames) return { wrote: false, blocked: null, cellsWritten: 0 };

  // Workbook.readOnly is ExcelApi 1.8; the manifest requires 1.7, everything else used here.
  const readOnlyKnown = supports("1.8");
  const loads = widths ? loadWidths(context, widths.needed, meter) : null;
  let check: Awaited<ReturnType<typeof checkTargets>>;
  try {
    check = await checkTargets(context, edits, meter, readOnlyKnown, plan);
  } catch (e) {
    if (!widths) throw e;
    // Microsoft does not document what a range of a null object does when loaded: a host may fail
    // the batch over a sheet deleted since 検証 read it. Checked again without the widths (only
    // then a sync more), that sheet is reported as missing; any other failure is Excel's own.
    const gone = await sheetGone(context, widths.needed, e, meter);
    return { wrote: false, blocked: { why: "missing", sheet: gone }, cellsWritten: 0 };
  }
  if ("why" in check) return { wrote: false, blocked: check, cellsWritten: 0 };
  if (widths && loads) {
    // A sheet deleted since 検証 read it: its widths cannot be recorded, so its plan is not written
    // (the check refuses a missing item sheet already; this holds whatever the plan's edits are).
    const gone = loads.find((l) => l.ws.isNullObject);
    if (gone) return { wrote: false, blocked: { why: "missing", sheet: gone.sheet }, cellsWritten: 0 };
    // The same sheets again: only the record of widths is added.
    plan = widths.replan(readWidths(loads, meter));
    edits = plan.edits.filter((e) => !isEmptyEdit(e));
  }
  // Open read-only and below 1.8 (unknown): a refused first write means read-only.
  const maybeReadOnly = !readOnlyKnown || check.readOnly;

  const progress = { cells: 0, committed: 0 };
  const groups = edits.length ? groupBySize(edits.map(prepareEdit)) : [[]];
  const around: AroundEdits = {
    before: () => removeSheets(context, check.removable, meter),
    after: () => writeNames(context, plan, check.names, meter),
  };
  try {
    await writeGroups(context, groups, check.existing, meter, progress, around);
    return { wrote: true, blocked: null, cellsWritten: progress.cells };
  } catch (e) {
    // A read-only workbook the host will not let us edit shows itself only here: its first write
    // fails, and nothing has been written yet.
    if (maybeReadOnly && errorCode(e) === "AccessDenied" && progress.committed === 0)
      return { wrote: false, blocked: { why: "readOnly" }, cellsWritten: 0 };
    throw e;
  }
}

/** Neighbouring columns of one width as one range: one call for them, not one a column. */
export function widthRuns(
  widths: SheetEdit["columnWidths"],
): Array<{ left: number; right: number; width: number }> {
  const runs: Array<{ left: number; right: number; width: number }> = [];
  for (const w of [...widths].sort((a, b) => a.col - b.col)) {
    const last = runs[runs.length - 1];
    if (last && last.right + 1 === w.col && last.width === w.width) last.right = w.col;
    else runs.push({ left: w.col, right: w.col, width: w.width });
  }
  return runs;
}

/**
 * Request bytes a write batch aims to stay under, by prepareEdit's estimate (Excel refuses requests
 * over 5 MB). The estimate runs about a third over the request the simulated Excel serialises (a
 * second fill of 240 sheets: 4.2 MB estimated, 3.2 MB sent), so 4.5 MB keeps a margin; a request
 * refused all the same is split in halves and sent again (writeGroups).
 */
export const WRITE_BUDGET_BYTES = 4.5 * 1024 * 1024;

/** An edit with its cells grouped once, for both its size estimate and the calls queued for it. */
interface PreparedEdit {
  edit: SheetEdit;
  /** The writes as rectangles of Excel input (Range.formulas). */
  blocks: Block<string | number | boolean>[];
  /** Each block's cells as JSON bytes, measured once: for the size estimate and for the meter. */
  blockBytes: number[];
  formats: Array<{ range: CellRange; format: CellFormat }>;
  clears: CellRange[];
  /** Estimated request bytes (see prepareEdit). */
  bytes: number;
}

/**
 * Groups an edit's cells, and estimates its size as Office.js requests it: the cell blocks (UTF-8
 * JSON, as the meter counts them) plus ~160 bytes an operation — more than the meter's per-action
 * estimate, to keep a margin under 5 MB.
 */
function prepareEdit(e: SheetEdit): PreparedEdit {
  const cells = cellWrites(e.writes);
  const blocks = toBlocks(cells.map((w) => ({ row: w.row, col: w.col, item: excelInput(w) })));
  const blockBytes = blocks.map((b) => jsonBytes(b.cells));
  const formats = formatLayers(cells);
  const clears = coalesceRanges(e.clear);
  const ops =
    blocks.length +
    formats.length * 3 +
    e.merges.length +
    widthRuns(e.columnWidths).length +
    (e.standardWidths?.length ?? 0) +
    e.conditionalFormats.length * 4 +
    e.hyperlinks.length +
    clears.length * 3 +
    (e.tables.length + e.charts.length) * 3 +
    (e.validations?.length ?? 0) +
    (e.hiddenColumns?.length ?? 0) +
    (e.rowHeights?.length ?? 0) +
    (e.pageSetup ? 14 : 0) +
    10;
  const cellBytes = blockBytes.reduce((n, b) => n + b, 0);
  return { edit: e, blocks, blockBytes, formats, clears, bytes: cellBytes + ops * 160 };
}

/** Edits in order, cut into groups that each fit one request. */
function groupBySize(edits: PreparedEdit[]): PreparedEdit[][] {
  const groups: PreparedEdit[][] = [];
  let size = 0;
  for (const p of edits) {
    if (groups.length === 0 || size + p.bytes > WRITE_BUDGET_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(p);
    size += p.bytes;
  }
  return groups;
}

/**
 * One sync per group (one group unless the plan is very large). Excel refuses an oversized request
 * before running any of it, so a refused group is split in halves and sent again.
 */
async function writeGroups(
  context: Excel.RequestContext,
  groups: PreparedEdit[][],
  existing: Set<string>,
  meter: SyncMeter,
  progress: { cells: number; committed: number },
  around: AroundEdits,
): Promise<void> {
  if (groups.length === 0) return;
  const [group, ...rest] = groups;
  const last = rest.length === 0;
  // suspendApiCalculationUntilNextSync "suspends calculation until the next context.sync()" and
  // leaves the recalculation to us (learn.microsoft.com/javascript/api/excel/excel.application);
  // nothing says a calculate() queued in that same batch runs. So every batch but the last is
  // suspended, and the last, not suspended, ends with the recalculation: no sync of its own.
  if (!last) context.application.suspendApiCalculationUntilNextSync();
  let cells = 0;
  // Sheets the plan removes go first; names last, once every sheet they refer to is there.
  if (progress.committed === 0) around.before();
  for (const p of group) cells += queueEdit(context, p, existing.has(p.edit.sheet), meter);
  if (last) {
    around.after();
    // Also for a workbook in manual calculation, and for what earlier, suspended batches wrote.
    context.application.calculate(Excel.CalculationType.recalculate);
    meter.send();
  }
  const sent = meter.queuedBytes;
  meter.beforeSync("write");
  try {
    await context.sync();
  } catch (err) {
    meter.discardQueued();
    if (errorCode(err) !== "RequestPayloadSizeLimitExceeded" || group.length === 1) throw err;
    const half = Math.ceil(group.length / 2);
    return writeGroups(
      context,
      [group.slice(0, half), group.slice(half), ...rest],
      existing,
      meter,
      progress,
      around,
    );
  }
  noteWritten(sent);
  progress.cells += cells;
  progress.committed++;
  return writeGroups(context, rest, existing, meter, progress, around);
}

/** What goes before the first batch of edits and after the last. */
interface AroundEdits {
  before: () => void;
  after: () => void;
}

function removeSheets(context: Excel.RequestContext, sheets: readonly string[], meter: SyncMeter): void {
  for (const name of sheets) {
    context.workbook.worksheets.getItem(name).delete();
    meter.send();
  }
}

/**
 * Defined names (workbook scope, NamedItemCollection, ExcelApi 1.4): those the plan removes or
 * replaces are deleted, then each is added. `present` are the names the workbook had (check sync);
 * Excel compares names without case.
 */
function writeNames(
  context: Excel.RequestContext,
  plan: EditPlan,
  present: readonly string[],
  meter: SyncMeter,
): void {
  const names = context.workbook.names;
  const byKey = new Map(present.map((n) => [n.toUpperCase(), n]));
  for (const name of [...plan.removeNames, ...plan.names.map((n) => n.name)]) {
    const had = byKey.get(name.toUpperCase());
    if (had === undefined) continue;
    names.getItem(had).delete();
    byKey.delete(name.toUpperCase());
    meter.send();
  }
  for (const n of plan.names) {
    names.add(n.name, `=${n.refersTo}`, n.comment);
    meter.send(n);
  }
}

function isEmptyEdit(e: SheetEdit): boolean {
  return (
    e.kind === "item" &&
    e.clear.length === 0 &&
    e.writes.length === 0 &&
    e.merges.length === 0 &&
    e.conditionalFormats.length === 0 &&
    e.hyperlinks.length === 0 &&
    e.tables.length === 0 &&
    e.charts.length === 0 &&
    e.columnWidths.length === 0 &&
    (e.standardWidths?.length ?? 0) === 0
  );
}

/**
 * Column width (points) and useStandardWidth (ExcelApi 1.7) of each whole column, queued. The sheet
 * by getItemOrNullObject (ExcelApi 1.4): one deleted since 検証 read it would make getItem fail the
 * whole batch with ItemNotFound; a null object only says it is gone (its isNullObject, read after
 * the sync before anything of it).
 */
function loadWidths(
  context: Excel.RequestContext,
  needed: WidthsToRead["needed"],
  meter: SyncMeter,
): Array<{ sheet: string; ws: Excel.Worksheet; cols: Array<{ col: number; format: Excel.RangeFormat }> }> {
  return needed.map(({ sheet, cols }) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    meter.send();
    return {
      sheet,
      ws,
      cols: cols.map((col) => {
        const letter = columnLetters(col);
        const format = ws.getRange(`${letter}:${letter}`).format.load("columnWidth,useStandardWidth");
        meter.send();
        return { col, format };
      }),
    };
  });
}

/**
 * After a check sync that failed while it read widths: the first of those sheets that is gone, by
 * getItemOrNullObject alone; none gone, the failure is rethrown as it was.
 */
async function sheetGone(
  context: Excel.RequestContext,
  needed: WidthsToRead["needed"],
  failure: unknown,
  meter: SyncMeter,
): Promise<string> {
  const code = errorCode(failure);
  if (code !== "ItemNotFound" && code !== "InvalidObjectPath") throw failure;
  meter.discardQueued();
  const sheets = needed.map(({ sheet }) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    meter.send();
    return { sheet, ws };
  });
  meter.beforeSync("write");
  await context.sync();
  meter.received(sheets.map((s) => s.ws.isNullObject));
  meter.settle();
  const gone = sheets.find((s) => s.ws.isNullObject);
  if (!gone) throw failure;
  return gone.sheet;
}

/** The loaded widths in the plan's unit (characters, widthPoints inverted to 0.01); null: standard. */
function readWidths(
  loads: ReturnType<typeof loadWidths>,
  meter: SyncMeter,
): Array<{ sheet: string; widths: Record<number, number | null> }> {
  const out = loads.map((l) => {
    const widths: Record<number, number | null> = {};
    for (const { col, format } of l.cols)
      widths[col] = format.useStandardWidth
        ? null
        : Math.round(((format.columnWidth / 0.75 - 5) / 7) * 100) / 100;
    return { sheet: l.sheet, widths };
  });
  meter.received(out);
  meter.settle();
  return out;
}

async function checkTargets(
  context: Excel.RequestContext,
  edits: SheetEdit[],
  meter: SyncMeter,
  readOnlyKnown: boolean,
  plan: EditPlan,
): Promise<Blocked | { existing: Set<string>; names: string[]; removable: string[]; readOnly: boolean }> {
  const wb = context.workbook;
  if (readOnlyKnown) wb.load("readOnly");
  // Adding or deleting a sheet needs the structure unprotected (WorkbookProtection, ExcelApi 1.7).
  const addsSheets = plan.removeSheets.length > 0 || edits.some((e) => e.kind === "owned");
  const structure = addsSheets ? wb.protection.load("protected") : null;
  if (structure) meter.send();
  const touchesNames = plan.names.length + plan.removeNames.length > 0;
  const named = touchesNames ? wb.names.load("items/name") : null;
  const gone = plan.removeSheets.map((name) => {
    const ws = wb.worksheets.getItemOrNullObject(name);
    ws.load("name");
    meter.send();
    return ws;
  });
  const targets = edits.map((e) => {
    const ws = wb.worksheets.getItemOrNullObject(e.sheet);
    ws.load("name");
    ws.protection.load("protected");
    meter.send();
    meter.send();
    return { e, ws };
  });
  meter.beforeSync("write");
  await context.sync();
  meter.received(targets.map((t) => (t.ws.isNullObject ? null : [t.ws.name, t.ws.protection.protected])));
  meter.settle();
  if (structure?.protected) return { why: "structure" };
  const names = named ? named.items.map((n) => n.name) : [];
  const removable = gone.filter((ws) => !ws.isNullObject).map((ws) => ws.name);
  const existing = new Set<string>();
  for (const { e, ws } of targets) {
    if (ws.isNullObject) {
      if (e.kind === "item") return { why: "missing", sheet: e.sheet };
      continue;
    }
    if (ws.protection.protected) return { why: "protected", sheet: e.sheet };
    existing.add(e.sheet);
  }
  return { existing, names, removable, readOnly: readOnlyKnown && wb.readOnly };
}

/** Queues one sheet's edit; returns the number of cells written. */
function queueEdit(
  context: Excel.RequestContext,
  { edit: e, blocks, blockBytes, formats, clears }: PreparedEdit,
  exists: boolean,
  meter: SyncMeter,
): number {
  const sheets = context.workbook.worksheets;
  let ws: Excel.Worksheet;
  if (e.kind === "owned") {
    // Ours entirely: drop the old one (its tables, charts, formats go with it) and start afresh.
    if (exists) sheets.getItem(e.sheet).delete();
    ws = sheets.add(e.sheet);
    meter.send();
    meter.send();
    // Our record sheets: very hidden, so that only the add-in sees them.
    if (e.hidden) {
      ws.visibility = "VeryHidden";
      meter.send();
    }
  } else {
    ws = sheets.getItem(e.sheet);
    for (const r of clears) {
      const range = ws.getRange(rangeToA1(r));
      range.conditionalFormats.clearAll();
      range.unmerge();
      range.clear("All");
      meter.send();
      meter.send();
      meter.send();
    }
  }

  blocks.forEach((b, i) => {
    ws.getRange(rangeToA1(b.range)).formulas = b.cells;
    meter.sendMeasured(blockBytes[i]);
  });
  // Formats property by property, each over rectangles of the cells that have it.
  for (const f of formats) applyFormat(ws.getRange(rangeToA1(f.range)), f.range, f.format, meter);
  for (const m of e.merges) {
    ws.getRange(rangeToA1(m)).merge(false);
    meter.send();
  }
  for (const c of widthRuns(e.columnWidths)) {
    ws.getRange(`${columnLetters(c.left)}:${columnLetters(c.right)}`).format.columnWidth = widthPoints(
      c.width,
    );
    meter.send(c.width);
  }
  // Undo: columns that had no width of their own get the sheet's standard width back
  // (RangeFormat.useStandardWidth, ExcelApi 1.7; only `true` has an effect).
  for (const col of e.standardWidths ?? []) {
    ws.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.useStandardWidth = true;
    meter.send(true);
  }
  for (const h of e.rowHeights ?? []) {
    ws.getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = h.height;
    meter.send(h.height);
  }
  if (e.freeze && (e.freeze.rows > 0 || e.freeze.cols > 0)) {
    if (e.freeze.cols === 0) ws.freezePanes.freezeRows(e.freeze.rows);
    else if (e.freeze.rows === 0) ws.freezePanes.freezeColumns(e.freeze.cols);
    else ws.freezePanes.freezeAt(`A1:${toA1(e.freeze.rows - 1, e.freeze.cols - 1)}`);
    meter.send();
  }
  for (const t of e.tables) {
    const table = ws.tables.add(`${quoteSheetName(e.sheet)}!${rangeToA1(t.range)}`, true);
    table.name = t.name;
    table.style = t.style;
    meter.send(t);
  }
  for (const cf of e.conditionalFormats) {
    const f = ws.getRange(rangeToA1(cf.range)).conditionalFormats.add("CellValue");
    setCfFormat(f.cellValue.format, cf.format);
    // Equality, not "contains": 概ね達成 must not take 達成's colour.
    f.cellValue.rule = { formula1: `="${cf.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
    meter.send(cf);
    meter.send();
    meter.send();
  }
  for (const h of e.hyperlinks) {
    ws.getRange(toA1(h.row, h.col)).hyperlink = {
      documentReference: `${quoteSheetName(h.sheet)}!${h.cell}`,
      textToDisplay: h.text,
    };
    meter.send(h);
  }
  for (const c of e.charts) {
    const chart = ws.charts.add(
      c.kind === "columnStacked" ? "ColumnStacked" : "ColumnClustered",
      ws.getRange(rangeToA1(c.source)),
      "Auto",
    );
    chart.title.text = c.title;
    const a = c.anchor;
    chart.setPosition(toA1(a.row, a.col), toA1(a.row + a.heightRows - 1, a.col + a.widthCols - 1));
    meter.send(c);
  }
  for (const c of e.hiddenColumns ?? []) {
    ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).columnHidden = true;
    meter.send();
  }
  // Data validation is ExcelApi 1.8: below it the column takes any text (the words still read back).
  if (supports("1.8"))
    for (const v of e.validations ?? []) {
      const rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      ws.getRange(rangeToA1(v.range)).dataValidation.rule = rule;
      meter.send(rule);
    }
  if (e.tabColor) {
    ws.tabColor = e.tabColor;
    meter.send(e.tabColor);
  }
  if (e.pageSetup) queuePageSetup(ws, e.pageSetup, meter);
  if (e.activate) {
    ws.position = 0;
    ws.activate();
    meter.send();
  }
  return cellCount(e.writes);
}

/**
 * Page setup of a sheet we own through Worksheet.pageLayout (ExcelApi 1.9). Below 1.9 there is no
 * way to set it from an add-in: the sheet keeps Excel's defaults (the printer's paper, portrait,
 * 100%), everything else is written the same.
 */
function queuePageSetup(ws: Excel.Worksheet, p: PageSetupSpec, meter: SyncMeter): void {
  if (!supports("1.9")) return;
  const layout = ws.pageLayout;
  layout.paperSize = p.paperSize;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  // Fit to pages wide, as many pages high as needed (0: automatic, as OOXML's fitToHeight).
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
  if (p.centerHorizontally !== undefined) layout.centerHorizontally = p.centerHorizontally;
  if (p.margins) {
    // The plan's margins are inches, Office.js's points.
    const pt = (inches: number) => Math.round(inches * 72 * 100) / 100;
    layout.leftMargin = pt(p.margins.left);
    layout.rightMargin = pt(p.margins.right);
    layout.topMargin = pt(p.margins.top);
    layout.bottomMargin = pt(p.margins.bottom);
    layout.headerMargin = pt(p.margins.header);
    layout.footerMargin = pt(p.margins.footer);
  }
  if (p.printArea) layout.setPrintArea(rangeToA1(p.printArea));
  if (p.printTitleRows)
    layout.setPrintTitleRows(`$${p.printTitleRows.first + 1}:$${p.printTitleRows.last + 1}`);
  if (p.footer) {
    const f = layout.headersFooters.defaultForAllPages;
    if (p.footer.left !== undefined) f.leftFooter = p.footer.left;
    if (p.footer.center !== undefined) f.centerFooter = p.footer.center;
    if (p.footer.right !== undefined) f.rightFooter = p.footer.right;
  }
  meter.send(p);
  meter.actions(12);
}

function setCfFormat(target: Excel.ConditionalRangeFormat, f: CellFormat): void {
  if (f.fill) target.fill.color = f.fill;
  if (f.fontColor) target.font.color = f.fontColor;
  if (f.bold !== undefined) target.font.bold = f.bold;
}

function applyFormat(range: Excel.Range, box: CellRange, f: CellFormat, meter: SyncMeter): void {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (f.numberFormat) {
    const nf = Array.from({ length: rows }, () =>
      Array.from({ length: cols }, () => f.numberFormat as string),
    );
    range.numberFormat = nf;
    meter.send(nf);
  }
  const fmt = range.format;
  if (f.fill) fmt.fill.color = f.fill;
  if (f.bold !== undefined) fmt.font.bold = f.bold;
  if (f.italic !== undefined) fmt.font.italic = f.italic;
  if (f.fontColor) fmt.font.color = f.fontColor;
  if (f.fontSize) fmt.font.size = f.fontSize;
  if (f.fontName) fmt.font.name = f.fontName;
  if (f.wrap !== undefined) fmt.wrapText = f.wrap;
  if (f.hAlign)
    fmt.horizontalAlignment = f.hAlign === "left" ? "Left" : f.hAlign === "right" ? "Right" : "Center";
  if (f.vAlign)
    fmt.verticalAlignment = f.vAlign === "top" ? "Top" : f.vAlign === "bottom" ? "Bottom" : "Center";
  if (f.border === "thin") {
    const edges: Array<
      "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"
    > = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) fmt.borders.getItem(edge).style = "Continuous";
    meter.actions(edges.length - 1);
  }
  meter.send(f);
}
