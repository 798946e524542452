/** Reading and writing .xlsx files with ExcelJS; writes go to a temp file renamed into place. */
import * as fs from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { Workbook } from "./exceljs-workbook";
import { rezip } from "./zip";

export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * Parts of a workbook ExcelJS does not carry through a read and write (it drops them silently).
 * Zip entry names are stored as plain text, so a byte search finds them without unzipping.
 */
const DROPPED_PARTS: Array<{ kind: string; marker: string }> = [
  { kind: "charts", marker: "xl/charts/chart" },
  { kind: "pivot tables", marker: "xl/pivotTables/" },
  { kind: "slicers", marker: "xl/slicers/" },
  { kind: "shapes and text boxes", marker: "xl/drawings/drawing" },
  { kind: "macros", marker: "xl/vbaProject.bin" },
];

export function partsExcelJsDrops(buf: Buffer): string[] {
  return DROPPED_PARTS.filter((p) => buf.includes(p.marker, 0, "latin1")).map((p) => p.kind);
}

export interface LoadedWorkbook {
  wb: ExcelJS.Workbook;
  /** What a write of this workbook would lose (see partsExcelJsDrops). */
  wouldDrop: string[];
  /** The file's bytes, for the patching writer (src/cli/patch). */
  bytes: Buffer;
}

export async function loadWorkbookChecked(file: string): Promise<LoadedWorkbook> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new ReadError(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  let wb: ExcelJS.Workbook;
  try {
    wb = await workbookFromBuffer(buf);
  } catch (err) {
    throw new ReadError(file, `not a readable .xlsx file (${(err as Error).message})`);
  }
  return { wb, wouldDrop: partsExcelJsDrops(buf), bytes: buf };
}

/*
 * ExcelJS zips and unzips through JSZip, whose inflate and deflate are plain JavaScript: a third of
 * a write. Here the zip is undone and redone outside it with Node's zlib (zip.ts), and ExcelJS only
 * sees stored (uncompressed) entries, which it merely copies.
 */

/** An .xlsx file's bytes → an ExcelJS workbook. */
export async function workbookFromBuffer(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  let stored: Buffer | null = null;
  try {
    stored = rezip(buf, 0);
  } catch {
    // A damaged zip: ExcelJS tries it as it is and names the problem.
  }
  const input = stored ?? buf;
  // ExcelJS's load wants an ArrayBuffer-like; a Buffer works at run time.
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  return wb;
}

/** An ExcelJS workbook → .xlsx bytes, deflated as Excel writes them. */
export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const stored = Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  // Folder entries are JSZip's habit, not part of the format (Excel writes none): the reader drops them.
  const deflated = rezip(stored);
  if (!deflated) throw new Error("ExcelJS wrote a zip that cannot be read back");
  return deflated;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  saveBytes(file, await workbookToBuffer(wb));
}

/** Bytes written to a temp file in the target's folder, renamed into place. */
export function saveBytes(file: string, buf: Buffer): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
