/**
 * styles.xml kept as it is, with our records appended: every existing number format, font, fill,
 * border, cell format (xf) and differential format (dxf) keeps its index, so every cell of the
 * workbook keeps its look. A record we need that is already there, written exactly as we write it
 * (by an earlier run), is reused: a second run appends nothing.
 */
import type { CellFormat } from "../../core";
import {
  attr,
  attributes,
  childElements,
  localName,
  rootElement,
  setAttr,
  escapeAttr,
  type XmlElement,
} from "./xml";

/** CT_Stylesheet's sequence (ECMA-376 Part 1 §18.8.39). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const LISTS: ListName[] = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"];

/** Built-in number formats (§18.8.30) by code, as Excel numbers them without writing them. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  "m/d/yy h:mm": 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00;(#,##0.00)": 39,
  "#,##0.00;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

export interface FontInfo {
  name?: string;
  size?: number;
}

class RecordList {
  /** Records' exact text → index, for reuse. */
  readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(
    readonly name: ListName,
    readonly el: XmlElement | null,
    readonly records: string[],
  ) {
    records.forEach((r, i) => {
      if (!this.index.has(r)) this.index.set(r, i);
    });
  }
  get count(): number {
    return this.records.length + this.added.length;
  }
  intern(record: string): number {
    const i = this.index.get(record);
    if (i !== undefined) return i;
    const n = this.count;
    this.added.push(record);
    this.index.set(record, n);
    return n;
  }
}

export class StyleBook {
  private readonly lists = new Map<ListName, RecordList>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly fontOf: FontInfo[] = [];
  private readonly xfFont: number[] = [];
  private readonly cache = new Map<CellFormat, Map<string, number>>();
  private readonly dxfCache = new Map<CellFormat, number>();
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    const root = rootElement(xml);
    const i = root.name.indexOf(":");
    this.prefix = i < 0 ? "" : root.name.slice(0, i + 1);
    const kids = childElements(xml, root.openEnd, root.closeStart);
    for (const name of LISTS) {
      const el = kids.find((k) => localName(k.name) === name) ?? null;
      const records = el
        ? childElements(xml, el.openEnd, el.closeStart).map((r) => xml.slice(r.start, r.end))
        : [];
      this.lists.set(name, new RecordList(name, el, records));
    }
    for (const r of this.list("numFmts").records) {
      const id = Number(attr(r, "numFmtId"));
      const code = attr(r, "formatCode");
      if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
    for (const f of this.list("fonts").records) this.fontOf.push(fontInfo(f));
    for (const x of this.list("cellXfs").records) this.xfFont.push(Number(attr(x, "fontId") ?? 0));
    if (this.list("cellXfs").records.length === 0) throw new Error("styles.xml has no cell formats");
  }

  private list(name: ListName): RecordList {
    return this.lists.get(name) as RecordList;
  }

  /** The font of a cell format index (the workbook's default font for an unknown one). */
  fontOfXf(xf: number): FontInfo {
    return this.fontOf[this.xfFont[xf] ?? 0] ?? this.fontOf[0] ?? {};
  }

  /** The cell format index for a plan format; the cell's own font fills what the plan leaves open. */
  xf(f: CellFormat, own: FontInfo): number {
    const key = `${own.name ?? ""}\u0000${own.size ?? ""}`;
    let m = this.cache.get(f);
    if (!m) this.cache.set(f, (m = new Map()));
    let id = m.get(key);
    if (id === undefined) m.set(key, (id = this.buildXf(f, own)));
    return id;
  }

  private buildXf(f: CellFormat, own: FontInfo): number {
    const p = this.prefix;
    const numFmtId = f.numberFormat ? this.numFmt(f.numberFormat) : 0;
    const base = this.fontOf[0] ?? {};
    const name = f.fontName ?? own.name ?? base.name;
    const size = f.fontSize ?? own.size ?? base.size;
    let font = `<${p}font>`;
    if (f.bold) font += `<${p}b/>`;
    if (f.italic) font += `<${p}i/>`;
    if (size !== undefined) font += `<${p}sz val="${size}"/>`;
    if (f.fontColor) font += `<${p}color rgb="${argb(f.fontColor)}"/>`;
    if (name) font += `<${p}name val="${escapeAttr(name)}"/>`;
    font += `</${p}font>`;
    const fontId = this.list("fonts").intern(font);
    if (fontId === this.fontOf.length) this.fontOf.push({ name, size });
    const fillId = f.fill
      ? this.list("fills").intern(
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(f.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;
    const borderId =
      f.border === "thin"
        ? this.list("borders").intern(
            `<${p}border>${["left", "right", "top", "bottom"].map((s) => `<${p}${s} style="thin"><${p}color rgb="FFC8C6C4"/></${p}${s}>`).join("")}<${p}diagonal/></${p}border>`,
          )
        : 0;
    let align = "";
    if (f.hAlign) align += ` horizontal="${f.hAlign}"`;
    if (f.vAlign) align += ` vertical="${f.vAlign === "middle" ? "center" : f.vAlign}"`;
    if (f.wrap !== undefined) align += ` wrapText="${f.wrap ? 1 : 0}"`;
    let xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xf += ` applyNumberFormat="1"`;
    xf += ` applyFont="1"`;
    if (fillId) xf += ` applyFill="1"`;
    if (borderId) xf += ` applyBorder="1"`;
    xf += align ? ` applyAlignment="1"><${p}alignment${align}/></${p}xf>` : "/>";
    const id = this.list("cellXfs").intern(xf);
    if (id === this.xfFont.length) this.xfFont.push(fontId);
    return id;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.list("numFmts").intern(
        `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`,
      );
    }
    return id;
  }

  /** A differential format (conditional formats' look): fill in bgColor, as Excel writes it. */
  dxf(f: CellFormat): number {
    let id = this.dxfCache.get(f);
    if (id !== undefined) return id;
    const p = this.prefix;
    let d = `<${p}dxf>`;
    if (f.bold || f.fontColor) {
      d += `<${p}font>`;
      if (f.bold) d += `<${p}b/>`;
      if (f.fontColor) d += `<${p}color rgb="${argb(f.fontColor)}"/>`;
      d += `</${p}font>`;
    }
    if (f.fill)
      d += `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(f.fill)}"/></${p}patternFill></${p}fill>`;
    d += `</${p}dxf>`;
    id = this.list("dxfs").intern(d);
    this.dxfCache.set(f, id);
    return id;
  }

  changed(): boolean {
    return LISTS.some((n) => this.list(n).added.length > 0);
  }

  /** styles.xml with the added records at the end of their lists, counts updated. */
  toXml(): string {
    const xml = this.xml;
    if (!this.changed()) return xml;
    const root = rootElement(xml);
    const kids = childElements(xml, root.openEnd, root.closeStart);
    const p = this.prefix;
    // Edits from the end backwards, so that earlier offsets stay valid.
    const edits: Array<{ at: number; end: number; text: string }> = [];
    for (const name of LISTS) {
      const l = this.list(name);
      if (!l.added.length) continue;
      const add = l.added.join("");
      if (l.el) {
        const open = setAttr(xml.slice(l.el.start, l.el.openEnd), "count", String(l.count));
        if (l.el.selfClosing) {
          edits.push({ at: l.el.start, end: l.el.end, text: `${open.slice(0, -2)}>${add}</${p}${name}>` });
        } else {
          edits.push({ at: l.el.start, end: l.el.openEnd, text: open });
          edits.push({ at: l.el.closeStart, end: l.el.closeStart, text: add });
        }
      } else {
        const at = insertionPoint(kids, name, ORDER, root.closeStart);
        edits.push({ at, end: at, text: `<${p}${name} count="${l.count}">${add}</${p}${name}>` });
      }
    }
    return applyEdits(xml, edits);
  }
}

/** Where a new child `name` goes: before the first child that comes after it in `order`. */
export function insertionPoint(kids: XmlElement[], name: string, order: string[], end: number): number {
  const want = order.indexOf(name);
  for (const k of kids) {
    const o = order.indexOf(localName(k.name));
    if (o > want) return k.start;
  }
  return end;
}

/** Replacements [at, end) → text, applied in one pass (they must not overlap). */
export function applyEdits(xml: string, edits: Array<{ at: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.end - b.end);
  const out: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    out.push(xml.slice(pos, e.at), e.text);
    pos = e.end;
  }
  out.push(xml.slice(pos));
  return out.join("");
}

function fontInfo(font: string): FontInfo {
  const out: FontInfo = {};
  const name = /<(?:\w+:)?name\b[^>]*>/.exec(font);
  if (name) out.name = attributes(name[0]).get("val");
  const sz = /<(?:\w+:)?sz\b[^>]*>/.exec(font);
  if (sz) {
    const v = Number(attributes(sz[0]).get("val"));
    if (Number.isFinite(v)) out.size = v;
  }
  return out;
}

export function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}
