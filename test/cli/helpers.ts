import * as fs from "fs";
import * as path from "path";
import * as crypto from "crypto";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { bufferIO } from "../../src/cli/io";

export function tmpDir(prefix: string): string {
  const base = path.resolve(__dirname, "../.tmp");
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, prefix + "-"));
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIO();
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet: address → value and style, as JSON, for comparisons. */
export function cellsOf(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      // ExcelJS shows a merged area's value in every cell of it: name the master instead.
      const v = c.isMerged && c.master !== c ? `<merged into ${c.master.address}>` : c.value;
      if (v === null && Object.keys(c.style ?? {}).length === 0) return;
      out.set(c.address, JSON.stringify({ v, s: c.style }));
    }),
  );
  return out;
}

export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const m = (ws as unknown as { _merges: Record<string, { range: string }> })._merges;
  return Object.values(m)
    .map((x) => x.range)
    .sort();
}

/** Workbooks equal in sheets (order, names), cells (value, formula, style), merges and conditional formats. */
export function expectSameWorkbook(a: ExcelJS.Workbook, b: ExcelJS.Workbook): void {
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name)!;
    expect(Object.fromEntries(cellsOf(wb))).toEqual(Object.fromEntries(cellsOf(wa)));
    expect(mergesOf(wb)).toEqual(mergesOf(wa));
    expect(JSON.stringify(conditionalFormats(wb))).toEqual(JSON.stringify(conditionalFormats(wa)));
  }
}

/** ExcelJS keeps them on the sheet but leaves them out of its typings. */
export function conditionalFormats(ws: ExcelJS.Worksheet): unknown[] {
  return (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
}

/** The sheets staff see: our record sheets are very hidden. */
export function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((w) => w.state !== "veryHidden");
}

/** Names of the very hidden sheets (our records of what we wrote). */
export function hiddenSheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.filter((w) => w.state === "veryHidden").map((w) => w.name);
}

/**
 * A sheet's internal hyperlinks (Excel's own form: a location, no relationship), ref → location.
 * ExcelJS reads only links with a relationship, so these are read from the sheet's XML.
 */
export function internalLinks(file: string, sheet: string): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { unzipEntries } = require("../../src/cli/zip") as typeof import("../../src/cli/zip");
  const parts = unzipEntries(fs.readFileSync(file))!;
  const text = (name: string) => Buffer.from(parts[name]).toString("utf8");
  const dec = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const wb = text("xl/workbook.xml");
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => dec(/name="([^"]*)"/.exec(t)![1]) === sheet);
  const rId = /r:id="([^"]*)"/.exec(tag ?? "")?.[1];
  const rel = [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rId}"`));
  const target = /Target="([^"]*)"/.exec(rel ?? "")?.[1] ?? "";
  const xml = text(target.startsWith("/") ? target.slice(1) : path.posix.join("xl", target));
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const ref = /\bref="([^"]*)"/.exec(m[0])?.[1];
    const loc = /\blocation="([^"]*)"/.exec(m[0])?.[1];
    if (ref && loc !== undefined) out.set(ref, dec(loc));
  }
  return out;
}
