/**
 * The CLI's own reader (src/cli/read/) against ExcelJS, the reference it replaced: every fixture
 * read both ways, compared cell by cell (value, formula, number format), merges and names. Where
 * ExcelJS cannot read a file as Excel does (the quirks of other programs), the file is compared with
 * the workbook it was made from (scripts/fixtures/readers/make-reader-fixtures.py), as ExcelJS reads that.
 * Justified differences, each asserted below, never skipped:
 * - phonetic runs (<rPh>, furigana) in an inline string: ExcelJS loses the whole sheet's cells;
 *   Excel shows and returns the base text alone (ours).
 * - defined names: ExcelJS keeps only those referring to cells, without their sheet scope; ours
 *   keeps all (constants, #REF!, sheet-scoped with the scope), as Office.js lists them.
 * - chart sheets: neither lists them.
 * - `_xHHHH_` escapes (ST_Xstring, ECMA-376 Part 1 §22.9.2.19) with lowercase hex digits, in an
 *   inline string without runs, and in a formula's text result (t="str", whose <v> is ST_Xstring
 *   too): ExcelJS decodes none of them; Excel does, and so does ours.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { readWorkbookBytes } from "../../src/cli/read";
import { snapshotWorkbook } from "../../src/cli/read-xlsx";
import { workbookFromBuffer } from "../../src/cli/workbook-io";
import { toA1 } from "../../src/core/grid/address";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { cli, tmpDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const READERS = path.join(ROOT, "test", "fixtures", "readers");
const SAMPLE = path.join(ROOT, "samples", "進捗管理シート_サンプル.xlsx");
const xlsxIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));

interface Cell {
  v: CellValue;
  f: string | null;
  n: string | null;
}

function cells(s: WorkbookSnapshot): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const sh of s.sheets)
    sh.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = sh.formulas?.[i]?.[j] ?? null;
        const n = sh.numberFormats?.[i]?.[j] ?? null;
        if (v === null && f === null) return;
        out.set(`${sh.name}!${toA1(sh.originRow + i, sh.originCol + j)}`, { v, f, n });
      }),
    );
  return out;
}

function merges(s: WorkbookSnapshot): string[] {
  return s.sheets
    .flatMap((sh) => (sh.merges ?? []).map((m) => `${sh.name}!${m.top},${m.left}:${m.bottom},${m.right}`))
    .sort();
}

/** Same value; numbers within 1e-9 (ExcelJS carries dates through a Date, to the millisecond). */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The cells where two snapshots differ, as lines; empty when they agree. */
function differences(ours: WorkbookSnapshot, ref: WorkbookSnapshot): string[] {
  const a = cells(ours);
  const b = cells(ref);
  const out: string[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) out.push(`${k}: ours ${JSON.stringify(x)}, ExcelJS nothing`);
    else if (!sameValue(x.v, y.v) || x.f !== y.f || x.n !== y.n)
      out.push(`${k}: ours ${JSON.stringify(x)}, ExcelJS ${JSON.stringify(y)}`);
  }
  for (const [k, y] of b) if (!a.has(k)) out.push(`${k}: ours nothing, ExcelJS ${JSON.stringify(y)}`);
  return out;
}

async function exceljsSnapshot(buf: Buffer): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(await workbookFromBuffer(buf));
}

describe("our reader against ExcelJS, cell by cell", () => {
  const plain = [...xlsxIn(path.join(ROOT, "samples")), ...xlsxIn(path.join(ROOT, "test", "fixtures"))];
  test.each(plain.map((f) => [path.relative(ROOT, f), f]))("%s", async (_, file) => {
    const buf = fs.readFileSync(file);
    const ours = readWorkbookBytes(buf);
    const ref = await exceljsSnapshot(buf);
    expect(ours.sheets.map((s) => s.name)).toEqual(ref.sheets.map((s) => s.name));
    expect(differences(ours, ref)).toEqual([]);
    expect(merges(ours)).toEqual(merges(ref));
    // Same shape, not only the same cells: origin and row lengths.
    expect(ours.sheets.map((s) => [s.originRow, s.originCol, s.values.map((r) => r.length)])).toEqual(
      ref.sheets.map((s) => [s.originRow, s.originCol, s.values.map((r) => r.length)]),
    );
    for (const n of ref.names ?? []) expect(ours.names).toContainEqual(expect.objectContaining(n));
  });
});

describe("every kind of value (hand-written OOXML)", () => {
  test.each(["types-1900.xlsx", "types-1904.xlsx"])("%s reads as ExcelJS does", async (name) => {
    const buf = fs.readFileSync(path.join(READERS, name));
    const ours = readWorkbookBytes(buf);
    const ref = await exceljsSnapshot(buf);
    // The chart sheet グラフ1 is in neither; hidden and very hidden sheets are in both.
    expect(ours.sheets.map((s) => s.name)).toEqual(["型", "非表示", "とても非表示", "空"]);
    expect(ref.sheets.map((s) => s.name)).toEqual(["型", "非表示", "とても非表示", "空"]);
    expect(differences(ours, ref)).toEqual([]);
    expect(merges(ours)).toEqual(merges(ref));
    const c = cells(ours);
    const at = (a1: string) => c.get(`型!${a1}`);
    expect(at("B1")?.v).toBe("漢字"); // rich text joined, its <rPh> left out
    expect(at("C1")?.v).toBe("東京");
    expect(at("F1")?.v).toBe("a\rb"); // _x000D_
    expect(at("H10")?.v).toBe("  前後  ");
    expect(at("B2")).toEqual({ v: 1.5, f: null, n: "0%" }); // built-in 9
    expect(at("C2")).toEqual({ v: 0.125, f: null, n: "0.0%" }); // custom
    expect(at("D2")).toEqual({ v: 43555, f: null, n: "yyyy/m/d" }); // a date stays its serial, in either system
    expect(at("E2")).toEqual({ v: 45000.5, f: null, n: "mm-dd-yy" }); // built-in 14
    expect([at("A3")?.v, at("B3")?.v, at("C3")?.v, at("D3")?.v]).toEqual([
      true,
      false,
      { error: "#DIV/0!" },
      { error: "#N/A" },
    ]);
    expect([4, 5, 6].map((r) => at(`B${r}`)?.f)).toEqual(["=A4*2+$A$4", "=A5*2+$A$4", "=A6*2+$A$4"]); // shared
    expect([4, 5, 6].map((r) => [at(`C${r}`)?.v, at(`C${r}`)?.f])).toEqual([
      [10, "=A4:A6*10"],
      [20, null],
      [30, null],
    ]); // array: the formula on its first cell, the results on all
    expect(at("D4")).toEqual({ v: "x1", f: '="x"&A4', n: null }); // t="str"
    expect(at("E4")).toEqual({ v: null, f: "=SUM(Z1:Z9)", n: null }); // no cached result
    expect(at("B8")).toBeUndefined(); // inside a merge: not its top-left cell
    expect(at("A11")).toBeUndefined(); // an empty shared string
    // Every name, as Office.js lists them; ExcelJS keeps those referring to cells, without scope.
    expect(ours.names).toEqual([
      { name: "_xlnm.Print_Area", scope: "型", refersTo: "'型'!$A$1:$H$11" },
      { name: "範囲", refersTo: "'型'!$A$1:$B$2" },
      { name: "局所", scope: "型", refersTo: "'型'!$A$4" },
      { name: "定数", refersTo: "0.8" },
      { name: "壊れ", refersTo: "#REF!" },
      { name: "隠し名前", refersTo: "非表示!$B$3" },
    ]);
    expect(ref.names?.map((n) => n.name)).toEqual(["範囲", "局所", "隠し名前"]);
  });
});

describe("workbooks other programs write (ExcelJS cannot read them; compared with their source)", () => {
  let source: WorkbookSnapshot;
  beforeAll(async () => {
    source = await exceljsSnapshot(fs.readFileSync(SAMPLE));
  });

  test.each([
    ["sample-openpyxl.xlsx", /Cannot read properties of undefined/],
    ["sample-prefixed.xlsx", /Cannot set properties of undefined/],
  ])("%s reads as the seed sample (ExcelJS: %s)", async (name, exceljsFails) => {
    const buf = fs.readFileSync(path.join(READERS, name));
    await expect(exceljsSnapshot(buf)).rejects.toThrow(exceljsFails);
    const ours = readWorkbookBytes(buf);
    expect(ours.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
    expect(differences(ours, source)).toEqual([]);
    expect(merges(ours)).toEqual(merges(source));
  });

  test("sample-libreoffice.xlsx: a 40-character sheet name, a chart, t=str and t=e results", async () => {
    const buf = fs.readFileSync(path.join(READERS, "sample-libreoffice.xlsx"));
    // ExcelJS truncates the name to 31 characters, then finds it taken.
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(exceljsSnapshot(buf)).rejects.toThrow(/Worksheet name already exists/);
    warn.mockRestore();
    const ours = readWorkbookBytes(buf);
    const long = "No.28 H27-28 進捗管理シート（平成二十七年度から二十八年度まで）";
    expect(long.length).toBeGreaterThan(31);
    expect(ours.sheets.map((s) => s.name)).toEqual([long, ...source.sheets.slice(1).map((s) => s.name)]);
    const renamed: WorkbookSnapshot = {
      sheets: ours.sheets.map((s, i) => (i === 0 ? { ...s, name: source.sheets[0].name } : s)),
    };
    expect(differences(renamed, source)).toEqual([
      `No.28 H27-28!Q2: ours {"v":"集計用","f":"=\\"集計\\"&\\"用\\"","n":null}, ExcelJS nothing`,
      `No.28 H27-28!R2: ours {"v":{"error":"#N/A"},"f":"=#N/A","n":null}, ExcelJS nothing`,
    ]);
    expect(merges(renamed)).toEqual(merges(source));
  });

  test("inline-phonetic.xlsx: furigana in inline strings are not text; ExcelJS reads no cell at all", async () => {
    const buf = fs.readFileSync(path.join(READERS, "inline-phonetic.xlsx"));
    expect((await exceljsSnapshot(buf)).sheets[0].values).toEqual([]);
    expect(readWorkbookBytes(buf).sheets[0].values).toEqual([["大阪", "京都", 1], [2]]);
  });

  test("minimal-no-styles.xlsx: no styles, no shared strings, no r attributes", async () => {
    const buf = fs.readFileSync(path.join(READERS, "minimal-no-styles.xlsx"));
    await expect(exceljsSnapshot(buf)).rejects.toThrow(/Invalid row number/);
    const ours = readWorkbookBytes(buf);
    expect(ours.sheets).toHaveLength(1);
    expect(ours.sheets[0].values).toEqual([
      ["No.", "項目", "計画"],
      [1, "窓口", 0.5],
      [2, "電子申請", true, { error: "#VALUE!" }],
      [],
      [],
      [null, 1, 7],
      [null, "一二"],
    ]);
    expect(ours.sheets[0].formulas?.[5]).toEqual([null, "=C2*2", null]);
  });
});

describe("the CLI on workbooks other programs write", () => {
  const strip = (r: { findings: Array<Record<string, unknown>> }) =>
    r.findings.map((f) => [f.code, f.severity, f.itemNo, f.sheet, f.cell]);

  test.each(["sample-openpyxl.xlsx", "sample-prefixed.xlsx"])(
    "validate %s gives the seed sample's findings",
    async (name) => {
      const theirs = await cli("validate", path.join(READERS, name), "--as-of", "2019-06-30", "--json");
      const ours = await cli("validate", SAMPLE, "--as-of", "2019-06-30", "--json");
      expect(theirs.stderr).toBe("");
      expect(strip(JSON.parse(theirs.stdout))).toEqual(strip(JSON.parse(ours.stdout)));
      expect(strip(JSON.parse(ours.stdout)).length).toBeGreaterThan(0);
    },
  );

  test("a writing command patches what ExcelJS cannot read: its output validates as the seed's does", async () => {
    // The patcher needs no ExcelJS: openpyxl's quirks (no r attributes, inline strings) are written
    // like Excel's own file, and the result reads back with the same findings as the seed's run.
    const dir = tmpDir("quirks");
    const out = path.join(dir, "out.xlsx");
    const seedOut = path.join(dir, "seed-out.xlsx");
    const r = await cli(
      "run",
      path.join(READERS, "sample-openpyxl.xlsx"),
      "-o",
      out,
      "--as-of",
      "2019-06-30",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect((await cli("run", SAMPLE, "-o", seedOut, "--as-of", "2019-06-30")).code).toBe(1);
    const theirs = await cli("validate", out, "--as-of", "2019-06-30", "--json");
    const ours = await cli("validate", seedOut, "--as-of", "2019-06-30", "--json");
    expect(strip(JSON.parse(theirs.stdout))).toEqual(strip(JSON.parse(ours.stdout)));
  });
});

/** A one-sheet package from hand-written parts: shared strings and the sheet's rows as given. */
async function xstringWorkbook(sst: string[], rows: string): Promise<Buffer> {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="文字" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}" count="${sst.length}" uniqueCount="${sst.length}">${sst.join("")}</sst>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${rows}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("_xHHHH_ escapes in strings (ST_Xstring, ECMA-376 Part 1 §22.9.2.19)", () => {
  test("shared and inline strings decode as ExcelJS decodes them; _x005F_ protects a literal", async () => {
    const buf = await xstringWorkbook(
      [
        "<si><t>_x0041_BC</t></si>",
        "<si><t>_x005F_x0041_</t></si>",
        "<si><r><t>改_x000D_</t></r><r><rPr><b/></rPr><t>行_x3042_</t></r></si>",
        "<si><t>_x41_ _x00411_ x0041_</t></si>",
      ],
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="s"><v>3</v></c>' +
        '<c r="E1" t="inlineStr"><is><r><t>_x0046_</t></r><r><t>_x005F_x0046_</t></r></is></c></row>',
    );
    const ours = readWorkbookBytes(buf);
    expect(differences(ours, await exceljsSnapshot(buf))).toEqual([]);
    expect(ours.sheets[0].values).toEqual([
      ["ABC", "_x0041_", "改\r行あ", "_x41_ _x00411_ x0041_", "F_x0046_"],
    ]);
  });

  test("lowercase hex, a plain inline string, a formula's text: decoded by ours (as Excel), not ExcelJS", async () => {
    const buf = await xstringWorkbook(
      ["<si><t>a_x000d_b_x005f_x0041_</t></si>"],
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><f>"_x0041_"</f><v>_x0041_</v></c>' +
        '<c r="C1" t="inlineStr"><is><t>_x0044__x005F_x0045_</t></is></c></row>',
    );
    const ours = readWorkbookBytes(buf);
    expect(ours.sheets[0].values).toEqual([["a\rb_x0041_", "A", "D_x0045_"]]);
    expect(differences(ours, await exceljsSnapshot(buf))).toEqual([
      '文字!A1: ours {"v":"a\\rb_x0041_","f":null,"n":null}, ExcelJS {"v":"a_x000d_b_x005fA","f":null,"n":null}',
      '文字!B1: ours {"v":"A","f":"=\\"_x0041_\\"","n":null}, ExcelJS {"v":"_x0041_","f":"=\\"_x0041_\\"","n":null}',
      '文字!C1: ours {"v":"D_x0045_","f":null,"n":null}, ExcelJS {"v":"_x0044__x005F_x0045_","f":null,"n":null}',
    ]);
  });
});
