/**
 * A worksheet part patched in place: the elements a plan changes (cells, merges, conditional
 * formats, hyperlinks, columns, row heights, tab colour, selection) are rewritten or inserted at
 * their place in CT_Worksheet's sequence (ECMA-376 Part 1 §18.3.1.99); every other element, attribute
 * and namespace declaration is copied from the source text.
 */
import { type CellRange, parseRangeA1, rangeToA1 } from "../../core";
import { applyEdits, insertionPoint } from "./styles";
import { PatchRefusal, SheetData } from "./sheet-data";
import {
  attr,
  attributes,
  childElements,
  escapeAttr,
  localName,
  rootElement,
  setAttr,
  type XmlElement,
} from "./xml";
import { xstringLiteral } from "./xstring";

export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

interface Kid extends XmlElement {
  /** The name its place in the sequence is taken from (the content of mc:AlternateContent). */
  key: string;
}

interface ColSpec {
  min: number;
  max: number;
  tag: string;
}

export class Worksheet {
  readonly data: SheetData;
  private readonly kids: Kid[];
  private readonly root: XmlElement;
  private merges: string[] | null = null;
  private mergeRanges: Array<CellRange | null> | null = null;
  private removedCf = new Set<Kid>();
  private readonly newCf: string[] = [];
  private hyperlinks: string[] | null = null;
  private cols: ColSpec[] | null = null;
  private tabColor: string | null = null;
  private tabSelected: boolean | null = null;
  /** Relationship ids of hyperlinks removed with the cells they were on. */
  readonly droppedRelIds: string[] = [];

  /** Merges added while the element's children are not split out (see merge). */
  private readonly addedMerges: CellRange[] = [];

  /**
   * `readMerges`: the sheet's merges as a reader of this same text found them, if one did; a
   * merge is then checked against them, and the element's children are split out only when one
   * must be removed.
   */
  constructor(
    private readonly xml: string,
    private readonly readMerges?: readonly CellRange[],
  ) {
    this.root = rootElement(xml);
    if (this.root.name !== "worksheet") throw new PatchRefusal(`a worksheet written as <${this.root.name}>`);
    this.kids = childElements(xml, this.root.openEnd, this.root.closeStart).map((k) => ({
      ...k,
      key: keyOf(xml, k),
    }));
    const sd = this.kid("sheetData");
    this.data = new SheetData(sd && !sd.selfClosing ? xml.slice(sd.openEnd, sd.closeStart) : "");
  }

  private kid(name: string): Kid | undefined {
    return this.kids.find((k) => k.name === name);
  }

  private text(k: XmlElement): string {
    return this.xml.slice(k.start, k.end);
  }

  private childTexts(k: Kid | undefined): string[] {
    if (!k || k.selfClosing) return [];
    return childElements(this.xml, k.openEnd, k.closeStart).map((c) => this.xml.slice(c.start, c.end));
  }

  // ---- merges ----

  private mergeList(): string[] {
    if (!this.merges) {
      this.merges = this.childTexts(this.kid("mergeCells"));
      for (const r of this.addedMerges.splice(0)) this.merges.push(mergeCellXml(r));
    }
    return this.merges;
  }

  /** Unmerges the merged areas lying inside any of the ranges. */
  unmergeInside(ranges: readonly CellRange[]): void {
    if (!ranges.length || !this.kid("mergeCells")) return;
    this.merges = this.mergeList().filter((m) => !refInside(attr(m, "ref"), ranges));
    this.mergeRanges = null;
  }

  /** Merges a range; the problem in words when it overlaps a merged area. */
  merge(r: CellRange): string | null {
    if (!this.merges && this.readMerges) {
      for (const m of [...this.readMerges, ...this.addedMerges])
        if (overlaps(m, r)) return `overlaps the merged area ${rangeToA1(m)}`;
      this.addedMerges.push(r);
      return null;
    }
    const list = this.mergeList();
    if (!this.mergeRanges || this.mergeRanges.length !== list.length)
      this.mergeRanges = list.map((m) => safeRange(attr(m, "ref") ?? ""));
    for (let i = 0; i < list.length; i++)
      if (overlaps(this.mergeRanges[i], r)) return `overlaps the merged area ${attr(list[i], "ref")}`;
    list.push(mergeCellXml(r));
    this.mergeRanges.push(r);
    return null;
  }

  // ---- conditional formats ----

  removeCfInside(ranges: readonly CellRange[]): void {
    if (!ranges.length) return;
    for (const k of this.kids)
      if (k.name === "conditionalFormatting" && refInside(attr(this.text(k), "sqref"), ranges))
        this.removedCf.add(k);
  }

  /** The highest rule priority among the sheet's rules (2010 extension rules too), removed ones aside. */
  maxPriority(): number {
    let max = 0;
    const scan = (s: string) => {
      for (const m of s.matchAll(/\spriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
    };
    for (const k of this.kids) {
      if (this.removedCf.has(k)) continue;
      if (k.name === "conditionalFormatting" || k.name === "extLst") scan(this.text(k));
    }
    for (const c of this.newCf) scan(c);
    return max;
  }

  addCf(xml: string): void {
    this.newCf.push(xml);
  }

  // ---- hyperlinks ----

  private linkList(): string[] {
    return (this.hyperlinks ??= this.childTexts(this.kid("hyperlinks")));
  }

  removeLinksInside(ranges: readonly CellRange[]): void {
    if (!ranges.length || !this.kid("hyperlinks")) return;
    this.hyperlinks = this.linkList().filter((h) => {
      if (!refInside(attr(h, "ref"), ranges)) return true;
      const id = [...(h.match(/\s([\w.-]+:id)="([^"]*)"/) ?? [])][2];
      if (id) this.droppedRelIds.push(id);
      return false;
    });
  }

  /** An internal link: Excel's own form (location, no relationship; §18.3.1.47). */
  addInternalLink(ref: string, location: string, display: string): void {
    const list = this.linkList().filter((h) => attr(h, "ref") !== ref);
    list.push(
      `<hyperlink ref="${ref}" location="${escapeAttr(location)}" display="${escapeAttr(xstringLiteral(display))}"/>`,
    );
    this.hyperlinks = list;
  }

  // ---- columns ----

  private colList(): ColSpec[] {
    if (!this.cols)
      this.cols = this.childTexts(this.kid("cols")).map((tag) => ({
        min: Number(attr(tag, "min")),
        max: Number(attr(tag, "max")),
        tag,
      }));
    return this.cols;
  }

  /** Sets attributes of one column (0-based), splitting a <col> that covers more columns. */
  setColumn(col: number, attrs: Record<string, string | null>): void {
    const n = col + 1;
    const list = this.colList();
    let i = list.findIndex((c) => c.min <= n && c.max >= n);
    if (i < 0) {
      i = list.findIndex((c) => c.min > n);
      if (i < 0) i = list.length;
      list.splice(i, 0, { min: n, max: n, tag: `<col min="${n}" max="${n}"/>` });
    } else if (list[i].min !== n || list[i].max !== n) {
      const c = list[i];
      const piece = (min: number, max: number) => ({
        min,
        max,
        tag: setAttr(setAttr(c.tag, "min", String(min)), "max", String(max)),
      });
      const parts = [];
      if (c.min < n) parts.push(piece(c.min, n - 1));
      parts.push(piece(n, n));
      if (c.max > n) parts.push(piece(n + 1, c.max));
      list.splice(i, 1, ...parts);
      i = list.findIndex((x) => x.min === n);
    }
    let tag = list[i].tag;
    for (const [k, v] of Object.entries(attrs)) tag = setAttr(tag, k, v);
    list[i].tag = tag;
  }

  /** Back to the sheet's standard width (undo): the column's own width goes, its other attributes stay. */
  clearColumnWidth(col: number): void {
    const n = col + 1;
    if (!this.colList().some((c) => c.min <= n && c.max >= n && attr(c.tag, "width") !== undefined)) return;
    this.setColumn(col, { width: null, customWidth: null });
    // A <col> left with only its span says nothing: it goes, as if it had never been written.
    const list = this.colList();
    const i = list.findIndex((c) => c.min === n && c.max === n);
    if (i >= 0 && [...attributes(list[i].tag).keys()].every((k) => k === "min" || k === "max"))
      list.splice(i, 1);
  }

  setTabColor(rgb: string): void {
    this.tabColor = rgb;
  }

  setTabSelected(on: boolean): void {
    this.tabSelected = on;
  }

  /** The part's new text. */
  toXml(): string {
    const xml = this.xml;
    const edits: Array<{ at: number; end: number; text: string }> = [];
    const replace = (name: string, text: string | null) => {
      const k = this.kid(name);
      if (k) edits.push({ at: k.start, end: k.end, text: text ?? "" });
      else if (text) {
        const at = insertionPoint(
          this.kids.map((x) => ({ ...x, name: x.key })),
          name,
          WORKSHEET_ORDER,
          this.root.closeStart,
        );
        edits.push({ at, end: at, text });
      }
    };
    // Pushed in the sequence's order: edits inserting at one point keep it.
    if (this.tabColor) this.sheetPr(edits);
    this.dimension(replace);
    if (this.tabSelected !== null) this.selectTab(edits);
    const sd = this.kid("sheetData");
    const rows = this.data.toXml();
    if (sd && !sd.selfClosing) edits.push({ at: sd.openEnd, end: sd.closeStart, text: rows });
    if (this.cols)
      replace("cols", this.cols.length ? `<cols>${this.cols.map((c) => c.tag).join("")}</cols>` : null);
    if (!sd || sd.selfClosing) replace("sheetData", `<sheetData>${rows}</sheetData>`);
    if (this.merges)
      replace("mergeCells", this.merges.length ? this.listElement("mergeCells", this.merges) : null);
    else if (this.addedMerges.length) this.appendMerges(replace);
    for (const k of this.removedCf) edits.push({ at: k.start, end: k.end, text: "" });
    if (this.newCf.length) {
      const cfs = this.kids.filter((k) => k.name === "conditionalFormatting");
      const at = cfs.length
        ? cfs[cfs.length - 1].end
        : insertionPoint(
            this.kids.map((x) => ({ ...x, name: x.key })),
            "conditionalFormatting",
            WORKSHEET_ORDER,
            this.root.closeStart,
          );
      edits.push({ at, end: at, text: this.newCf.join("") });
    }
    if (this.hyperlinks)
      replace(
        "hyperlinks",
        this.hyperlinks.length
          ? `${this.openOf("hyperlinks", "<hyperlinks>")}${this.hyperlinks.join("")}</hyperlinks>`
          : null,
      );
    return applyEdits(xml, edits);
  }

  /** The merges added to the element as it is: its children kept as written, its count updated. */
  private appendMerges(replace: (name: string, text: string | null) => void): void {
    const k = this.kid("mergeCells");
    const kept = k && !k.selfClosing ? this.xml.slice(k.openEnd, k.closeStart) : "";
    const count = (kept.match(/<(?:[\w.-]+:)?mergeCell\b/g) ?? []).length + this.addedMerges.length;
    const open = setAttr(this.openOf("mergeCells", "<mergeCells>"), "count", String(count));
    replace("mergeCells", `${open}${kept}${this.addedMerges.map(mergeCellXml).join("")}</mergeCells>`);
  }

  private openOf(name: string, fallback: string): string {
    const k = this.kid(name);
    if (!k) return fallback;
    const open = this.xml.slice(k.start, k.openEnd);
    return k.selfClosing ? open.replace(/\/>$/, ">") : open;
  }

  private listElement(name: string, items: string[]): string {
    const open = setAttr(this.openOf(name, `<${name}>`), "count", String(items.length));
    return `${open}${items.join("")}</${name}>`;
  }

  private dimension(replace: (name: string, text: string | null) => void): void {
    const d = this.data;
    if (d.maxRow < 0) return;
    const k = this.kid("dimension");
    const old = k ? safeRange(attr(this.text(k), "ref") ?? "") : null;
    const r = {
      top: Math.min(d.minRow, old?.top ?? Infinity),
      left: Math.min(d.minCol, old?.left ?? Infinity),
      bottom: Math.max(d.maxRow, old?.bottom ?? -Infinity),
      right: Math.max(d.maxCol, old?.right ?? -Infinity),
    };
    const ref = rangeToA1(r);
    if (k) {
      const t = this.text(k);
      if (attr(t, "ref") !== ref) replace("dimension", setAttr(t, "ref", ref));
    } else replace("dimension", `<dimension ref="${ref}"/>`);
  }

  private sheetPr(edits: Array<{ at: number; end: number; text: string }>): void {
    const color = `<tabColor rgb="${this.tabColor}"/>`;
    const k = this.kid("sheetPr");
    if (!k) {
      const at = insertionPoint(this.kids, "sheetPr", WORKSHEET_ORDER, this.root.closeStart);
      edits.push({ at, end: at, text: `<sheetPr>${color}</sheetPr>` });
      return;
    }
    if (k.selfClosing) {
      edits.push({
        at: k.start,
        end: k.end,
        text: `${this.xml.slice(k.start, k.openEnd - 2)}>${color}</sheetPr>`,
      });
      return;
    }
    const old = childElements(this.xml, k.openEnd, k.closeStart).find((c) => c.name === "tabColor");
    if (old) edits.push({ at: old.start, end: old.end, text: color });
    else edits.push({ at: k.openEnd, end: k.openEnd, text: color });
  }

  private selectTab(edits: Array<{ at: number; end: number; text: string }>): void {
    const k = this.kid("sheetViews");
    const on = this.tabSelected as boolean;
    if (!k || k.selfClosing) {
      if (!on) return;
      const at = insertionPoint(this.kids, "sheetViews", WORKSHEET_ORDER, this.root.closeStart);
      edits.push({
        at,
        end: at,
        text: `<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>`,
      });
      return;
    }
    const view = childElements(this.xml, k.openEnd, k.closeStart).find((c) => c.name === "sheetView");
    if (!view) return;
    const open = this.xml.slice(view.start, view.openEnd);
    const cur = attr(open, "tabSelected");
    const isOn = cur === "1" || cur === "true";
    if (isOn === on) return;
    edits.push({ at: view.start, end: view.openEnd, text: setAttr(open, "tabSelected", on ? "1" : null) });
  }
}

function mergeCellXml(r: CellRange): string {
  return `<mergeCell ref="${rangeToA1(r)}"/>`;
}

/** mc:AlternateContent takes its place from the element its first choice holds. */
function keyOf(xml: string, k: XmlElement): string {
  if (localName(k.name) !== "AlternateContent" || k.selfClosing) return k.name;
  const choice = childElements(xml, k.openEnd, k.closeStart)[0];
  if (!choice || choice.selfClosing) return k.name;
  const inner = childElements(xml, choice.openEnd, choice.closeStart)[0];
  return inner ? localName(inner.name) : k.name;
}

/** "B3:D7" or "B3" ("$" allowed) → a range, by a loop (merges are many); null for anything else. */
export function safeRange(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = cellRef(ref, 0, colon < 0 ? ref.length : colon);
  if (!a) return fallback(ref);
  const b = colon < 0 ? a : cellRef(ref, colon + 1, ref.length);
  if (!b) return fallback(ref);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function cellRef(s: string, from: number, to: number): { row: number; col: number } | null {
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  let col = 0;
  const c0 = i;
  for (let c = s.charCodeAt(i); c >= 65 && c <= 90; c = s.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === c0 || i - c0 > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  let row = 0;
  const r0 = i;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (i === r0 || i !== to || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

function fallback(ref: string): CellRange | null {
  try {
    return parseRangeA1(ref);
  } catch {
    return null;
  }
}

function overlaps(a: CellRange | null, b: CellRange): boolean {
  return !!a && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Whether every area of a (space-separated) reference lies inside one of the ranges. */
export function refInside(ref: string | undefined, ranges: readonly CellRange[]): boolean {
  if (!ref) return false;
  const parts = ref.split(/\s+/).filter(Boolean);
  return (
    parts.length > 0 &&
    parts.every((p) => {
      const r = safeRange(p);
      return (
        !!r &&
        ranges.some((o) => r.top >= o.top && r.bottom <= o.bottom && r.left >= o.left && r.right <= o.right)
      );
    })
  );
}
