/**
 * docProps/app.xml's list of sheets (extended properties, ECMA-376 Part 1 §22.2, HeadingPairs and
 * TitlesOfParts), kept in step when the patch adds or removes worksheets. HeadingPairs
 * holds (heading, count) pairs — "Worksheets" or, from a Japanese Excel, "ワークシート"; "Named
 * Ranges"/"名前付き一覧"; "Charts" — and TitlesOfParts the titles of each heading in the same order.
 * The worksheet group is recognised by its titles, not by its heading (whose words depend on
 * Excel's language): it must list the input's worksheets exactly, all of them in tab order as Excel
 * writes them, or all but the very hidden ones. Only that group's count and titles change and the
 * two vectors' sizes; named ranges, charts and everything else stay as written. Where the part is
 * missing, unreadable, stale (its list is not the input's sheets) or shaped otherwise, it is left
 * byte for byte: it is informational, and Excel rewrites it whenever it saves.
 */
import { REL_TYPE, type Package } from "./package";
import { applyEdits } from "./styles";
import type { WorkbookXml } from "./workbook";
import { attr, decode, escapeText, setAttr } from "./xml";

export interface ListedSheet {
  name: string;
  veryHidden: boolean;
}

const EXTENDED_PROPERTIES = /\/extended-properties$/;

/** The workbook's worksheets in tab order (chart and dialog sheets are listed under other headings). */
export function listedSheets(pkg: Package, wbPart: string, wb: WorkbookXml): ListedSheet[] {
  const rels = pkg.rels(wbPart);
  return wb.sheets
    .filter((s) => rels.find((r) => r.id === s.rId)?.type === REL_TYPE.worksheet)
    .map((s) => ({ name: s.name, veryHidden: attr(s.tag, "state") === "veryHidden" }));
}

/** Writes app.xml's worksheet titles anew when the worksheets changed and the part can be read safely. */
export function syncAppProps(pkg: Package, before: ListedSheet[], after: ListedSheet[]): void {
  const same = (a: ListedSheet[], b: ListedSheet[]) =>
    a.length === b.length && a.every((s, i) => s.name === b[i].name && s.veryHidden === b[i].veryHidden);
  if (same(before, after)) return;
  const rel = pkg.rels("").find((r) => EXTENDED_PROPERTIES.test(r.type) && !r.external);
  if (!rel || !pkg.has(rel.target)) return;
  let xml: string;
  try {
    xml = pkg.read(rel.target);
  } catch {
    return; // UTF-16 or damaged: not ours to rewrite
  }
  const updated = updatedAppXml(xml, before, after);
  if (updated !== null) pkg.write(rel.target, updated);
}

interface Vector {
  /** Offsets in the part: the vector's start tag, and its content. */
  tagStart: number;
  tag: string;
  contentStart: number;
  contentEnd: number;
}

interface Item {
  start: number;
  end: number;
  /** The element's name with its prefix ("vt:lpstr"), and its decoded text. */
  element: string;
  text: string;
}

/** The single <vector> inside the single <name> element, or null. */
function vectorIn(xml: string, name: string): Vector | null {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${name}>`, "g");
  const found = [...xml.matchAll(open)];
  if (found.length !== 1) return null;
  const prefix = found[0][1];
  const from = found[0].index! + found[0][0].length;
  const close = xml.indexOf(`</${prefix}${name}>`, from);
  if (close < 0) return null;
  const m = /^\s*<((?:[\w.-]+:)?)vector\b[^>]*>/.exec(xml.slice(from, close));
  if (!m || m[0].endsWith("/>")) return null;
  const tagStart = from + m[0].indexOf("<");
  const contentStart = from + m[0].length;
  const end = xml.lastIndexOf(`</${m[1]}vector>`, close);
  if (end < contentStart || xml.slice(end + `</${m[1]}vector>`.length, close).trim() !== "") return null;
  return { tagStart, tag: xml.slice(tagStart, contentStart), contentStart, contentEnd: end };
}

/** The simple elements of `from..to`, which must hold nothing else but whitespace; null otherwise. */
function items(xml: string, from: number, to: number, pattern: RegExp): Item[] | null {
  const out: Item[] = [];
  let at = from;
  const re = new RegExp(pattern.source, "y");
  for (;;) {
    while (at < to && /\s/.test(xml[at])) at++;
    if (at >= to) return out;
    re.lastIndex = at;
    const m = re.exec(xml);
    if (!m || m.index + m[0].length > to) return null;
    out.push({ start: at, end: at + m[0].length, element: m[1] ?? m[3], text: decode(m[2] ?? "") });
    at += m[0].length;
  }
}

const STRING = /<((?:[\w.-]+:)?(?:lpstr|lpwstr|bstr))>([^<]*)<\/\1>|<((?:[\w.-]+:)?(?:lpstr|lpwstr|bstr))\/>/;
const VARIANT =
  /<((?:[\w.-]+:)?variant)>\s*(<(?:[\w.-]+:)?(?:lpstr|lpwstr|bstr|i4|i2|int|ui4)>[^<]*<\/[^>]+>)\s*<\/\1>/;

/** The part with the worksheet group's titles replaced by `after`'s; null when unchanged or unsafe. */
export function updatedAppXml(xml: string, before: ListedSheet[], after: ListedSheet[]): string | null {
  const heads = vectorIn(xml, "HeadingPairs");
  const titles = vectorIn(xml, "TitlesOfParts");
  if (!heads || !titles) return null;
  const variants = items(xml, heads.contentStart, heads.contentEnd, VARIANT);
  const parts = items(xml, titles.contentStart, titles.contentEnd, STRING);
  if (!variants || !parts || variants.length % 2 !== 0) return null;
  if (
    Number(attr(heads.tag, "size")) !== variants.length ||
    Number(attr(titles.tag, "size")) !== parts.length
  )
    return null;
  // (heading, count) pairs; each count a plain integer inside its variant.
  const groups: Array<{ count: number; countItem: Item; first: number }> = [];
  let first = 0;
  for (let i = 0; i < variants.length; i += 2) {
    const v = variants[i + 1];
    const inner = xml.slice(v.start, v.end);
    const m = /<((?:[\w.-]+:)?(?:i4|i2|int|ui4))>\s*(\d+)\s*<\/\1>/.exec(inner);
    if (!m || !/<(?:[\w.-]+:)?(?:lpstr|lpwstr|bstr)>/.test(xml.slice(variants[i].start, variants[i].end)))
      return null;
    groups.push({ count: Number(m[2]), countItem: v, first });
    first += Number(m[2]);
  }
  if (first !== parts.length) return null;

  // The group listing the input's worksheets: all of them (as Excel writes), else all but the very hidden.
  const rules: Array<(s: ListedSheet) => boolean> = [() => true, (s) => !s.veryHidden];
  for (const keep of rules) {
    const old = before.filter(keep).map((s) => s.name);
    if (old.length === 0) continue;
    const matching = groups.filter(
      (g) => g.count === old.length && old.every((n, i) => parts[g.first + i].text === n),
    );
    if (matching.length !== 1) continue;
    const g = matching[0];
    const names = after.filter(keep).map((s) => s.name);
    if (names.length === 0) return null;
    if (names.length === old.length && names.every((n, i) => n === old[i])) return null;
    return rewrite(xml, titles, parts, g, names);
  }
  return null;
}

function rewrite(
  xml: string,
  titles: Vector,
  parts: Item[],
  g: { count: number; countItem: Item; first: number },
  names: string[],
): string {
  const element = parts[g.first].element;
  // Titles written as the part writes them: its element, and the whitespace between two titles.
  const sep = parts.length > 1 ? xml.slice(parts[0].end, parts[1].start) : "";
  const fresh = names.map((n) => `<${element}>${escapeText(n)}</${element}>`);
  const list = [...parts.slice(0, g.first).map((p) => xml.slice(p.start, p.end)), ...fresh];
  list.push(...parts.slice(g.first + g.count).map((p) => xml.slice(p.start, p.end)));
  const lead = parts.length ? xml.slice(titles.contentStart, parts[0].start) : "";
  const trail = parts.length ? xml.slice(parts[parts.length - 1].end, titles.contentEnd) : "";
  const total = parts.length - g.count + names.length;
  return applyEdits(xml, [
    { at: titles.tagStart, end: titles.contentStart, text: setAttr(titles.tag, "size", String(total)) },
    { at: titles.contentStart, end: titles.contentEnd, text: lead + list.join(sep) + trail },
    {
      at: g.countItem.start,
      end: g.countItem.end,
      text: xml
        .slice(g.countItem.start, g.countItem.end)
        .replace(/(<(?:[\w.-]+:)?(?:i4|i2|int|ui4)>)\s*\d+\s*(<\/)/, `$1${names.length}$2`),
    },
  ]);
}
