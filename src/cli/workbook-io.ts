/** Reading and writing .xlsx files with ExcelJS; writes go to a temp file renamed into place. */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";

export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new ReadError(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's load wants an ArrayBuffer-like; a Buffer works at run time.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (err) {
    throw new ReadError(file, `not a readable .xlsx file (${(err as Error).message})`);
  }
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
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
