/**
 * ExcelJS workbooks from and to .xlsx bytes, for the one write that builds a new workbook (summary
 * of several files; reading is src/cli/read/, writing into a file src/cli/patch/); files are written
 * atomically (write-file.ts). ExcelJS is loaded only when a workbook is made.
 */
import type ExcelJS from "exceljs";
import { writeFileAtomic } from "./write-file";
import { rezip } from "./zip";

export { ReadError } from "./read/errors";

/*
 * ExcelJS zips and unzips through JSZip, whose inflate and deflate are plain JavaScript: a third of
 * a write. Here the zip is undone and redone outside it with Node's zlib (zip.ts), and ExcelJS only
 * sees stored (uncompressed) entries, which it merely copies.
 */

/** An .xlsx file's bytes → an ExcelJS workbook. */
export async function workbookFromBuffer(buf: Buffer): Promise<ExcelJS.Workbook> {
  const { Workbook } = await import("./exceljs-workbook");
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
  await writeFileAtomic(file, await workbookToBuffer(wb));
}

/** Bytes written atomically (see writeFileAtomic). */
export async function saveBytes(file: string, buf: Buffer): Promise<void> {
  await writeFileAtomic(file, buf);
}
