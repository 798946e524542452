/**
 * The patching writer (src/cli/patch) on the sample workbook carrying what real files hold: parts
 * the plans do not touch come out as their input bytes, touched sheets keep every element we do not
 * write, style records keep their indices, names and macros stay, a second run changes nothing.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { cli, sha256 } from "./helpers";
import { freshSamples } from "./samples";
import { readRawEntries, inflateEntry } from "../../src/cli/patch/raw-zip";
import { childElements, rootElement, localName } from "../../src/cli/patch/xml";
import { WORKSHEET_ORDER } from "../../src/cli/patch/worksheet";

const AS_OF = "2019-06-30";
const ITEM_SHEET = "xl/worksheets/sheet1.xml";

/** What we add to the staff sheet: elements the plans never write. */
const KEPT_IN_SHEET = [
  '<sheetProtection sheet="1" objects="1" scenarios="1" algorithmName="SHA-512" hashValue="abc=" saltValue="def=" spinCount="100000"/>',
  '<rowBreaks count="1" manualBreakCount="1"><brk id="20" max="16383" man="1"/></rowBreaks>',
  "<!-- a comment the staff's tool left -->",
  '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>\'貼り付け\'!A5:C5</xm:f><xm:sqref>H5</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>',
];

const KEPT_NAMES = [
  `<definedName name="_xlnm.Print_Titles" localSheetId="0">'貼り付け'!$1:$3</definedName>`,
  `<definedName name="LocalRef" localSheetId="0">'貼り付け'!$A$1</definedName>`,
  `<definedName name="Rate" comment="a constant">0.8</definedName>`,
];

const VBA = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
const CHART =
  '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';

/** The sample with the features above; `macro`: as an .xlsm with a VBA project. */
async function featureWorkbook(src: string, dst: string, macro: boolean): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  const text = async (name: string) => zip.file(name)!.async("string");
  let sheet = await text(ITEM_SHEET);
  sheet = sheet.replace("</sheetData>", `</sheetData>${KEPT_IN_SHEET[0]}`);
  sheet = sheet.replace(/(<pageSetup[^>]*\/>)/, `$1${KEPT_IN_SHEET[1]}${KEPT_IN_SHEET[2]}`);
  sheet = sheet.replace("</worksheet>", `${KEPT_IN_SHEET[3]}</worksheet>`);
  zip.file(ITEM_SHEET, sheet);
  let wb = await text("xl/workbook.xml");
  wb = wb.replace("</sheets>", `</sheets><definedNames>${KEPT_NAMES.join("")}</definedNames>`);
  zip.file("xl/workbook.xml", wb);
  // A chart part (reached from nothing here: enough to see it carried over) and custom properties.
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>',
  );
  if (macro) {
    zip.file("xl/vbaProject.bin", VBA);
    let ct = await text("[Content_Types].xml");
    ct = ct
      .replace("spreadsheetml.sheet.main+xml", "X")
      .replace(
        'ContentType="application/vnd.openxmlformats-officedocument.X"',
        'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
      )
      .replace(
        "<Default ",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
      );
    zip.file("[Content_Types].xml", ct);
    let rels = await text("xl/_rels/workbook.xml.rels");
    rels = rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
  }
  fs.writeFileSync(dst, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function entries(file: string) {
  return new Map(readRawEntries(fs.readFileSync(file)).map((e) => [e.name, e]));
}

function partText(file: string, name: string): string {
  return inflateEntry(entries(file).get(name)!).toString("utf8");
}

/** The child records of a list in styles.xml (fonts, cellXfs, …) as their texts. */
function records(styles: string, list: string): string[] {
  const root = rootElement(styles);
  const el = childElements(styles, root.openEnd, root.closeStart).find((k) => k.name === list);
  if (!el || el.selfClosing) return [];
  return childElements(styles, el.openEnd, el.closeStart).map((r) => styles.slice(r.start, r.end));
}

/** Every internal relationship's target is a part, and every part has a content type. */
function expectWholePackage(file: string): void {
  const names = new Set(entries(file).keys());
  const ct = partText(file, "[Content_Types].xml");
  for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(m[1]);
  const defaults = new Set([...ct.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  for (const n of names) {
    if (n === "[Content_Types].xml") continue;
    const hasType =
      ct.includes(`PartName="/${n}"`) || defaults.has(n.slice(n.lastIndexOf(".") + 1).toLowerCase());
    expect(hasType ? n : `${n} has no content type`).toBe(n);
  }
  for (const n of names) {
    if (!n.endsWith(".rels")) continue;
    const source = n.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const base = path.posix.dirname(source);
    for (const m of partText(file, n).matchAll(/<Relationship\b[^>]*>/g)) {
      if (m[0].includes('TargetMode="External"')) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1];
      const part = target.startsWith("/")
        ? target.slice(1)
        : path.posix.normalize(path.posix.join(base === "." ? "" : base, target));
      expect(names).toContain(part);
    }
  }
}

describe("the patching writer on a workbook with what real files hold", () => {
  let dir: string;
  let input: string;
  let out1: string;
  let out2: string;
  let xlsm: string;
  let xlsmOut: string;

  beforeAll(async () => {
    const s = await freshSamples();
    dir = s.dir;
    input = path.join(dir, "features.xlsx");
    await featureWorkbook(s.pasted, input, false);
    out1 = path.join(dir, "p1.xlsx");
    out2 = path.join(dir, "p2.xlsx");
    expect((await cli("run", input, "-o", out1, "--as-of", AS_OF)).code).toBe(0);
    expect((await cli("run", out1, "-o", out2, "--as-of", AS_OF)).code).toBe(0);
    xlsm = path.join(dir, "features.xlsm");
    await featureWorkbook(s.pasted, xlsm, true);
    xlsmOut = path.join(dir, "m1.xlsm");
    expect((await cli("run", xlsm, "-o", xlsmOut, "--as-of", AS_OF)).code).toBe(0);
  }, 120_000);

  it("copies every part the plans do not touch as its compressed bytes", () => {
    const before = entries(input);
    const after = entries(out1);
    const touched = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      // Its sheet list gains the sheets run adds (test/cli/app-props.test.ts).
      "docProps/app.xml",
      ITEM_SHEET,
    ];
    for (const [name, e] of before) {
      const o = after.get(name);
      expect(o ? name : `${name} missing`).toBe(name);
      if (touched.includes(name)) continue;
      expect({ name, same: o!.data.equals(e.data), crc: o!.crc, method: o!.method }).toEqual({
        name,
        same: true,
        crc: e.crc,
        method: e.method,
      });
    }
    expectWholePackage(out1);
  });

  it("keeps, in the staff sheet it writes into, every element it does not write, in ECMA-376's order", () => {
    const xml = partText(out1, ITEM_SHEET);
    for (const t of KEPT_IN_SHEET) expect(xml).toContain(t);
    const root = rootElement(xml);
    expect(xml.slice(0, root.openEnd)).toBe(partText(input, ITEM_SHEET).slice(0, root.openEnd));
    const order = childElements(xml, root.openEnd, root.closeStart).map((k) =>
      WORKSHEET_ORDER.indexOf(localName(k.name)),
    );
    expect(order.every((o) => o >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // What the plan writes is there: computed cells and their conditional formats.
    expect(xml).toContain("<conditionalFormatting");
    expect(xml).toContain("<f>");
  });

  it("keeps every style record at its index and appends its own, once", () => {
    const a = partText(input, "xl/styles.xml");
    const b = partText(out1, "xl/styles.xml");
    for (const list of [
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
    ]) {
      const old = records(a, list);
      expect(records(b, list).slice(0, old.length)).toEqual(old);
    }
    expect(records(b, "cellXfs").length).toBeGreaterThan(records(a, "cellXfs").length);
    const fonts = records(b, "fonts");
    expect(new Set(fonts).size).toBe(fonts.length);
    expect(partText(out2, "xl/styles.xml")).toBe(b);
  });

  it("keeps sheet-scoped and constant names as written, and asks Excel to recalculate", () => {
    const wb = partText(out1, "xl/workbook.xml");
    for (const n of KEPT_NAMES) expect(wb).toContain(n);
    expect(wb).toMatch(/<calcPr calcId="171027" fullCalcOnLoad="1"\/>/);
    expect(wb).toContain('name="_Shinchoku.Summary"');
  });

  it("writes the summary's chart: a drawing on the sheet and a chart part over its cells", () => {
    const names = [...entries(out1).keys()];
    const drawings = names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(1);
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    // The input's own (unreferenced) chart1.xml stays; ours comes next to it.
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(partText(out1, "xl/charts/chart1.xml")).toBe(CHART);
    const chart = partText(out1, "xl/charts/chart2.xml");
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toMatch(/<c:f>'集計'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f>/);
    expect(partText(out1, drawings[0])).toContain("<xdr:twoCellAnchor>");
    const ct = partText(out1, "[Content_Types].xml");
    expect(ct).toContain(
      'PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(ct).toContain(
      `PartName="/${drawings[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`,
    );
  });

  it("changes no part when run again on its own output", () => {
    expect(sha256(out2)).toBe(sha256(out1));
  });

  it("keeps an .xlsm's macros and content type, and runs again to the same bytes", async () => {
    const e = entries(xlsmOut);
    expect(inflateEntry(e.get("xl/vbaProject.bin")!).equals(VBA)).toBe(true);
    expect(e.get("xl/vbaProject.bin")!.data.equals(entries(xlsm).get("xl/vbaProject.bin")!.data)).toBe(true);
    expect(partText(xlsmOut, "[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    expect(partText(xlsmOut, "xl/_rels/workbook.xml.rels")).toContain("vbaProject.bin");
    expectWholePackage(xlsmOut);
    const again = path.join(dir, "m2.xlsm");
    expect((await cli("run", xlsmOut, "-o", again, "--as-of", AS_OF)).code).toBe(0);
    expect(sha256(again)).toBe(sha256(xlsmOut));
  });

  it("refuses an output whose extension does not match the content, writing nothing", async () => {
    const asXlsx = path.join(dir, "macro-as.xlsx");
    const r = await cli("run", xlsm, "-o", asXlsx, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".xlsm");
    expect(fs.existsSync(asXlsx)).toBe(false);
    const asXlsm = path.join(dir, "plain-as.xlsm");
    const en = await cli("run", input, "-o", asXlsm, "--as-of", AS_OF, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("save this workbook as .xlsx");
    expect(fs.existsSync(asXlsm)).toBe(false);
    // With --json, stdout says it too.
    const json = await cli("run", input, "-o", asXlsm, "--as-of", AS_OF, "--lang", "en", "--json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ files: [{ file: input, error: en.stderr.trim() }] });
  });

  it("undo removes our sheets, tables and names, and leaves the staff's names and parts", async () => {
    const undone = path.join(dir, "u.xlsx");
    expect((await cli("undo", out1, "-o", undone, "--as-of", AS_OF)).code).toBe(0);
    const wb = partText(undone, "xl/workbook.xml");
    for (const n of KEPT_NAMES) expect(wb).toContain(n);
    expect(wb).not.toContain("_Shinchoku");
    expect([...wb.matchAll(/<sheet /g)]).toHaveLength(1);
    const names = [...entries(undone).keys()];
    expect(names.filter((n) => n.startsWith("xl/tables/") || n.startsWith("xl/drawings/"))).toEqual([]);
    expect(names.filter((n) => n.startsWith("xl/charts/"))).toEqual(["xl/charts/chart1.xml"]);
    expect(names.filter((n) => n.startsWith("xl/worksheets/") && !n.includes("_rels"))).toEqual([ITEM_SHEET]);
    expect(partText(undone, ITEM_SHEET)).not.toContain("<conditionalFormatting");
    for (const t of KEPT_IN_SHEET) expect(partText(undone, ITEM_SHEET)).toContain(t);
    expectWholePackage(undone);
  });
});

describe("a file the patch cannot write safely", () => {
  it("is refused with one message, exit 2, and nothing written: a chart sheet where the summary goes", async () => {
    const s = await freshSamples();
    const file = path.join(s.dir, "chartsheet.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(s.pasted));
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      "</sheets>",
      '<sheet name="集計" sheetId="9" r:id="rIdCs"/></sheets>',
    );
    zip.file("xl/workbook.xml", wb);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rIdCs" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    zip.file(
      "xl/chartsheets/sheet1.xml",
      '<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const ct = (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
    );
    zip.file("[Content_Types].xml", ct);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = path.join(s.dir, "cs-out.xlsx");
    const r = await cli("run", file, "-o", out, "--as-of", AS_OF, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain("cannot be written safely, nothing written");
    expect(r.stderr).toContain("is not a worksheet");
    expect(fs.existsSync(out)).toBe(false);
    const json = await cli("run", file, "-o", out, "--as-of", AS_OF, "--lang", "en", "--json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ files: [{ file, error: r.stderr.trim() }] });
  });
});
