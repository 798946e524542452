/**
 * The workbook-level parts: relationships (OPC), the workbook (sheets, defined names, date system),
 * styles (each cell format's number format) and the shared strings.
 */
import type { DefinedNameSnapshot } from "../../core";
import { PackageError } from "./errors";
import type { Package } from "./package";
import { attrLocal, readPart, type XmlHandlers } from "./xml";
import { BUILT_IN_FORMATS } from "./number-formats";

export const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
export const REL_WORKSHEET = /\/worksheet$/;

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the package, resolved ("xl/worksheets/sheet1.xml"); null when external. */
  target: string | null;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against its source part: relative, or absolute ("/xl/…"). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.map(decodePartSegment).join("/");
}

function decodePartSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function readRels(pkg: Package, source: string): Relationship[] {
  const part = relsPartOf(source);
  const xml = pkg.text(part);
  if (xml === null) return [];
  return readPart(part, xml, (drive) => {
    const out: Relationship[] = [];
    drive({
      open(name, a) {
        const target = a.get("Target");
        if (name !== "Relationship" || !target) return;
        const external = (a.get("TargetMode") ?? "").toLowerCase() === "external";
        out.push({
          id: a.get("Id") ?? "",
          type: a.get("Type") ?? "",
          target: external ? null : resolveTarget(source, target),
        });
      },
    });
    return out;
  });
}

export interface SheetEntry {
  name: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
  names: DefinedNameSnapshot[];
}

/** xl/workbook.xml. A part whose root is not <workbook> is not a workbook (a .docx's document). */
export function readWorkbookPart(part: string, xml: string): WorkbookPart {
  const { sheets, raw, date1904, root } = readPart(part, xml, (drive) => {
    const sheets: SheetEntry[] = [];
    const raw: Array<{ name: string; localSheetId: number | null; text: string }> = [];
    let date1904 = false;
    let root: string | null = null;
    let inName: { name: string; localSheetId: number | null; text: string } | null = null;
    drive({
      open(name, a, selfClosing) {
        root ??= name;
        if (name === "sheet") {
          const st = a.get("state");
          const state = st === "hidden" || st === "veryHidden" ? st : "visible";
          sheets.push({ name: a.get("name") ?? "", relId: attrLocal(a, "id") ?? "", state });
        } else if (name === "workbookPr")
          date1904 = a.get("date1904") === "1" || a.get("date1904") === "true";
        else if (name === "definedName") {
          const local = a.get("localSheetId");
          const id = local !== undefined ? Number(local) : null;
          inName = { name: a.get("name") ?? "", localSheetId: Number.isInteger(id) ? id : null, text: "" };
          if (selfClosing) {
            raw.push(inName);
            inName = null;
          }
        }
      },
      text(t) {
        if (inName) inName.text += t;
      },
      close(name) {
        if (name === "definedName" && inName) {
          raw.push(inName);
          inName = null;
        }
      },
    });
    return { sheets, raw, date1904, root: root as string | null };
  });
  if (root !== "workbook") throw new PackageError("notWorkbook", "");
  const names: DefinedNameSnapshot[] = [];
  for (const n of raw) {
    if (!n.name) continue;
    const refersTo = n.text.trim().replace(/^=/, "");
    const scope = n.localSheetId !== null ? sheets[n.localSheetId]?.name : undefined;
    names.push(scope !== undefined ? { name: n.name, scope, refersTo } : { name: n.name, refersTo });
  }
  return { sheets, date1904, names };
}

/**
 * xl/styles.xml → each cell format's (cellXfs index) number format code; "General" for id 0. A
 * workbook without styles (some generators write none) formats every cell General.
 */
export function readNumberFormats(part: string, xml: string | null): string[] {
  if (xml === null) return [];
  return readPart(part, xml, (drive) => {
    const custom = new Map<number, string>();
    const xfFormatIds: number[] = [];
    let where: "numFmts" | "cellXfs" | null = null;
    drive({
      open(name, a, selfClosing) {
        if ((name === "numFmts" || name === "cellXfs") && !selfClosing) where = name;
        else if (name === "numFmt" && where === "numFmts")
          custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
        else if (name === "xf" && where === "cellXfs") xfFormatIds.push(Number(a.get("numFmtId") ?? 0) || 0);
      },
      close(name) {
        if (name === where) where = null;
      },
    });
    return xfFormatIds.map((id) => custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
  });
}

/** Excel's escape for characters XML cannot hold: "_x000D_" is a CR (ECMA-376 Part 1, 22.9.2.19). */
export function unescapeXstring(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * xl/sharedStrings.xml → each string item's text: its <t>, or its runs' <t> joined. Phonetic runs
 * (<rPh>, furigana) are not part of the text: Excel shows and returns the base text alone.
 */
export function readSharedStrings(part: string, xml: string | null): string[] {
  if (xml === null) return [];
  return readPart(part, xml, readStrings);
}

function readStrings(drive: (h: XmlHandlers) => void): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  let inPhonetic = 0;
  let inT = false;
  drive({
    open(name, _a, selfClosing) {
      if (name === "si") {
        cur = [];
        if (selfClosing) {
          out.push("");
          cur = null;
        }
      } else if (name === "rPh") inPhonetic += selfClosing ? 0 : 1;
      else if (name === "t" && !selfClosing && inPhonetic === 0) inT = true;
    },
    text(t) {
      if (inT && cur) cur.push(t);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = Math.max(0, inPhonetic - 1);
      else if (name === "si" && cur) {
        out.push(unescapeXstring(cur.join("")));
        cur = null;
      }
    },
  });
  return out;
}
