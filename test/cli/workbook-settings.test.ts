/**
 * Issue 17, item 7, on the command line: the settings the add-in saved in a workbook (a custom XML
 * part in our namespace) apply to that workbook when no --config is given, --config overrides them,
 * and a part the schema refuses stops the run as a bad --config does. The part is laid out as Excel
 * writes one (ECMA-376 Part 1, 15.2.4 and 22.5: customXml/itemN.xml, its itemPropsN.xml, the
 * workbook part's customXml relationship, the itemProps content type).
 */
import * as fs from "fs";
import * as path from "path";
import { cli, load, tmpDir, visibleSheets } from "./helpers";
import { freshSamples } from "./samples";
import { unzipEntries, zipEntries } from "../../src/cli/zip";
import { settingsToXml } from "../../src/core/config/settings-xml";
import { settingsFromPackage } from "../../src/cli/workbook-settings";

const AS_OF = "2019-06-30";
const enc = (s: string) => new TextEncoder().encode(s);

/** The workbook with our settings part added as item `n`, beside an unrelated part as item 1. */
function withPart(src: string, out: string, xml: string, n = 2, utf16 = false): void {
  const e = unzipEntries(fs.readFileSync(src))!;
  const other =
    '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>';
  const items: [number, Uint8Array][] = [
    [1, enc(other)],
    [n, utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]) : enc(xml)],
  ];
  let rels = new TextDecoder().decode(e["xl/_rels/workbook.xml.rels"]);
  let types = new TextDecoder().decode(e["[Content_Types].xml"]);
  for (const [i, data] of items) {
    e[`customXml/item${i}.xml`] = data;
    e[`customXml/itemProps${i}.xml`] = enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-00000000000${i}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    e[`customXml/_rels/item${i}.xml.rels`] = enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps${i}.xml"/></Relationships>`,
    );
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCx${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${i}.xml"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/customXml/itemProps${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
    );
  }
  e["xl/_rels/workbook.xml.rels"] = enc(rels);
  e["[Content_Types].xml"] = enc(types);
  fs.writeFileSync(out, zipEntries(e));
}

describe("the workbook's settings part on the command line", () => {
  let s: Awaited<ReturnType<typeof freshSamples>>;
  let dir: string;
  beforeAll(async () => {
    s = await freshSamples();
    dir = tmpDir("wbset");
  });

  test("settingsFromPackage finds our part (UTF-8 or UTF-16) and nothing in a workbook without one", () => {
    const book = path.join(dir, "p.xlsx");
    const settings = { overrides: { summarySheetName: "全体集計" }, highlightErrors: true };
    withPart(s.plan, book, settingsToXml(settings));
    expect(settingsFromPackage(fs.readFileSync(book))).toEqual(settings);
    withPart(s.plan, book, settingsToXml(settings), 3, true);
    expect(settingsFromPackage(fs.readFileSync(book))).toEqual(settings);
    expect(settingsFromPackage(fs.readFileSync(s.plan))).toBeNull();
  });

  test("an item the workbook part does not refer to is not read", () => {
    const e = unzipEntries(fs.readFileSync(s.plan))!;
    e["customXml/item1.xml"] = enc(
      settingsToXml({ overrides: { summarySheetName: "X" }, highlightErrors: false }),
    );
    expect(settingsFromPackage(zipEntries(e))).toBeNull();
  });

  test("without --config the workbook's settings apply; --config overrides them", async () => {
    const book = path.join(dir, "own.xlsx");
    withPart(
      s.plan,
      book,
      settingsToXml({ overrides: { summarySheetName: "全体集計" }, highlightErrors: false }),
    );
    const out = path.join(dir, "own-out.xlsx");
    expect((await cli("summary", book, "-o", out, "--as-of", AS_OF)).code).toBe(1);
    expect(visibleSheets(await load(out)).map((w) => w.name)).toContain("全体集計");

    const cfg = path.join(dir, "city.json");
    fs.writeFileSync(cfg, JSON.stringify({ summarySheetName: "市の集計" }));
    const out2 = path.join(dir, "cfg-out.xlsx");
    expect((await cli("summary", book, "-o", out2, "--config", cfg, "--as-of", AS_OF)).code).toBe(1);
    const names = visibleSheets(await load(out2)).map((w) => w.name);
    expect(names).toContain("市の集計");
    expect(names).not.toContain("全体集計");
  });

  test("a part the schema refuses: nothing is written, the reason names the workbook and the JSON path", async () => {
    const book = path.join(dir, "bad.xlsx");
    withPart(
      s.plan,
      book,
      settingsToXml({ overrides: { summarySheetName: "a/b" } as never, highlightErrors: false }),
    );
    const out = path.join(dir, "bad-out.xlsx");
    const r = await cli("summary", book, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(r.stderr).toContain("summarySheetName");
    expect(r.stderr).toContain("bad.xlsx");
    // --config replaces the workbook's settings, so the run goes on.
    const cfg = path.join(dir, "ok.json");
    fs.writeFileSync(cfg, "{}");
    expect((await cli("summary", book, "-o", out, "--config", cfg, "--as-of", AS_OF)).code).toBe(1);
  });

  test("run keeps every custom XML part as it was; undo removes ours and leaves the other", async () => {
    const book = path.join(dir, "keep.xlsx");
    withPart(
      s.plan,
      book,
      settingsToXml({ overrides: { summarySheetName: "全体集計" }, highlightErrors: true }),
    );
    const ran = path.join(dir, "keep-ran.xlsx");
    expect((await cli("run", book, "-o", ran, "--as-of", AS_OF)).code).toBe(1);
    const input = unzipEntries(fs.readFileSync(book))!;
    const out = unzipEntries(fs.readFileSync(ran))!;
    for (const name of Object.keys(input).filter((n) => n.startsWith("customXml/")))
      expect(Buffer.from(out[name]).equals(Buffer.from(input[name]))).toBe(true);
    expect(settingsFromPackage(fs.readFileSync(ran))).not.toBeNull();

    const undone = path.join(dir, "keep-undone.xlsx");
    expect((await cli("undo", ran, "-o", undone, "--as-of", AS_OF)).code).toBeLessThan(2);
    const u = unzipEntries(fs.readFileSync(undone))!;
    expect(
      Object.keys(u)
        .filter((n) => n.startsWith("customXml/"))
        .sort(),
    ).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
    expect(settingsFromPackage(fs.readFileSync(undone))).toBeNull();
    const rels = new TextDecoder().decode(u["xl/_rels/workbook.xml.rels"]);
    expect(rels).toContain("../customXml/item1.xml");
    expect(rels).not.toContain("../customXml/item2.xml");
    const types = new TextDecoder().decode(u["[Content_Types].xml"]);
    expect(types).toContain("/customXml/itemProps1.xml");
    expect(types).not.toContain("/customXml/itemProps2.xml");
    // The other add-in's part, byte for byte.
    expect(Buffer.from(u["customXml/item1.xml"]).equals(Buffer.from(input["customXml/item1.xml"]))).toBe(
      true,
    );
  });
});
