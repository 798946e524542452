/**
 * `_xHHHH_` in cell text (ST_Xstring, ECMA-376 Part 1 §22.9.2.19) through `run`: an item title that
 * the file encodes (_x0042_ is "B") reads decoded; one that literally holds "_x0041_" (stored as
 * _x005F_x0041_) is written into the summary protected the same way, so Excel shows it as typed.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readWorkbookBytes } from "../../src/cli/read";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { cli } from "./helpers";
import { freshSamples } from "./samples";

const TITLE = "地域コミュニティ協議会への活動補助の見直し";
const STORED = "_x005F_x0041_ 見直し _x0042_";
const SHOWN = "_x0041_ 見直し B";

/** The sample with item No.30's title stored as `stored` (the text of its shared string). */
async function withTitle(src: string, dst: string, stored = STORED): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  expect(sst).toContain(`<t>${TITLE}</t>`);
  zip.file("xl/sharedStrings.xml", sst.replace(`<t>${TITLE}</t>`, `<t xml:space="preserve">${stored}</t>`));
  fs.writeFileSync(dst, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

const strings = (file: string, sheet: string): string[] =>
  readWorkbookBytes(fs.readFileSync(file))
    .sheets.find((s) => s.name === sheet)!
    .values.flat()
    .filter((v): v is string => typeof v === "string");

async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(path.posix.join("xl", target.replace(/^\/xl\//, "")))!.async("string");
}

describe("_xHHHH_ in item titles through run", () => {
  const summary = DEFAULT_CONFIG.summarySheetName;
  let dir: string;
  let input: string;
  let out1: string;
  let run1: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    const s = await freshSamples();
    dir = s.dir;
    input = path.join(dir, "escaped.xlsx");
    await withTitle(s.plan, input);
    out1 = path.join(dir, "out1.xlsx");
    run1 = await cli("run", input, "-o", out1, "--as-of", "2019-06-30");
  });

  it("reads the title decoded: _x0042_ is B, _x005F_x0041_ the literal text _x0041_", () => {
    const values = readWorkbookBytes(fs.readFileSync(input)).sheets.find((s) => s.name === "No.30 H27-28")!;
    expect(values.values.flat()).toContain(SHOWN);
    expect(run1.stdout).toContain(`No.30 ${SHOWN}`);
  });

  it("writes it into the summary protected (_x005F_), so that it reads back as the literal text", async () => {
    expect(run1.code).toBe(1);
    expect(strings(out1, summary)).toContain(SHOWN);
    const xml = await sheetXml(out1, summary);
    expect(xml).toContain("_x005F_x0041_ 見直し B");
    expect(xml).not.toMatch(/[^F]_x0041_/);
  });

  it("a second run on the output writes the same text again", async () => {
    const out2 = path.join(dir, "out2.xlsx");
    expect((await cli("run", out1, "-o", out2, "--as-of", "2019-06-30")).code).toBe(1);
    expect(strings(out2, summary)).toEqual(strings(out1, summary));
    expect(await sheetXml(out2, summary)).toBe(await sheetXml(out1, summary));
  });
});

describe("_xHHHH_ in item titles through a summary of several files (written by ExcelJS)", () => {
  it("the title reads back as the literal text", async () => {
    const s = await freshSamples();
    const input = path.join(s.dir, "escaped.xlsx");
    await withTitle(s.plan, input);
    const out = path.join(s.dir, "summary.xlsx");
    const r = await cli("summary", input, s.pasted, "-o", out, "--as-of", "2019-06-30");
    expect(r.stderr).toBe("");
    expect(strings(out, DEFAULT_CONFIG.summarySheetName)).toContain(SHOWN);
  });
});

describe("a carriage return in staff's text (stored as _x000D_, as Excel stores it)", () => {
  const STORED_CRLF = `${TITLE}_x000D_\n（第2期）`;
  const SHOWN_CRLF = `${TITLE}\r\n（第2期）`;

  it("reads as CR LF, and the summary writes it as _x000D_ so that it reads back the same", async () => {
    const s = await freshSamples();
    const input = path.join(s.dir, "crlf.xlsx");
    await withTitle(s.plan, input, STORED_CRLF);
    expect(strings(input, "No.30 H27-28")).toContain(SHOWN_CRLF);

    const out = path.join(s.dir, "out.xlsx");
    expect((await cli("run", input, "-o", out, "--as-of", "2019-06-30")).code).toBe(1);
    const summary = DEFAULT_CONFIG.summarySheetName;
    expect(strings(out, summary).some((t) => t.includes(SHOWN_CRLF))).toBe(true);
    const xml = await sheetXml(out, summary);
    expect(xml).toContain(`${TITLE}_x000D_\n（第2期）`);
    expect(xml).not.toContain("\r");
  });

  it("through a summary of several files (ExcelJS writes text as it is) the CR is kept too", async () => {
    const s = await freshSamples();
    const input = path.join(s.dir, "crlf.xlsx");
    await withTitle(s.plan, input, STORED_CRLF);
    const out = path.join(s.dir, "summary.xlsx");
    const r = await cli("summary", input, s.pasted, "-o", out, "--as-of", "2019-06-30");
    expect(r.stderr).toBe("");
    expect(strings(out, DEFAULT_CONFIG.summarySheetName).some((t) => t.includes(SHOWN_CRLF))).toBe(true);
  });
});
