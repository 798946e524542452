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
import { readWorkbookBytes } from "../../src/cli/read";

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

describe("a summary of several files: each file with its own settings", () => {
  let s: Awaited<ReturnType<typeof freshSamples>>;
  let dir: string;
  const STALE = "baseline/stale-estimate";
  const part = (overrides: Record<string, unknown>) =>
    settingsToXml({ overrides: overrides as never, highlightErrors: false });
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { findings: Array<{ code: string; sheet: string | null }> }).findings;
  const summaryStrings = (file: string, sheet = "集計") =>
    readWorkbookBytes(fs.readFileSync(file))
      .sheets.find((x) => x.name === sheet)!
      .values.flat()
      .filter((v): v is string => typeof v === "string");

  beforeAll(async () => {
    s = await freshSamples();
    dir = tmpDir("wbset-many");
  });

  /** The pasted sample with its item renumbered No.99 (No. in D5 and D32): no item in common with the plan. */
  function renumbered(dst: string): void {
    const e = unzipEntries(fs.readFileSync(s.pasted))!;
    const sheet = new TextDecoder().decode(e["xl/worksheets/sheet1.xml"]);
    const moved = sheet.replace(/<c r="(D5|D32)"><v>28<\/v><\/c>/g, '<c r="$1"><v>99</v></c>');
    expect(moved).not.toBe(sheet);
    e["xl/worksheets/sheet1.xml"] = enc(moved);
    fs.writeFileSync(dst, zipEntries(e));
  }

  test("each file is checked with its own settings part (a rule off in one file only)", async () => {
    const quiet = path.join(dir, "quiet.xlsx");
    const other = path.join(dir, "no99.xlsx");
    withPart(s.plan, quiet, part({ severity: { [STALE]: "off" } }));
    renumbered(other);
    const out = path.join(dir, "many.xlsx");
    const r = await cli("summary", quiet, other, "-o", out, "--as-of", AS_OF, "--json");
    expect(r.code).toBe(1);
    const pastedSheet = readWorkbookBytes(fs.readFileSync(s.pasted)).sheets[0].name;
    const stale = findings(r.stdout).filter((f) => f.code === STALE);
    // The pasted file keeps the rule (its 2 findings); the other file's settings turn it off there.
    expect(stale.map((f) => f.sheet)).toEqual([pastedSheet, pastedSheet]);
    // One summary of both files' items (six and the renumbered one), on one sheet.
    const report = JSON.parse(r.stdout) as { items: Array<{ no: string }>; summary: { items: number } };
    expect(report.summary.items).toBe(7);
    expect(report.items.map((i) => i.no)).toContain("99");
    expect(summaryStrings(out).length).toBeGreaterThan(7);
    // Without its part, the same file has them (12): the part is what made the difference.
    const control = await cli("summary", s.plan, other, "-o", out, "--as-of", AS_OF, "--json");
    expect(findings(control.stdout).filter((f) => f.code === STALE)).toHaveLength(14);
  });

  test("settings that agree shape the summary (they were ignored for the defaults before)", async () => {
    const a = path.join(dir, "a.xlsx");
    const b = path.join(dir, "b.xlsx");
    withPart(s.plan, a, part({ summaryTitle: "新潟市 行政改革プラン 一覧" }));
    withPart(s.pasted, b, part({ summaryTitle: "新潟市 行政改革プラン 一覧" }));
    const out = path.join(dir, "agree.xlsx");
    expect((await cli("summary", a, b, "-o", out, "--as-of", AS_OF)).code).toBe(1);
    expect(summaryStrings(out).some((v) => v.includes("新潟市 行政改革プラン 一覧"))).toBe(true);
  });

  test("settings that shape the summary and disagree: refused in ja and en, nothing written; --config decides", async () => {
    const a = path.join(dir, "title-a.xlsx");
    const b = path.join(dir, "title-b.xlsx");
    withPart(s.plan, a, part({ summaryTitle: "A の一覧" }));
    withPart(
      s.pasted,
      b,
      part({
        summaryTitle: "B の一覧",
        flagBands: [
          { label: "良", min: 0.9 },
          { label: "可", min: 0 },
        ],
      }),
    );
    const out = path.join(dir, "differ.xlsx");
    const ja = await cli("summary", a, b, "-o", out, "--as-of", AS_OF);
    expect(ja.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(ja.stderr).toContain(
      "集計の形を決める項目で食い違っています（flagBands、summaryTitle: title-a.xlsx、title-b.xlsx）",
    );
    expect(ja.stderr).toContain("--config");
    const en = await cli("summary", a, b, "-o", out, "--as-of", AS_OF, "--lang", "en");
    expect(en.stderr).toContain(
      "differ in what shapes the summary (flagBands, summaryTitle: title-a.xlsx, title-b.xlsx)",
    );
    // A file without a part agrees with neither: the defaults are its settings.
    const plain = await cli("summary", a, s.pasted, "-o", out, "--as-of", AS_OF, "--lang", "en");
    expect(plain.stderr).toContain(`(summaryTitle: title-a.xlsx, ${path.basename(s.pasted)})`);
    // With --json, stdout says it too: each file with the refusal as its error.
    const json = await cli("summary", a, b, "-o", out, "--as-of", AS_OF, "--lang", "en", "--json");
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout) as { files: Array<{ file: string; error: string }> };
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(["title-a.xlsx", "title-b.xlsx"]);
    for (const f of doc.files) expect(f.error).toContain("differ in what shapes the summary");
    const cfg = path.join(dir, "one.json");
    fs.writeFileSync(cfg, JSON.stringify({ summaryTitle: "全庁の一覧" }));
    expect((await cli("summary", a, b, "-o", out, "--config", cfg, "--as-of", AS_OF)).code).toBe(1);
    expect(summaryStrings(out).some((v) => v.includes("全庁の一覧"))).toBe(true);
  });

  test("an item whose sheets are in files read with different settings: refused, naming them", async () => {
    const quiet = path.join(dir, "first.xlsx");
    const copy = path.join(dir, "second.xlsx");
    withPart(s.plan, quiet, part({ severity: { [STALE]: "off" } }));
    fs.copyFileSync(s.plan, copy);
    const out = path.join(dir, "across.xlsx");
    const r = await cli("summary", quiet, copy, "-o", out, "--as-of", AS_OF, "--lang", "en");
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(r.stderr).toContain(
      "item No.28 has sheets in files whose saved settings differ (first.xlsx, second.xlsx)",
    );
    // The same two files with the same settings: the item joins across them, as before.
    fs.copyFileSync(s.plan, quiet);
    expect((await cli("summary", quiet, copy, "-o", out, "--as-of", AS_OF)).code).toBe(1);
  });

  test("a settings part the schema refuses stops the summary, naming the workbook", async () => {
    const bad = path.join(dir, "bad-many.xlsx");
    withPart(s.plan, bad, part({ summarySheetName: "a/b" }));
    const out = path.join(dir, "bad-many-out.xlsx");
    const r = await cli("summary", s.pasted, bad, "-o", out, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(r.stderr).toContain("bad-many.xlsx");
    expect(r.stderr).toContain("summarySheetName");
  });
});
