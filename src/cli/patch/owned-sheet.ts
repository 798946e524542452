/**
 * A sheet that is ours entirely (the summary 集計, the findings sheet 指摘一覧, the record sheets),
 * written afresh from its SheetEdit, each element in CT_Worksheet's order. Its tables come as parts
 * of their own (xl/tables/tableN.xml, §18.5) with an autoFilter, as Excel writes a table.
 */
import {
  type CellRange,
  forEachCellWrite,
  type PageSetupSpec,
  type ChartSpec,
  type PlanValue,
  quoteSheetName,
  rangeToA1,
  type SheetEdit,
  type TableSpec,
  toA1,
} from "../../core";
import { cellXml, SheetData } from "./sheet-data";
import { argb, type StyleBook } from "./styles";
import { escapeAttr, escapeText, NS } from "./xml";
import { xstringLiteral } from "./xstring";

export interface OwnedSheetOut {
  xml: string;
  /** Problems in words (a merge over another, a table name taken). */
  problems: string[];
  cellsWritten: number;
}

/** Creates a table part and its relationship; returns the relationship id, or a problem. */
export type AddTable = (spec: TableSpec, columns: string[]) => string | { problem: string };

/** OOXML's paper size codes (§18.3.1.64): 9 = A4, 8 = A3. */
const PAPER_SIZE: Record<PageSetupSpec["paperSize"], number> = { A4: 9, A3: 8 };

interface CellState {
  xf: number | undefined;
  value: PlanValue;
  formula: string | null;
}

/** Creates the drawing (and chart parts) of the sheet's charts; returns the drawing's relationship id. */
export type AddCharts = (charts: readonly ChartSpec[]) => string;

export function ownedSheetXml(
  e: SheetEdit,
  styles: StyleBook,
  addTable: AddTable,
  addCharts: AddCharts,
  cfPriorityStart = 0,
): OwnedSheetOut {
  const problems: string[] = [];
  const cells = new Map<number, CellState>();
  const key = (r: number, c: number) => r * 16384 + c;
  let cellsWritten = 0;
  forEachCellWrite(e.writes, (row, col, value, formula, format) => {
    cells.set(key(row, col), { xf: format ? styles.xf(format, {}) : undefined, value, formula });
    cellsWritten++;
  });
  const links: string[] = [];
  for (const h of e.hyperlinks) {
    const k = key(h.row, h.col);
    cells.set(k, { xf: cells.get(k)?.xf, value: h.text, formula: null });
    const ref = toA1(h.row, h.col);
    const location = `${quoteSheetName(h.sheet)}!${h.cell}`;
    links.push(
      `<hyperlink ref="${ref}" location="${escapeAttr(location)}" display="${escapeAttr(xstringLiteral(h.text))}"/>`,
    );
  }
  // Tables: column names from the header cells, made unique; the header cells hold those names
  // (Excel requires a table's header cells to be its column names, §18.5.1.3).
  const tableParts: string[] = [];
  for (const t of e.tables) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let c = t.range.left; c <= t.range.right; c++) {
      const k = key(t.range.top, c);
      const cell = cells.get(k);
      let h =
        typeof cell?.value === "string" && cell.value && !cell.formula
          ? cell.value
          : `Column${c - t.range.left + 1}`;
      const base = h;
      for (let n = 2; seen.has(h.toUpperCase()); n++) h = `${base}${n}`;
      seen.add(h.toUpperCase());
      names.push(h);
      if (cell?.value !== h || cell?.formula) cells.set(k, { xf: cell?.xf, value: h, formula: null });
    }
    const id = addTable(t, names);
    if (typeof id === "string") tableParts.push(`<tablePart r:id="${id}"/>`);
    else problems.push(`${e.sheet}: table ${t.name} not written (${id.problem})`);
  }

  // SheetData keeps rows and cells in order as they come (mostly in order already): no sort here.
  const data = new SheetData("");
  for (const [k, c] of cells) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    const x = cellXml(toA1(row, col), c.xf, c.value, c.formula);
    if (x) data.put(row, col, x);
  }
  for (const h of e.rowHeights ?? []) data.setHeight(h.row, h.height);

  const merges: CellRange[] = [];
  for (const m of e.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    const other = merges.find(
      (o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right,
    );
    if (other) problems.push(`${e.sheet}!${rangeToA1(m)}: not merged (overlaps ${rangeToA1(other)})`);
    else merges.push(m);
  }

  let x = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`;
  const pr =
    (e.tabColor ? `<tabColor rgb="${argb(e.tabColor)}"/>` : "") +
    (e.pageSetup ? `<pageSetUpPr fitToPage="1"/>` : "");
  if (pr) x += `<sheetPr>${pr}</sheetPr>`;
  if (data.maxRow >= 0)
    x += `<dimension ref="${rangeToA1({ top: data.minRow, left: data.minCol, bottom: data.maxRow, right: data.maxCol })}"/>`;
  x += `<sheetViews><sheetView${e.activate ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const fr = e.freeze;
  if (fr && (fr.rows > 0 || fr.cols > 0)) {
    const pane = fr.rows && fr.cols ? "bottomRight" : fr.rows ? "bottomLeft" : "topRight";
    x += `><pane${fr.cols ? ` xSplit="${fr.cols}"` : ""}${fr.rows ? ` ySplit="${fr.rows}"` : ""} topLeftCell="${toA1(fr.rows, fr.cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`;
  } else x += "/>";
  x += "</sheetViews>";
  const cols = new Map<number, { width?: number; hidden?: boolean }>();
  for (const w of e.columnWidths) cols.set(w.col, { ...cols.get(w.col), width: w.width });
  for (const c of e.hiddenColumns ?? []) cols.set(c, { ...cols.get(c), hidden: true });
  if (cols.size) {
    x += "<cols>";
    for (const [c, v] of [...cols.entries()].sort((a, b) => a[0] - b[0]))
      x += `<col min="${c + 1}" max="${c + 1}"${v.width !== undefined ? ` width="${v.width}" customWidth="1"` : ""}${v.hidden ? ' hidden="1"' : ""}/>`;
    x += "</cols>";
  }
  x += `<sheetData>${data.toXml()}</sheetData>`;
  if (merges.length)
    x += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join("")}</mergeCells>`;
  let priority = cfPriorityStart;
  for (const cf of e.conditionalFormats)
    x += cfXml(rangeToA1(cf.range), cf.equals, styles.dxf(cf.format), ++priority);
  const dvs = e.validations ?? [];
  if (dvs.length) {
    x += `<dataValidations count="${dvs.length}">`;
    for (const v of dvs)
      x += `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${rangeToA1(v.range)}"><formula1>${escapeText(`"${v.list.map((w) => w.replace(/"/g, '""')).join(",")}"`)}</formula1></dataValidation>`;
    x += "</dataValidations>";
  }
  if (links.length) x += `<hyperlinks>${links.join("")}</hyperlinks>`;
  const p = e.pageSetup;
  if (p?.centerHorizontally) x += `<printOptions horizontalCentered="1"/>`;
  const m = p?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  x += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (p)
    x += `<pageSetup paperSize="${PAPER_SIZE[p.paperSize]}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="0"/>`;
  if (p?.footer) {
    const f = p.footer;
    const text =
      (f.left ? `&L${f.left}` : "") + (f.center ? `&C${f.center}` : "") + (f.right ? `&R${f.right}` : "");
    if (text) x += `<headerFooter><oddFooter>${escapeText(text)}</oddFooter></headerFooter>`;
  }
  if (e.charts.length) x += `<drawing r:id="${addCharts(e.charts)}"/>`;
  if (tableParts.length) x += `<tableParts count="${tableParts.length}">${tableParts.join("")}</tableParts>`;
  x += "</worksheet>";
  return { xml: x, problems, cellsWritten };
}

/** One "cell equals text" rule (§18.3.1.10), its look a differential format. */
export function cfXml(sqref: string, equals: string, dxfId: number, priority: number): string {
  const formula = escapeText(`"${equals.replace(/"/g, '""')}"`);
  return `<conditionalFormatting sqref="${sqref}"><cfRule type="cellIs" dxfId="${dxfId}" priority="${priority}" operator="equal"><formula>${formula}</formula></cfRule></conditionalFormatting>`;
}

/** A table part (§18.5.1.2) with its autoFilter, as Excel writes a new table with a header row. */
export function tableXml(id: number, t: TableSpec, columns: string[]): string {
  const ref = rangeToA1(t.range);
  // Line breaks in a column name are written as Excel does (_x000a_, §22.9.2.19); a literal
  // _xHHHH_ protected, so the name still equals its header cell's text.
  const name = (s: string) =>
    escapeAttr(xstringLiteral(s).replace(/\r/g, "_x000d_").replace(/\n/g, "_x000a_"));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${name(c)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
