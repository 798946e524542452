/**
 * An OPC package (the zip of an .xlsx) as parts: read on demand, replaced, added or deleted; the
 * content types and relationships kept in step. Parts never asked for are written back as their
 * original compressed bytes. A part deleted and added again keeps its place in the zip, so that a
 * second run writes the same bytes as the first.
 */
import * as path from "node:path";
import { inflateEntry, newEntry, readRawEntries, writeRawEntries, type RawEntry } from "./raw-zip";
import { PatchRefusal } from "./sheet-data";
import { attr, attributes, childElements, escapeAttr, rootElement, setAttr } from "./xml";

export const CONTENT_TYPES = "[Content_Types].xml";

export const REL_TYPE = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};

export const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};

interface Slot {
  name: string;
  raw: RawEntry | null;
  /** New content (text or bytes), or null when the part is as in the input. */
  text: string | null;
  /** The new content already deflated (see pack), its text dropped. */
  packed: RawEntry | null;
  deleted: boolean;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export class Package {
  private readonly slots: Slot[] = [];
  private readonly byKey = new Map<string, Slot>();
  private readonly texts = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private contentTypes: string | null = null;
  /** Overrides of deleted parts, removed on writing unless the part comes back (it keeps its place). */
  private readonly staleOverrides = new Set<string>();

  /** `texts`: parts of these same bytes already inflated and decoded as UTF-8, by part name. */
  constructor(bytes: Buffer, texts?: ReadonlyMap<string, string>) {
    if (texts) for (const [name, text] of texts) this.texts.set(name, text);
    for (const raw of readRawEntries(bytes)) {
      const slot: Slot = { name: raw.name, raw, text: null, packed: null, deleted: false };
      this.slots.push(slot);
      this.byKey.set(raw.name.toLowerCase(), slot);
    }
  }

  has(name: string): boolean {
    const s = this.byKey.get(name.toLowerCase());
    return !!s && !s.deleted;
  }

  /** The names of the parts present, in zip order. */
  names(): string[] {
    return this.slots.filter((s) => !s.deleted).map((s) => s.name);
  }

  read(name: string): string {
    const s = this.byKey.get(name.toLowerCase());
    if (!s || s.deleted) throw new Error(`missing part ${name}`);
    if (s.text !== null) return s.text;
    if (s.packed) return inflateEntry(s.packed).toString("utf8");
    let t = this.texts.get(s.name);
    if (t === undefined) {
      const bytes = inflateEntry(s.raw as RawEntry);
      // Excel writes UTF-8; a part in UTF-16 (allowed by XML) is not something to splice as text.
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        throw new PatchRefusal(`${s.name} is written in UTF-16`);
      t = bytes.toString("utf8");
      // A byte order mark is allowed before the declaration; the patch reads past it.
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      this.texts.set(s.name, t);
    }
    return t;
  }

  /** Replaces or adds a part (its content type is the caller's, see setOverride). */
  write(name: string, text: string): void {
    const s = this.byKey.get(name.toLowerCase());
    if (s) {
      if (!s.deleted && s.text === null && !s.packed && this.read(name) === text) return;
      s.text = text;
      s.packed = null;
      s.deleted = false;
      return;
    }
    const slot: Slot = { name, raw: null, text, packed: null, deleted: false };
    this.slots.push(slot);
    this.byKey.set(name.toLowerCase(), slot);
  }

  /**
   * Deflates a written part now instead of with the zip: its text (and what built it) need not stay
   * in memory to the end of the run, where the garbage collector would copy it from one generation
   * to the next. For parts nothing changes again; reading one inflates it.
   */
  pack(name: string): void {
    const s = this.byKey.get(name.toLowerCase());
    if (!s || s.deleted || s.text === null) return;
    s.packed = this.entryOf(s, s.text);
    s.text = null;
  }

  delete(name: string): void {
    const s = this.byKey.get(name.toLowerCase());
    if (!s || s.deleted) return;
    s.deleted = true;
    if (s.name.endsWith(".rels")) this.relsCache.set(s.name, []);
    this.staleOverrides.add(s.name.toLowerCase());
    const rels = relsPartOf(s.name);
    if (this.has(rels)) this.delete(rels);
    this.relsCache.set(rels, []);
  }

  // ---- relationships ----

  /** The relationships of a part ("" for the package), targets resolved to part names. */
  rels(source: string): Relationship[] {
    const key = relsPartOf(source);
    let r = this.relsCache.get(key);
    if (!r) {
      r = [];
      if (this.has(key)) {
        const xml = this.read(key);
        const root = rootElement(xml);
        for (const el of childElements(xml, root.openEnd, root.closeStart)) {
          const a = attributes(xml.slice(el.start, el.openEnd));
          const external = a.get("TargetMode") === "External";
          const target = a.get("Target") ?? "";
          r.push({
            id: a.get("Id") ?? "",
            type: a.get("Type") ?? "",
            target: external ? target : resolveTarget(source, target),
            external,
          });
        }
      }
      this.relsCache.set(key, r);
    }
    return r;
  }

  /** Adds a relationship (internal, target a part name); returns its id. */
  addRel(source: string, type: string, target: string): string {
    const rels = this.rels(source);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    rels.push({ id, type, target, external: false });
    this.spliceRels(source, (xml) => {
      const root = rootElement(xml);
      const el = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(source, target))}"/>`;
      if (root.selfClosing)
        return `${xml.slice(0, root.openEnd - 2)}>${el}</Relationships>${xml.slice(root.end)}`;
      return xml.slice(0, root.closeStart) + el + xml.slice(root.closeStart);
    });
    return id;
  }

  removeRel(source: string, id: string): void {
    const rels = this.rels(source);
    const i = rels.findIndex((r) => r.id === id);
    if (i < 0) return;
    rels.splice(i, 1);
    this.spliceRels(source, (xml) => {
      const root = rootElement(xml);
      for (const el of childElements(xml, root.openEnd, root.closeStart))
        if (attr(xml.slice(el.start, el.openEnd), "Id") === id)
          return xml.slice(0, el.start) + xml.slice(el.end);
      return xml;
    });
  }

  private spliceRels(source: string, edit: (xml: string) => string): void {
    const key = relsPartOf(source);
    const xml = this.has(key)
      ? this.read(key)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    this.write(key, edit(xml));
  }

  // ---- content types ----

  private ct(): string {
    if (this.contentTypes === null) this.contentTypes = this.read(CONTENT_TYPES);
    return this.contentTypes;
  }

  /** The content type of a part: its Override, else the Default of its extension. */
  contentType(name: string): string | undefined {
    const xml = this.ct();
    const root = rootElement(xml);
    const ext = path.posix.extname(name).slice(1).toLowerCase();
    let byDefault: string | undefined;
    for (const el of childElements(xml, root.openEnd, root.closeStart)) {
      const a = attributes(xml.slice(el.start, el.openEnd));
      if (a.get("PartName")?.toLowerCase() === "/" + name.toLowerCase()) return a.get("ContentType");
      if (a.get("Extension")?.toLowerCase() === ext) byDefault = a.get("ContentType");
    }
    return byDefault;
  }

  setOverride(name: string, type: string): void {
    this.staleOverrides.delete(name.toLowerCase());
    const xml = this.ct();
    const root = rootElement(xml);
    for (const el of childElements(xml, root.openEnd, root.closeStart)) {
      const tag = xml.slice(el.start, el.end);
      if (attr(tag, "PartName")?.toLowerCase() === "/" + name.toLowerCase()) {
        if (attr(tag, "ContentType") === type) return;
        this.setCt(xml.slice(0, el.start) + setAttr(tag, "ContentType", type) + xml.slice(el.end));
        return;
      }
    }
    const el = `<Override PartName="/${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>`;
    this.setCt(xml.slice(0, root.closeStart) + el + xml.slice(root.closeStart));
  }

  private removeOverride(name: string): void {
    const xml = this.ct();
    const root = rootElement(xml);
    for (const el of childElements(xml, root.openEnd, root.closeStart))
      if (attr(xml.slice(el.start, el.openEnd), "PartName")?.toLowerCase() === "/" + name.toLowerCase()) {
        this.setCt(xml.slice(0, el.start) + xml.slice(el.end));
        return;
      }
  }

  private setCt(xml: string): void {
    this.contentTypes = xml;
    this.write(CONTENT_TYPES, xml);
  }

  /**
   * The zip: untouched entries as their original bytes, changed ones deflated. Synchronously: zlib's
   * asynchronous deflate on worker threads took twice the CPU time on the bench workbook's parts
   * (150 against 60-95 ms for 4.8 MB), and the machines this runs on have few cores to spare.
   */
  toBuffer(): Buffer {
    for (const name of this.staleOverrides) if (!this.has(name)) this.removeOverride(name);
    this.staleOverrides.clear();
    const out: RawEntry[] = [];
    for (const s of this.slots) {
      if (s.deleted) continue;
      if (s.packed) out.push(s.packed);
      else if (s.text === null) out.push(s.raw as RawEntry);
      else out.push(this.entryOf(s, s.text));
    }
    return writeRawEntries(out);
  }

  /** The zip entry of a part with this text: its input bytes when the text is as read. */
  private entryOf(s: Slot, text: string): RawEntry {
    const raw = s.raw;
    if (raw && this.texts.get(s.name) === text) return raw;
    const e = newEntry(s.name, Buffer.from(text, "utf8"));
    // An entry rewritten keeps its name's bytes and its date, so only the data differs.
    return raw
      ? { ...e, nameBytes: raw.nameBytes, time: raw.time, date: raw.date, flags: raw.flags & 0x0800 }
      : e;
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(part: string): string {
  if (part === "") return "_rels/.rels";
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.posix.basename(part)}.rels`;
}

/** A relationship's target as a part name (no leading "/"). */
export function resolveTarget(source: string, target: string): string {
  // The usual case, a plain name in the source's folder or one below ("worksheets/sheet1.xml").
  if (/^[A-Za-z0-9_\-/]+\.[A-Za-z0-9]+$/.test(target) && !target.startsWith("/")) {
    const slash = source.lastIndexOf("/");
    return slash < 0 ? target : source.slice(0, slash + 1) + target;
  }
  const t = decodeURIComponentSafe(target.split("#")[0]);
  if (t.startsWith("/")) return path.posix.normalize(t).slice(1);
  const base = source === "" ? "" : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(base, t)).replace(/^\.\//, "");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A part name as a target relative to the source part's folder. */
export function relativeTarget(source: string, target: string): string {
  const base = source === "" ? "." : path.posix.dirname(source);
  return path.posix.relative(base, target);
}
