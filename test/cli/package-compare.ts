/**
 * Comparisons of an OOXML package before and after `run`, part by part and element by element.
 * Each function returns the differences it finds as sentences (empty: kept), so that a failing
 * test names what was lost.
 */
import JSZip from "jszip";
import type { CellRange } from "../../src/core/model/snapshot";
import { parseRangeA1, rangeToA1 } from "../../src/core/grid/address";
import {
  attributesOf,
  childElements,
  contentOf,
  localName,
  rootElement,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
  type XmlElement,
} from "../../scripts/fixtures/features/ooxml";

/** Every zip entry's decompressed bytes, by name (folder entries left out). */
export async function readParts(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** Names of the parts of `a` that `b` lacks or holds different bytes of. */
export function changedParts(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [name, bytes] of a) {
    const other = b.get(name);
    if (!other) out.push(`${name} (missing)`);
    else if (!other.equals(bytes)) out.push(name);
  }
  for (const name of b.keys()) if (!a.has(name)) out.push(`${name} (new)`);
  return out.sort();
}

function attrs(el: XmlElement | string): Record<string, string> {
  return Object.fromEntries(attributesOf(typeof el === "string" ? el : el.text));
}

/** Attributes of `before` missing from `after` or changed there (names in `except` may change). */
function lostAttributes(before: string, after: string, except: string[] = []): string[] {
  const a = attrs(before);
  const b = attrs(after);
  return Object.entries(a)
    .filter(([k, v]) => !except.includes(k) && b[k] !== v)
    .map(([k, v]) => `${k}="${v}" became ${b[k] === undefined ? "absent" : `"${b[k]}"`}`);
}

function startTag(el: XmlElement): string {
  return el.text.slice(0, el.text.indexOf(">") + 1);
}

/** The rank of a top-level element in the schema's order (mc:AlternateContent ranks as what it wraps). */
function rank(xml: string, el: XmlElement, order: string[]): number {
  let name = localName(el.name);
  if (name === "AlternateContent") {
    const choice = contentOf(xml, el)[0];
    const inner = choice ? contentOf(xml, choice)[0] : undefined;
    name = inner ? localName(inner.name) : "extLst";
  }
  return order.indexOf(name);
}

/** Top-level elements out of the schema's order, or unknown to it. */
export function orderProblems(xml: string, order: string[]): string[] {
  const out: string[] = [];
  let last = -1;
  for (const el of childElements(xml)) {
    const r = rank(xml, el, order);
    if (r < 0) out.push(`${el.name} is not in the schema`);
    else if (r < last) out.push(`${el.name} is out of the schema's order`);
    last = Math.max(last, r);
  }
  return out;
}

/** The top-level elements not in `free`, as written. */
function fixedChildren(xml: string, free: Set<string>): string[] {
  return childElements(xml)
    .filter((k) => !free.has(k.name))
    .map((k) => k.text);
}

function sameSequence(what: string, before: string[], after: string[]): string[] {
  if (before.length === after.length && before.every((t, i) => t === after[i])) return [];
  const lost = before
    .filter((t) => !after.includes(t))
    .map((t) => `${what}: lost or changed ${t.slice(0, 160)}`);
  const added = after.filter((t) => !before.includes(t)).map((t) => `${what}: added ${t.slice(0, 160)}`);
  return lost.length || added.length ? [...lost, ...added] : [`${what}: reordered`];
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/** Cells of a part's sheetData by reference, with their rows' start tags. */
function cellsOf(xml: string): { cells: Map<string, string>; rows: Map<number, string> } {
  const cells = new Map<string, string>();
  const rows = new Map<number, string>();
  const sheetData = childElements(xml).find((k) => k.name === "sheetData");
  if (!sheetData) return { cells, rows };
  for (const row of contentOf(xml, sheetData)) {
    rows.set(Number(attrs(row).r), startTag(row));
    for (const c of contentOf(xml, row)) cells.set(attrs(c).r, c.text);
  }
  return { cells, rows };
}

function cellInside(ref: string, areas: CellRange[]): boolean {
  return rangeInside(ref, areas);
}

/** A range ("A1:B2", "A1", or several space-separated) lies wholly inside the areas. */
function rangeInside(sqref: string, areas: CellRange[]): boolean {
  return sqref.split(/\s+/).every((one) => {
    const r = parseRangeA1(one);
    return areas.some(
      (a) => r.top >= a.top && r.left >= a.left && r.bottom <= a.bottom && r.right <= a.right,
    );
  });
}

/** Children of the first top-level element of that name (none if it is absent). */
function childrenOf(xml: string, name: string): XmlElement[] {
  return childElements(xml)
    .filter((k) => k.name === name)
    .flatMap((k) => contentOf(xml, k));
}

/**
 * Children of a list element (mergeCells, hyperlinks, dataValidations) or repeated elements
 * (conditionalFormatting): every one of `before` outside our areas is in `after` as it was, and
 * every one `after` adds lies inside our areas.
 */
function keptItems(
  what: string,
  before: XmlElement[],
  after: XmlElement[],
  areas: CellRange[],
  key: string,
): string[] {
  const out: string[] = [];
  const afterTexts = new Set(after.map((k) => k.text));
  const beforeTexts = new Set(before.map((k) => k.text));
  for (const el of before) {
    const ref = attrs(el)[key];
    if (ref && rangeInside(ref, areas)) continue;
    if (!afterTexts.has(el.text)) out.push(`${what}: lost or changed ${el.text.slice(0, 200)}`);
  }
  for (const el of after) {
    const ref = attrs(el)[key];
    if (beforeTexts.has(el.text)) continue;
    if (!ref || !rangeInside(ref, areas))
      out.push(`${what}: added outside our areas ${el.text.slice(0, 200)}`);
  }
  return out;
}

/** Column attributes per column (1-based) from <cols>, min/max left out. */
function columns(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const col of childrenOf(xml, "cols")) {
    const a = attrs(col);
    const rest = JSON.stringify(
      Object.entries(a)
        .filter(([k]) => k !== "min" && k !== "max")
        .sort(),
    );
    for (let c = Number(a.min); c <= Number(a.max); c++) out.set(c, rest);
  }
  return out;
}

/** Where a worksheet may change: its cells, merges, formats, links, dropdowns and columns of our areas. */
export interface OurAreas {
  ranges: CellRange[];
  /** 1-based columns whose width the plan sets. */
  columns: number[];
}

const WORKSHEET_FREE = new Set([
  "dimension",
  "sheetViews",
  "cols",
  "sheetData",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
]);

/**
 * What `after` lost of the worksheet `before`: outside the free elements every top-level element
 * is kept as written and in order; inside them, every cell, merge, format, link, dropdown and
 * column width outside our areas; the root's attributes and namespaces; the schema's order.
 */
export function worksheetLosses(before: string, after: string, areas: OurAreas): string[] {
  const out: string[] = [];
  out.push(
    ...lostAttributes(startTag(rootElement(before)), startTag(rootElement(after))).map(
      (s) => `worksheet root: ${s}`,
    ),
  );
  out.push(
    ...sameSequence(
      "top-level elements",
      fixedChildren(before, WORKSHEET_FREE),
      fixedChildren(after, WORKSHEET_FREE),
    ),
  );
  out.push(...orderProblems(after, WORKSHEET_ORDER));

  const b = cellsOf(before);
  const a = cellsOf(after);
  for (const [ref, text] of b.cells) {
    if (cellInside(ref, areas.ranges)) continue;
    if (a.cells.get(ref) !== text)
      out.push(`cell ${ref}: ${text.slice(0, 120)} became ${a.cells.get(ref)?.slice(0, 120) ?? "absent"}`);
  }
  for (const ref of a.cells.keys())
    if (!b.cells.has(ref) && !cellInside(ref, areas.ranges)) out.push(`cell ${ref} added outside our areas`);
  for (const [r, tag] of b.rows) {
    const now = a.rows.get(r);
    if (!now) out.push(`row ${r} lost`);
    else out.push(...lostAttributes(tag, now, ["spans"]).map((s) => `row ${r}: ${s}`));
  }

  out.push(
    ...keptItems(
      "mergeCells",
      childrenOf(before, "mergeCells"),
      childrenOf(after, "mergeCells"),
      areas.ranges,
      "ref",
    ),
  );
  const cf = (xml: string) => childElements(xml).filter((k) => k.name === "conditionalFormatting");
  out.push(...keptItems("conditionalFormatting", cf(before), cf(after), areas.ranges, "sqref"));
  out.push(
    ...keptItems(
      "hyperlinks",
      childrenOf(before, "hyperlinks"),
      childrenOf(after, "hyperlinks"),
      areas.ranges,
      "ref",
    ),
  );
  out.push(
    ...keptItems(
      "dataValidations",
      childrenOf(before, "dataValidations"),
      childrenOf(after, "dataValidations"),
      areas.ranges,
      "sqref",
    ),
  );

  const cb = columns(before);
  const ca = columns(after);
  for (const c of new Set([...cb.keys(), ...ca.keys()])) {
    if (areas.columns.includes(c)) continue;
    if (cb.get(c) !== ca.get(c))
      out.push(`column ${c}: ${cb.get(c) ?? "default"} became ${ca.get(c) ?? "default"}`);
  }

  const vb = childrenOf(before, "sheetViews");
  const va = childrenOf(after, "sheetViews");
  vb.forEach((v, i) => {
    const now = va[i];
    if (!now) return out.push(`sheetView ${i} lost`);
    out.push(
      ...lostAttributes(startTag(v), startTag(now), ["tabSelected"]).map((s) => `sheetView ${i}: ${s}`),
    );
    const kids = (xml: string, el: XmlElement) => contentOf(xml, el).map((k) => k.text);
    out.push(...sameSequence(`sheetView ${i}`, kids(before, v), kids(after, now)));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, content types, styles, shared strings

/** Sheets of a workbook part in order, by name, with their start tags. */
function sheetEntries(xml: string): Array<{ name: string; tag: string }> {
  return childrenOf(xml, "sheets").map((s) => ({ name: attrs(s).name, tag: s.text }));
}

const WORKBOOK_FREE = new Set(["bookViews", "sheets", "definedNames", "calcPr"]);

/**
 * What `after` lost of the workbook part: every top-level element but the free ones as written;
 * every sheet entry as written and in order; every defined name (a sheet-scoped one by its
 * sheet's name, so renumbered scopes still count); calculation settings but the recalculation
 * request; the views but the active tab.
 */
export function workbookLosses(before: string, after: string): string[] {
  const out: string[] = [];
  out.push(
    ...lostAttributes(startTag(rootElement(before)), startTag(rootElement(after))).map(
      (s) => `workbook root: ${s}`,
    ),
  );
  out.push(
    ...sameSequence(
      "top-level elements",
      fixedChildren(before, WORKBOOK_FREE),
      fixedChildren(after, WORKBOOK_FREE),
    ),
  );
  out.push(...orderProblems(after, WORKBOOK_ORDER));

  const sb = sheetEntries(before);
  const sa = sheetEntries(after);
  const kept = sa.filter((s) => sb.some((x) => x.name === s.name));
  sb.forEach((s, i) => {
    if (kept[i]?.name !== s.name) out.push(`sheet ${s.name}: lost or moved`);
    else if (kept[i].tag !== s.tag) out.push(`sheet ${s.name}: ${s.tag} became ${kept[i].tag}`);
  });

  const names = (xml: string, sheets: Array<{ name: string }>) =>
    childrenOf(xml, "definedNames").map((d) => {
      const a = attrs(d);
      const scope =
        a.localSheetId === undefined ? "" : (sheets[Number(a.localSheetId)]?.name ?? `#${a.localSheetId}`);
      const rest = Object.entries(a)
        .filter(([k]) => k !== "localSheetId")
        .sort();
      return JSON.stringify({ scope, rest, body: d.text.slice(d.text.indexOf(">") + 1) });
    });
  const nb = names(before, sb);
  const na = new Set(names(after, sa));
  for (const n of nb) if (!na.has(n)) out.push(`defined name lost or changed: ${n}`);

  const calc = (xml: string) => childElements(xml).find((k) => k.name === "calcPr");
  const cb = calc(before);
  const ca = calc(after);
  if (cb && !ca) out.push("calcPr lost");
  if (cb && ca)
    out.push(...lostAttributes(cb.text, ca.text, ["fullCalcOnLoad", "calcId"]).map((s) => `calcPr: ${s}`));

  const vb = childrenOf(before, "bookViews");
  const va = childrenOf(after, "bookViews");
  vb.forEach((v, i) => {
    if (!va[i]) out.push(`workbookView ${i} lost`);
    else
      out.push(
        ...lostAttributes(v.text, va[i].text, ["activeTab", "firstSheet"]).map(
          (s) => `workbookView ${i}: ${s}`,
        ),
      );
  });
  return out;
}

/** Relationships of `before` that `after` lacks or points elsewhere (ids are what parts refer to). */
export function relationshipLosses(before: string, after: string): string[] {
  const rel = (xml: string) =>
    childElements(xml).map((r) => {
      const a = attrs(r);
      return JSON.stringify([a.Id, a.Type, a.Target, a.TargetMode ?? ""]);
    });
  const a = new Set(rel(after));
  return rel(before)
    .filter((r) => !a.has(r))
    .map((r) => `relationship lost or changed: ${r}`);
}

/** Content types of `before` that `after` lacks or changed (an Override of a part kept in `after`). */
export function contentTypeLosses(before: string, after: string, partsAfter: Set<string>): string[] {
  const entries = (xml: string) =>
    childElements(xml).map((el) => {
      const a = attrs(el);
      return {
        key: el.name === "Default" ? `Default ${a.Extension.toLowerCase()}` : `Override ${a.PartName}`,
        type: a.ContentType,
        part: a.PartName,
      };
    });
  const a = new Map(entries(after).map((e) => [e.key, e.type]));
  return entries(before)
    .filter((e) => !e.part || partsAfter.has(e.part.slice(1)))
    .filter((e) => a.get(e.key) !== e.type)
    .map((e) => `content type ${e.key} ${e.type} became ${a.get(e.key) ?? "absent"}`);
}

const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];

/**
 * What the styles part lost: the records of each list keep their positions (cells refer to them by
 * index), new ones come after; every other element as written.
 */
export function stylesLosses(before: string, after: string): string[] {
  const out: string[] = [];
  for (const list of STYLE_LISTS) {
    const b = childrenOf(before, list).map((k) => k.text);
    const a = childrenOf(after, list).map((k) => k.text);
    b.forEach((t, i) => {
      if (a[i] !== t) out.push(`${list}[${i}]: ${t.slice(0, 160)} became ${a[i]?.slice(0, 160) ?? "absent"}`);
    });
  }
  const free = new Set(STYLE_LISTS);
  out.push(
    ...sameSequence("styles top-level elements", fixedChildren(before, free), fixedChildren(after, free)),
  );
  return out;
}

/** What the shared strings lost: every string keeps its index and its text, runs and furigana. */
export function sharedStringsLosses(before: string, after: string): string[] {
  const b = childElements(before).map((k) => k.text);
  const a = childElements(after).map((k) => k.text);
  return b.flatMap((t, i) =>
    a[i] === t ? [] : [`shared string ${i}: ${t.slice(0, 160)} became ${a[i]?.slice(0, 160) ?? "absent"}`],
  );
}

export function rangesToA1(ranges: CellRange[]): string {
  return ranges.map(rangeToA1).join(" ");
}
