/**
 * A fast scanner for the large parts (worksheets, shared strings), driving the same handlers as
 * parseXml (saxes). saxes checks every character against XML's grammar, which costs more than half
 * of `validate` on the 240-sheet bench workbook (docs/cli-reading.md); these parts are machine-written
 * and regular, so this scanner jumps from tag to tag with indexOf. It handles elements, attributes
 * (either quote), the five predefined entities and character references, CDATA sections, comments,
 * processing instructions, line-end and attribute-value normalisation (XML 1.0 §2.11, §3.3.3), and
 * checks that tags nest. Anything else (a DOCTYPE, another entity, a tag it cannot read) throws
 * NotScanned, and the part is read again from its start by saxes, which reads it or names what is
 * wrong. test/cli/read-scan.test.ts holds both to the same events on every fixture.
 */
/** A tag's attributes, read when asked for (the scanner builds no object for a tag nobody asks about). */
export interface Attrs {
  get(name: string): string | undefined;
  keys(): string[];
}

/** What a reader of a part does with its tags and text (both drivers call the same). */
export interface XmlHandlers {
  /** `attrs` may be read only during the call (the scanner reuses it for the next tag). */
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  /** Called for every element, self-closing ones too. */
  close?(name: string): void;
  text?(text: string): void;
  /**
   * The scanner only (saxes ignores them): elements in one fixed, common spelling, each read by a
   * sticky regular expression at its "<" in one step instead of as tags and text one by one.
   * `take` must do what the events of the match would have done. Tried in order; the first that
   * matches is taken.
   */
  shortcuts?: readonly Shortcut[];
}

export interface Shortcut {
  /** How the element's text starts ("<c "): only there is `re` tried. */
  tag: string;
  /** Sticky. Its match holds whole elements, or one start tag when `opens` is set. */
  re: RegExp;
  /** Whether `take` reads the match's groups; if not, the scanner only tests (no match is built). */
  groups: boolean;
  /** `m`: the match (null without groups); `at`: where it starts in `xml`. */
  take(m: RegExpExecArray | null, xml: string, at: number): void;
  /** The element a match leaves open (a start tag: its end tag comes later). */
  opens?: string;
}

/** The part after a prefix: "x:c" → "c". */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

export class NotScanned extends Error {}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(/&([^;&]*);|&/g, entity);
}

function entity(whole: string, body: string | undefined): string {
  if (body === undefined) throw new NotScanned();
  const named = NAMED[body];
  if (named !== undefined) return named;
  const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
  if (!m) throw new NotScanned();
  const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new NotScanned();
  return String.fromCodePoint(code);
}

/** Text: CR LF and lone CR read as LF (XML 1.0 §2.11), then references decoded. */
function textOf(raw: string): string {
  return decode(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

/** Attribute values: tabs and line ends read as spaces (§3.3.3), then references decoded. */
function attrOf(raw: string): string {
  if (raw.indexOf("<") >= 0) throw new NotScanned();
  return decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** Up to 64 attributes a tag: four offsets each. */
const spans = new Int32Array(256);

function sameName(xml: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (xml.charCodeAt(a0 + k) !== xml.charCodeAt(b0 + k)) return false;
  return true;
}

/** The current tag's attributes, over `spans`: valid only during the open handler (as documented). */
class TagAttrs implements Attrs {
  count = 0;
  constructor(private readonly xml: string) {}

  get(name: string): string | undefined {
    const { xml } = this;
    const len = name.length;
    for (let k = 0; k < this.count; k++) {
      const ns = spans[k * 4];
      if (spans[k * 4 + 1] - ns === len && xml.startsWith(name, ns))
        return attrOf(xml.slice(spans[k * 4 + 2], spans[k * 4 + 3]));
    }
    return undefined;
  }

  keys(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.xml.slice(spans[k * 4], spans[k * 4 + 1]));
    return out;
  }
}

/**
 * `skip`: a stretch of `xml` read already by the caller (whole elements, from a "<" to just after
 * a ">"): jumped over as if it were not there. A stretch the scan does not meet at a tag's start
 * (it was inside a comment, say) was not what the caller took it for: NotScanned.
 */
export function scanXml(xml: string, h: XmlHandlers, skip?: { from: number; to: number }): void {
  const n = xml.length;
  const skipFrom = skip ? skip.from : -1;
  let skipped = false;
  const tag = new TagAttrs(xml);
  const stack: string[] = [];
  const onText = h.text;
  const onClose = h.close;
  const shortcuts = h.shortcuts;
  let sawRoot = false;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const raw = xml.slice(i, end);
      // Outside the root only whitespace may stand; it is no character data, and not passed on.
      if (stack.length === 0) {
        if (!/^[ \t\r\n]*$/.test(raw)) throw new NotScanned();
      } else if (onText) onText(textOf(raw));
    }
    if (lt < 0) break;
    if (lt === skipFrom) {
      i = (skip as { to: number }).to;
      skipped = true;
      continue;
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47) {
      // </name>
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new NotScanned();
      let e = gt;
      while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
      const name = xml.slice(lt + 2, e);
      if (stack.pop() !== name) throw new NotScanned();
      if (onClose) onClose(localName(name));
      i = gt + 1;
      continue;
    }
    if (c1 === 63) {
      // <?xml ...?> and other processing instructions
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) throw new NotScanned();
      i = e + 2;
      continue;
    }
    if (c1 === 33) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) throw new NotScanned();
        i = e + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt) && stack.length > 0) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) throw new NotScanned();
        if (onText) onText(xml.slice(lt + 9, e).replace(/\r\n?/g, "\n"));
        i = e + 3;
        continue;
      }
      throw new NotScanned(); // a DOCTYPE (it may declare entities): saxes reads it
    }
    if (shortcuts && stack.length > 0) {
      let taken = -1;
      for (let k = 0; k < shortcuts.length && taken < 0; k++) {
        const s = shortcuts[k];
        if (!xml.startsWith(s.tag, lt)) continue;
        s.re.lastIndex = lt;
        let m: RegExpExecArray | null = null;
        if (s.groups ? (m = s.re.exec(xml)) === null : !s.re.test(xml)) continue;
        taken = s.re.lastIndex;
        s.take(m, xml, lt);
        if (s.opens) stack.push(s.opens);
      }
      if (taken >= 0) {
        i = taken;
        continue;
      }
    }
    // <name attr="value" ...> or <name .../>
    let j = lt + 1;
    while (j < n) {
      const c = xml.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62 || c === 60) break;
      j++;
    }
    const name = xml.slice(lt + 1, j);
    if (name === "") throw new NotScanned();
    // Attribute boundaries (name start, name end, value start, value end) into `spans`, no strings.
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const c = xml.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (xml.charCodeAt(j + 1) !== 62) throw new NotScanned();
        selfClosing = true;
        j += 2;
        break;
      }
      if (j >= n) throw new NotScanned();
      const ns = j;
      while (j < n) {
        const d = xml.charCodeAt(j);
        if (d === 61 || isSpace(d) || d === 62 || d === 47 || d === 60 || d === 34 || d === 39) break;
        j++;
      }
      const ne = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (ne === ns || xml.charCodeAt(j) !== 61) throw new NotScanned();
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new NotScanned();
      const ve = xml.indexOf(q === 34 ? '"' : "'", j + 1);
      if (ve < 0) throw new NotScanned();
      const lessThan = xml.indexOf("<", j + 1);
      if (lessThan >= 0 && lessThan < ve) throw new NotScanned(); // "<" may not stand in a value
      for (let k = 0; k < count; k++)
        if (sameName(xml, spans[k * 4], spans[k * 4 + 1], ns, ne)) throw new NotScanned();
      if (count * 4 + 4 > spans.length) throw new NotScanned();
      spans[count * 4] = ns;
      spans[count * 4 + 1] = ne;
      spans[count * 4 + 2] = j + 1;
      spans[count * 4 + 3] = ve;
      count++;
      j = ve + 1;
      const after = xml.charCodeAt(j);
      if (!(isSpace(after) || after === 47 || after === 62)) throw new NotScanned();
    }
    tag.count = count;
    if (stack.length === 0) {
      if (sawRoot) throw new NotScanned();
      sawRoot = true;
    }
    const local = localName(name);
    h.open(local, tag, selfClosing);
    if (selfClosing) {
      if (onClose) onClose(local);
    } else stack.push(name);
    i = j;
  }
  if (stack.length > 0 || !sawRoot || (skip && !skipped)) throw new NotScanned();
}
