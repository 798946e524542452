/**
 * The CLI's writer: the input package's bytes and the engine's EditPlans in, the output package's
 * bytes out. Only what the plans name changes (see README "How the CLI writes"): every other zip entry
 * is its input bytes, copied without inflating; touched parts keep what they do not change. Where a
 * change cannot be made safely the whole file is refused (PatchRefusal), never written in part.
 */
import {
  type CellRange,
  type ChartSpec,
  type EditPlan,
  forEachCellWrite,
  quoteSheetName,
  rangeToA1,
  type SheetEdit,
  type SheetSnapshot,
  type TableSpec,
  toA1,
} from "../../core";
import { listedSheets, syncAppProps, type ListedSheet } from "./app-props";
import { cfXml, ownedSheetXml, tableXml } from "./owned-sheet";
import { chartXml, drawingXml } from "./chart";
import { CT, Package, REL_TYPE } from "./package";
import { cellXml, PatchRefusal } from "./sheet-data";
import { argb, StyleBook, type FontInfo } from "./styles";
import { WorkbookXml, type SheetEntry } from "./workbook";
import { Worksheet } from "./worksheet";
import { attr, namespaces as xmlNamespaces, rootElement } from "./xml";

export { PatchRefusal } from "./sheet-data";

export interface PatchResult {
  bytes: Buffer;
  /** Plan entries that could not be applied (a merge over a user's merge, …), in English. */
  problems: string[];
  /** Charts in the plan that are not written (the add-in writes them). */
  chartsSkipped: number;
  cellsWritten: number;
}

/** What the package is, from its workbook part's content type (ECMA-376 Part 1 §12.3.23; MS-OFFMACRO2). */
export type PackageKind = "xlsx" | "xlsm" | "xltx" | "xltm";

const MAIN_TYPES: Record<string, PackageKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
};

/** Relationship types of a sheet's own parts, deleted with an owned sheet (images may be shared: kept). */
const OWN_PART_TYPES =
  /\/(table|drawing|chart|comments|vmlDrawing|printerSettings|threadedComment|chartUserShapes|chartStyle|chartColorStyle)$/;

export function packageKind(bytes: Buffer): PackageKind {
  const pkg = new Package(bytes);
  return kindOf(pkg, workbookPart(pkg));
}

function workbookPart(pkg: Package): string {
  const rel = pkg.rels("").find((r) => r.type === REL_TYPE.officeDocument && !r.external);
  if (!rel || !pkg.has(rel.target)) throw new PatchRefusal("the package has no workbook part");
  return rel.target;
}

function kindOf(pkg: Package, wbPart: string): PackageKind {
  const kind = MAIN_TYPES[pkg.contentType(wbPart) ?? ""];
  if (!kind)
    throw new PatchRefusal(`the workbook part's content type is ${pkg.contentType(wbPart) ?? "missing"}`);
  return kind;
}

const CUSTOM_XML_REL = /\/relationships\/customXml$/;
const CUSTOM_XML_PROPS_REL = /\/relationships\/customXmlProps$/;

class Patcher {
  readonly pkg: Package;
  readonly wbPart: string;
  readonly wb: WorkbookXml;
  readonly styles: StyleBook;
  private readonly stylesPart: string;
  private readonly parts = new Map<SheetEntry, string>();
  private readonly docs = new Map<SheetEntry, Worksheet>();
  private sheetsChanged = false;
  /** The worksheets as docProps/app.xml lists them, before the plans (app-props.ts). */
  private readonly listedBefore: ListedSheet[];
  readonly problems: string[] = [];
  chartsSkipped = 0;
  cellsWritten = 0;

  /** The merges the reader found in each sheet, by name, and the texts it found them in. */
  private readonly readMerges: ReadonlyMap<string, readonly CellRange[]>;

  constructor(
    bytes: Buffer,
    private readonly texts?: ReadonlyMap<string, string>,
    sheets?: readonly SheetSnapshot[],
  ) {
    this.readMerges = new Map((sheets ?? []).map((x) => [x.name, x.merges ?? []]));
    this.pkg = new Package(bytes, texts);
    this.wbPart = workbookPart(this.pkg);
    kindOf(this.pkg, this.wbPart);
    this.wb = new WorkbookXml(this.pkg.read(this.wbPart));
    const rels = this.pkg.rels(this.wbPart);
    for (const s of this.wb.sheets) {
      const rel = rels.find((r) => r.id === s.rId);
      if (rel && !rel.external) this.parts.set(s, rel.target);
    }
    const st = rels.find((r) => r.type === REL_TYPE.styles);
    if (!st || !this.pkg.has(st.target)) throw new PatchRefusal("the workbook has no styles part");
    this.stylesPart = st.target;
    this.styles = new StyleBook(this.pkg.read(st.target));
    this.listedBefore = listedSheets(this.pkg, this.wbPart, this.wb);
  }

  private worksheetPart(s: SheetEntry): string {
    const part = this.parts.get(s);
    const rel = this.pkg.rels(this.wbPart).find((r) => r.id === s.rId);
    if (!part || rel?.type !== REL_TYPE.worksheet || !this.pkg.has(part))
      throw new PatchRefusal(`${s.name} is not a worksheet (a chart sheet or dialog sheet)`);
    return part;
  }

  private doc(s: SheetEntry): Worksheet {
    let d = this.docs.get(s);
    if (!d) {
      const part = this.worksheetPart(s);
      const xml = this.pkg.read(part);
      // Still the text the reader read: its merges need not be parsed again.
      const merges = this.texts?.get(part) === xml ? this.readMerges.get(s.name) : undefined;
      d = new Worksheet(xml, merges);
      this.docs.set(s, d);
    }
    return d;
  }

  apply(plan: EditPlan): void {
    for (const name of plan.removeSheets) {
      const s = this.wb.find(name);
      if (s) this.removeSheet(s);
    }
    for (const e of plan.edits) {
      if (e.kind === "owned") this.owned(e);
      else this.item(e);
    }
    for (const name of plan.removeNames) this.wb.removeName(name);
    for (const n of plan.names) this.wb.setName(n.name, n.refersTo, n.comment);
    if (plan.removeCustomXml?.length) this.removeCustomXml(plan.removeCustomXml);
  }

  /**
   * The custom XML items whose root element is in one of `namespaces` (our saved settings): the
   * item, its properties part, their relationships and content-type overrides. Other add-ins'
   * items stay. An item that cannot be read as text is not ours to judge and stays too.
   */
  private removeCustomXml(namespaces: readonly string[]): void {
    for (const r of [...this.pkg.rels(this.wbPart)]) {
      if (r.external || !CUSTOM_XML_REL.test(r.type) || !this.pkg.has(r.target)) continue;
      let ns: string | undefined;
      try {
        const xml = this.pkg.read(r.target);
        const root = rootElement(xml);
        const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : "";
        ns = xmlNamespaces(xml.slice(root.start, root.openEnd)).get(prefix);
      } catch {
        continue;
      }
      if (ns === undefined || !namespaces.includes(ns)) continue;
      for (const p of this.pkg.rels(r.target))
        if (!p.external && CUSTOM_XML_PROPS_REL.test(p.type)) this.pkg.delete(p.target);
      this.pkg.delete(r.target);
      this.pkg.removeRel(this.wbPart, r.id);
    }
  }

  private removeSheet(s: SheetEntry): void {
    const part = this.worksheetPart(s);
    this.dropOwnParts(part);
    this.docs.delete(s);
    this.pkg.delete(part);
    this.pkg.removeRel(this.wbPart, s.rId);
    this.wb.removeSheet(s);
    this.sheetsChanged = true;
  }

  /** The parts only this sheet uses (tables, drawings and their charts, comments), and its rels. */
  private dropOwnParts(part: string): void {
    for (const r of this.pkg.rels(part)) {
      if (r.external || !OWN_PART_TYPES.test(r.type)) continue;
      this.dropOwnParts(r.target);
      this.pkg.delete(r.target);
    }
    this.pkg.delete(relsOf(part));
  }

  private item(e: SheetEdit): void {
    const s = this.wb.find(e.sheet);
    if (!s) {
      this.problems.push(`sheet not found: ${e.sheet}`);
      return;
    }
    const ownedOnly: string[] = [];
    if (e.freeze && (e.freeze.rows > 0 || e.freeze.cols > 0)) ownedOnly.push("freeze panes");
    if (e.tables.length) ownedOnly.push("tables");
    if (e.validations?.length) ownedOnly.push("dropdowns");
    if (e.pageSetup) ownedOnly.push("page setup");
    if (e.hidden) ownedOnly.push("hiding");
    if (ownedOnly.length)
      throw new PatchRefusal(`${e.sheet}: ${ownedOnly.join(", ")} are written only to sheets of our own`);
    const d = this.doc(s);
    this.sheetsChanged = true;
    // The cells' own fonts, before clearing: a format without a font name keeps the cell's.
    const own = new Map<number, FontInfo>();
    forEachCellWrite(e.writes, (row, col, _v, _f, format) => {
      if (!format || format.fontName) return;
      const xf = d.data.styleAt(row, col);
      if (xf !== undefined) own.set(row * 16384 + col, this.styles.fontOfXf(xf));
    });
    for (const r of e.clear) d.data.clear(r);
    d.unmergeInside(e.clear);
    d.removeCfInside(e.clear);
    d.removeLinksInside(e.clear);
    for (const c of e.standardWidths ?? []) d.clearColumnWidth(c);
    for (const w of e.columnWidths) d.setColumn(w.col, { width: String(w.width), customWidth: "1" });
    for (const c of e.hiddenColumns ?? []) d.setColumn(c, { hidden: "1" });
    for (const h of e.rowHeights ?? []) d.data.setHeight(h.row, h.height);
    forEachCellWrite(e.writes, (row, col, value, formula, format) => {
      const xf = format ? this.styles.xf(format, own.get(row * 16384 + col) ?? {}) : undefined;
      d.data.put(row, col, cellXml(toA1(row, col), xf, value, formula));
      this.cellsWritten++;
    });
    for (const m of e.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      const problem = d.merge(m);
      if (problem) this.problems.push(`${e.sheet}!${rangeToA1(m)}: not merged (${problem})`);
    }
    let priority = d.maxPriority();
    for (const cf of e.conditionalFormats)
      d.addCf(cfXml(rangeToA1(cf.range), cf.equals, this.styles.dxf(cf.format), ++priority));
    for (const h of e.hyperlinks) {
      const ref = toA1(h.row, h.col);
      d.data.put(h.row, h.col, cellXml(ref, d.data.styleAt(h.row, h.col), h.text, null));
      d.addInternalLink(ref, `${quoteSheetName(h.sheet)}!${h.cell}`, h.text);
    }
    if (d.droppedRelIds.length) {
      const part = this.worksheetPart(s);
      for (const id of d.droppedRelIds.splice(0)) this.pkg.removeRel(part, id);
    }
    if (e.tabColor) d.setTabColor(argb(e.tabColor));
    this.chartsSkipped += e.charts.length;
    if (e.activate) this.activate(s, d);
    this.writeBack(s, d);
  }

  /** An item sheet done with: written and deflated now, so that its parsed state dies young. */
  private writeBack(s: SheetEntry, d: Worksheet): void {
    const part = this.worksheetPart(s);
    this.pkg.write(part, d.toXml());
    this.pkg.pack(part);
    this.docs.delete(s);
  }

  private activate(s: SheetEntry, d: Worksheet | null): void {
    const old = this.wb.activeSheet();
    if (old && old !== s && this.parts.has(old)) {
      try {
        this.doc(old).setTabSelected(false);
      } catch {
        // A chart sheet was active: its own part says nothing we change.
      }
    }
    d?.setTabSelected(true);
    this.wb.activate(s);
  }

  private owned(e: SheetEdit): void {
    let s = this.wb.find(e.sheet);
    let part: string;
    if (s) {
      part = this.worksheetPart(s);
      this.dropOwnParts(part);
      this.docs.delete(s);
    } else {
      part = this.newPartName("xl/worksheets/sheet", ".xml");
      const rId = this.pkg.addRel(this.wbPart, REL_TYPE.worksheet, part);
      s = this.wb.addSheet(e.sheet, rId);
      this.parts.set(s, part);
      this.pkg.setOverride(part, CT.worksheet);
    }
    const sheetPart = part;
    const addTable = (t: TableSpec, columns: string[]) => this.addTable(sheetPart, t, columns);
    const addCharts = (charts: readonly ChartSpec[]) => this.addCharts(sheetPart, s as SheetEntry, charts);
    const out = ownedSheetXml(e, this.styles, addTable, addCharts);
    this.pkg.write(part, out.xml);
    this.pkg.pack(part);
    this.sheetsChanged = true;
    this.problems.push(...out.problems);
    this.cellsWritten += out.cellsWritten;
    this.wb.setState(s, e.hidden ? "veryHidden" : null);
    // Names Excel keeps per sheet (print area, print titles, filter ranges) go with the old sheet;
    // those set again are replaced where they are, so that a second run writes the same list.
    const p = e.pageSetup;
    const q = quoteSheetName(s.name);
    const kept = new Set<string>();
    if (p?.printArea) {
      this.wb.setName("_xlnm.Print_Area", `${q}!${absolute(rangeToA1(p.printArea))}`, null, s);
      kept.add("_XLNM.PRINT_AREA");
    }
    if (p?.printTitleRows) {
      this.wb.setName(
        "_xlnm.Print_Titles",
        `${q}!$${p.printTitleRows.first + 1}:$${p.printTitleRows.last + 1}`,
        null,
        s,
      );
      kept.add("_XLNM.PRINT_TITLES");
    }
    for (const n of this.wb.scopedNames(s))
      if (n.startsWith("_xlnm.") && !kept.has(n.toUpperCase())) this.wb.removeName(n, s);
    if (e.activate) this.activate(s, null);
  }

  private addTable(sheetPart: string, t: TableSpec, columns: string[]): string | { problem: string } {
    const key = t.name.toUpperCase();
    // Table ids are unique in the workbook (§18.5.1.2): the smallest free one, so that a table
    // written again gets the id it had.
    const ids = new Set<number>();
    for (const name of this.pkg.names()) {
      if (!/(^|\/)tables\/[^/]+\.xml$/i.test(name)) continue;
      const xml = this.pkg.read(name);
      const at = xml.indexOf("<table");
      const head = xml.slice(at, xml.indexOf(">", at) + 1);
      ids.add(Number(attr(head, "id") ?? 0));
      if ((attr(head, "displayName") ?? "").toUpperCase() === key)
        return { problem: "a table of that name exists" };
    }
    let id = 1;
    while (ids.has(id)) id++;
    if (this.wb.nameList().some((n) => !n.local && n.name.toUpperCase() === key))
      return { problem: "a defined name of that name exists" };
    const part = this.newPartName("xl/tables/table", ".xml");
    this.pkg.write(part, tableXml(id, t, columns));
    this.pkg.setOverride(part, CT.table);
    return this.pkg.addRel(sheetPart, REL_TYPE.table, part);
  }

  /** A drawing part for the sheet with one chart part per spec, and their relationships. */
  private addCharts(sheetPart: string, s: SheetEntry, charts: readonly ChartSpec[]): string {
    const drawing = this.newPartName("xl/drawings/drawing", ".xml");
    const frames: Array<{ spec: ChartSpec; rId: string }> = [];
    // The drawing's relationships first (its part is written below, once their ids are known).
    this.pkg.write(drawing, "");
    for (const spec of charts) {
      const chart = this.newPartName("xl/charts/chart", ".xml");
      this.pkg.write(chart, chartXml(s.name, spec));
      this.pkg.setOverride(chart, CT.chart);
      frames.push({ spec, rId: this.pkg.addRel(drawing, REL_TYPE.chart, chart) });
    }
    this.pkg.write(drawing, drawingXml(frames));
    this.pkg.setOverride(drawing, CT.drawing);
    return this.pkg.addRel(sheetPart, REL_TYPE.drawing, drawing);
  }

  private newPartName(prefix: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.pkg.has(`${prefix}${n}${ext}`)) return `${prefix}${n}${ext}`;
  }

  finish(): Buffer {
    for (const [s, d] of this.docs) this.pkg.write(this.worksheetPart(s), d.toXml());
    if (this.styles.changed()) this.pkg.write(this.stylesPart, this.styles.toXml());
    if (this.sheetsChanged) {
      this.wb.requestFullCalc();
      this.dropCalcChain();
    }
    this.pkg.write(this.wbPart, this.wb.toXml());
    syncAppProps(this.pkg, this.listedBefore, listedSheets(this.pkg, this.wbPart, this.wb));
    return this.pkg.toBuffer();
  }

  /**
   * The calculation chain lists the formula cells by sheet (§18.6): after cells are cleared or
   * sheets removed it names cells that hold no formula, which Excel reports as damage and repairs.
   * It is only an order of evaluation: without it, Excel recalculates fully on open (fullCalcOnLoad
   * is set anyway) and writes a new one.
   */
  private dropCalcChain(): void {
    for (const r of this.pkg.rels(this.wbPart))
      if (r.type === REL_TYPE.calcChain) {
        this.pkg.delete(r.target);
        this.pkg.removeRel(this.wbPart, r.id);
      }
  }
}

function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** "A1:V76" → "$A$1:$V$76". */
function absolute(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/**
 * `texts`: the parts a reader of the same bytes decoded already (readWorkbookBytes's `keep`);
 * `sheets`: what it read from them (its snapshot's sheets), whose merges are then not parsed again.
 */
export async function patchWorkbook(
  input: Buffer,
  plans: readonly EditPlan[],
  texts?: ReadonlyMap<string, string>,
  sheets?: readonly SheetSnapshot[],
): Promise<PatchResult> {
  const p = new Patcher(input, texts, sheets);
  for (const plan of plans) p.apply(plan);
  const bytes = p.finish();
  return { bytes, problems: p.problems, chartsSkipped: p.chartsSkipped, cellsWritten: p.cellsWritten };
}
