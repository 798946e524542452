/**
 * workbook.xml patched in place: the sheet list, the defined names, the active tab and the
 * calculation settings. Each <sheet> and <definedName> the plan does not name is kept as written;
 * a sheet-scoped name's localSheetId (a position in the sheet list, §18.2.5) follows its sheet when
 * sheets are added or removed. Constant and sheet-scoped names the plan does not name stay untouched.
 */
import { applyEdits, insertionPoint } from "./styles";
import { PatchRefusal } from "./sheet-data";
import {
  attr,
  childElements,
  decode,
  escapeAttr,
  escapeText,
  namespaces,
  NS,
  rootElement,
  setAttr,
  type XmlElement,
} from "./xml";

/** CT_Workbook's sequence (§18.2.27). */
const ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface SheetEntry {
  name: string;
  tag: string;
  rId: string;
}

interface NameEntry {
  text: string;
  name: string;
  /** The name upper-cased once: names compare without case, and a plan sets hundreds. */
  key: string;
  sheet: SheetEntry | null;
  /** A sheet-scoped name whose sheet is not in the list (a broken index): kept as it is. */
  fixed: boolean;
}

export class WorkbookXml {
  readonly sheets: SheetEntry[] = [];
  private readonly names: NameEntry[] = [];
  private readonly kids: XmlElement[];
  private readonly root: XmlElement;
  private readonly relAttr: string;
  private active: SheetEntry | null;
  private first: SheetEntry | null;
  private sheetsChanged = false;
  private namesChanged = false;
  private viewChanged = false;
  private fullCalc = false;

  constructor(private readonly xml: string) {
    this.root = rootElement(xml);
    const open = xml.slice(this.root.start, this.root.openEnd);
    const ns = namespaces(open);
    if ([...ns.values()].includes(NS.strictMain))
      throw new PatchRefusal("a Strict Open XML workbook (save it as an ordinary Excel workbook)");
    if (this.root.name !== "workbook" || ns.get("") !== NS.main)
      throw new PatchRefusal("a workbook written with a namespace prefix");
    const relPrefix = [...ns.entries()].find(([k, v]) => k && v === NS.rel)?.[0];
    this.relAttr = `${relPrefix ?? "r"}:id`;
    this.kids = childElements(xml, this.root.openEnd, this.root.closeStart);
    for (const s of this.children("sheets")) {
      const tag = xml.slice(s.start, s.end);
      this.sheets.push({ name: attr(tag, "name") ?? "", tag, rId: attr(tag, this.relAttr) ?? "" });
    }
    for (const n of this.children("definedNames")) {
      const text = xml.slice(n.start, n.end);
      const local = attr(text, "localSheetId");
      const sheet = local === undefined ? null : (this.sheets[Number(local)] ?? null);
      const name = attr(text, "name") ?? "";
      this.names.push({ text, name, key: name.toUpperCase(), sheet, fixed: local !== undefined && !sheet });
    }
    const view = this.view();
    const vt = view ? xml.slice(view.start, view.openEnd) : "";
    this.active = this.sheets[Number(attr(vt, "activeTab") ?? 0)] ?? null;
    this.first = this.sheets[Number(attr(vt, "firstSheet") ?? 0)] ?? null;
  }

  private kid(name: string): XmlElement | undefined {
    return this.kids.find((k) => k.name === name);
  }

  private children(name: string): XmlElement[] {
    const k = this.kid(name);
    return k && !k.selfClosing ? childElements(this.xml, k.openEnd, k.closeStart) : [];
  }

  private view(): XmlElement | undefined {
    return this.children("bookViews").find((v) => v.name === "workbookView");
  }

  private byName: { exact: Map<string, SheetEntry>; upper: Map<string, SheetEntry> } | null = null;

  /** The sheet of that name, compared as Excel compares names (without case). */
  find(name: string): SheetEntry | undefined {
    if (!this.byName) {
      const exact = new Map<string, SheetEntry>();
      const upper = new Map<string, SheetEntry>();
      for (const s of this.sheets) {
        if (!exact.has(s.name)) exact.set(s.name, s);
        if (!upper.has(s.name.toUpperCase())) upper.set(s.name.toUpperCase(), s);
      }
      this.byName = { exact, upper };
    }
    return this.byName.exact.get(name) ?? this.byName.upper.get(name.toUpperCase());
  }

  index(s: SheetEntry): number {
    return this.sheets.indexOf(s);
  }

  activeSheet(): SheetEntry | null {
    return this.active;
  }

  addSheet(name: string, rId: string): SheetEntry {
    const ids = this.sheets.map((s) => Number(attr(s.tag, "sheetId") ?? 0));
    const sheetId = Math.max(0, ...ids) + 1;
    const s: SheetEntry = {
      name,
      rId,
      tag: `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${this.relAttr}="${rId}"/>`,
    };
    this.sheets.push(s);
    this.byName = null;
    this.sheetsChanged = true;
    return s;
  }

  removeSheet(s: SheetEntry): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    this.byName = null;
    this.sheetsChanged = true;
    for (let j = this.names.length - 1; j >= 0; j--)
      if (this.names[j].sheet === s) {
        this.names.splice(j, 1);
        this.namesChanged = true;
      }
    if (this.names.some((n) => n.sheet)) this.namesChanged = true;
    if (this.active === s)
      this.active =
        this.sheets.find((x) => (attr(x.tag, "state") ?? "visible") === "visible") ?? this.sheets[0] ?? null;
    if (this.first === s) this.first = this.sheets[0] ?? null;
    this.viewChanged = true;
  }

  /** Visible (null) or "veryHidden". */
  setState(s: SheetEntry, state: string | null): void {
    const tag = setAttr(s.tag, "state", state);
    if (tag !== s.tag) {
      s.tag = tag;
      this.sheetsChanged = true;
    }
  }

  activate(s: SheetEntry): void {
    this.active = s;
    this.viewChanged = true;
  }

  /** Creates or replaces a workbook-scoped name (compared without case, as Excel does). */
  setName(name: string, refersTo: string, comment: string | null, sheet: SheetEntry | null = null): void {
    const c = comment ? ` comment="${escapeAttr(comment)}"` : "";
    const scope = sheet ? ` localSheetId="${this.index(sheet)}"` : "";
    const text = `<definedName name="${escapeAttr(name)}"${c}${scope}>${escapeText(refersTo)}</definedName>`;
    const key = name.toUpperCase();
    const i = this.names.findIndex((n) => n.sheet === sheet && !n.fixed && n.key === key);
    const entry = { text, name, key, sheet, fixed: false };
    if (i >= 0) {
      if (this.names[i].text === text) return;
      this.names[i] = entry;
    } else this.names.push(entry);
    this.namesChanged = true;
  }

  removeName(name: string, sheet: SheetEntry | null = null): void {
    const key = name.toUpperCase();
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.sheet === sheet && !n.fixed && n.key === key) {
        this.names.splice(i, 1);
        this.namesChanged = true;
      }
    }
  }

  /** Names scoped to a sheet, by name. */
  scopedNames(sheet: SheetEntry): string[] {
    return this.names.filter((n) => n.sheet === sheet).map((n) => n.name);
  }

  /** Names' texts (decoded) for checks: the name → what it refers to. */
  nameList(): Array<{ name: string; refersTo: string; local: boolean }> {
    return this.names.map((n) => ({
      name: n.name,
      refersTo: decode(n.text.replace(/^<[^>]*>/, "").replace(/<\/[^>]*>$/, "")),
      local: n.sheet !== null || n.fixed,
    }));
  }

  requestFullCalc(): void {
    this.fullCalc = true;
  }

  toXml(): string {
    const xml = this.xml;
    const edits: Array<{ at: number; end: number; text: string }> = [];
    const place = (name: string, text: string) => {
      const k = this.kid(name);
      if (k) edits.push({ at: k.start, end: k.end, text });
      else if (text) {
        const at = insertionPoint(this.kids, name, ORDER, this.root.closeStart);
        edits.push({ at, end: at, text });
      }
    };
    if (this.viewChanged) {
      const v = this.view();
      if (v) {
        let open = xml.slice(v.start, v.openEnd);
        const active = this.active ? Math.max(0, this.index(this.active)) : 0;
        const first = this.first ? Math.max(0, this.index(this.first)) : 0;
        // Set only where it differs (0 when absent), so that an unchanged view keeps its bytes.
        const put = (name: string, n: number) => {
          if (Number(attr(open, name) ?? 0) !== n) open = setAttr(open, name, n ? String(n) : null);
        };
        put("activeTab", active);
        put("firstSheet", first);
        edits.push({ at: v.start, end: v.openEnd, text: open });
      } else if (this.active && this.index(this.active) > 0) {
        place("bookViews", `<bookViews><workbookView activeTab="${this.index(this.active)}"/></bookViews>`);
      }
    }
    if (this.sheetsChanged) {
      const k = this.kid("sheets");
      if (!k) throw new PatchRefusal("the workbook lists no sheets");
      const open = k.selfClosing ? "<sheets>" : xml.slice(k.start, k.openEnd);
      place("sheets", `${open}${this.sheets.map((s) => s.tag).join("")}</sheets>`);
    }
    if (this.namesChanged) {
      const texts = this.names.map((n) => {
        if (!n.sheet) return n.text;
        const open = /^<[^>]*>/.exec(n.text)?.[0] ?? "";
        const fixed = setAttr(open, "localSheetId", String(this.index(n.sheet)));
        return fixed + n.text.slice(open.length);
      });
      const k = this.kid("definedNames");
      const open = k && !k.selfClosing ? xml.slice(k.start, k.openEnd) : "<definedNames>";
      if (texts.length) place("definedNames", `${open}${texts.join("")}</definedNames>`);
      else if (k) edits.push({ at: k.start, end: k.end, text: "" });
    }
    if (this.fullCalc) {
      const k = this.kid("calcPr");
      if (k) {
        const tag = xml.slice(k.start, k.openEnd);
        const t = setAttr(tag, "fullCalcOnLoad", "1");
        if (t !== tag) edits.push({ at: k.start, end: k.openEnd, text: t });
      } else place("calcPr", `<calcPr fullCalcOnLoad="1"/>`);
    }
    return applyEdits(xml, edits);
  }
}
