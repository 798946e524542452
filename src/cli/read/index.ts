/**
 * An .xlsx package's bytes → the engine's WorkbookSnapshot, read the way Office.js hands a workbook
 * over: formulas count by their cached result, dates stay serial numbers (their format kept), rich
 * text is joined without its phonetic runs, errors become {error}, hidden sheets are read, and every
 * defined name is kept (sheet-scoped ones with their scope). See docs/cli-reading.md.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../core";
import { PackageError } from "./errors";
import { DEFAULT_LIMITS, Package, type PackageLimits } from "./package";
import {
  REL_OFFICE_DOCUMENT,
  REL_WORKSHEET,
  readNumberFormats,
  readRels,
  readSharedStrings,
  readWorkbookPart,
} from "./parts";
import { MergeBlocks, readSheetPart } from "./sheet";
import { sheetFromCells } from "./sheet-grid";

const REL_STYLES = /\/styles$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

/**
 * `keep`, when given, receives the text of every UTF-8 part read, by part name: a writer patching
 * the same bytes then inflates and decodes none of them again.
 */
export function readWorkbookBytes(
  buf: Buffer,
  limits: PackageLimits = DEFAULT_LIMITS,
  keep: Map<string, string> | null = null,
): WorkbookSnapshot {
  const pkg = new Package(buf, limits, keep);
  const main = mainPart(pkg);
  const wbXml = pkg.text(main)!;
  let workbook;
  try {
    workbook = readWorkbookPart(main, wbXml);
  } catch (err) {
    if (err instanceof PackageError && err.kind === "notWorkbook") throw notWorkbook(pkg, main);
    throw err;
  }
  const rels = readRels(pkg, main);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOf = (type: RegExp, fallback: string) => {
    const r = rels.find((x) => type.test(x.type) && x.target !== null);
    return r?.target ?? fallback;
  };
  const dir = main.slice(0, main.lastIndexOf("/") + 1);
  const stylesPart = partOf(REL_STYLES, `${dir}styles.xml`);
  const stringsPart = partOf(REL_SHARED_STRINGS, `${dir}sharedStrings.xml`);
  const ctx = {
    formats: readNumberFormats(stylesPart, pkg.text(stylesPart)),
    sharedStrings: readSharedStrings(stringsPart, pkg.text(stringsPart)),
    date1904: workbook.date1904,
    mergeBlocks: new MergeBlocks(),
  };
  const sheets: SheetSnapshot[] = [];
  for (const s of workbook.sheets) {
    const rel = byId.get(s.relId);
    // Chart sheets, dialog and macro sheets are not worksheets (Office.js lists none of them either).
    if (!rel || !REL_WORKSHEET.test(rel.type) || rel.target === null) continue;
    const xml = pkg.text(rel.target);
    if (xml === null) throw new PackageError("brokenZip", rel.target);
    const { cells, merges, columnWidths, columnWidthsComplete } = readSheetPart(rel.target, xml, ctx);
    sheets.push({ ...sheetFromCells(s.name, cells, merges), columnWidths, columnWidthsComplete });
  }
  return { sheets, names: workbook.names };
}

/**
 * The workbook part: the package's officeDocument relationship (its target may be absolute:
 * "/xl/workbook.xml"), else xl/workbook.xml. A zip without one is not a workbook; a .docx, a .pptx
 * and an .xlsb are named so that the message can say what they are.
 */
function mainPart(pkg: Package): string {
  const rel = readRels(pkg, "").find((r) => REL_OFFICE_DOCUMENT.test(r.type) && r.target !== null);
  const target = rel?.target && pkg.has(rel.target) ? pkg.find(rel.target)! : pkg.find("xl/workbook.xml");
  if (target === null || !/\.xml$/i.test(target)) throw notWorkbook(pkg, target ?? rel?.target ?? "");
  return target;
}

function notWorkbook(pkg: Package, main: string): PackageError {
  const kind = pkg.has("word/document.xml")
    ? "docx"
    : pkg.has("ppt/presentation.xml")
      ? "pptx"
      : main.toLowerCase().endsWith(".bin")
        ? "xlsb"
        : "";
  return new PackageError("notWorkbook", kind);
}
