/**
 * docProps/app.xml's sheet list (HeadingPairs, TitlesOfParts; ECMA-376 Part 1 §22.2, Extended Properties)
 * kept in step with the sheets the patch adds and removes, or left byte for byte where it cannot be
 * read safely (src/cli/patch/app-props.ts).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { updatedAppXml, type ListedSheet } from "../../src/cli/patch/app-props";
import { cli } from "./helpers";
import { freshSamples } from "./samples";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">';

/** app.xml as a Japanese Excel writes it: worksheets, then named ranges (print areas, names). */
function excelApp(sheets: string[], names: string[], heading = "ワークシート"): string {
  const lp = (s: string) => `<vt:lpstr>${s}</vt:lpstr>`;
  const pair = (h: string, n: number) =>
    `<vt:variant>${lp(h)}</vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;
  const pairs = [pair(heading, sheets.length), ...(names.length ? [pair("名前付き一覧", names.length)] : [])];
  return (
    `${HEAD}<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">${pairs.join("")}</vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length + names.length}" baseType="lpstr">${[...sheets, ...names].map(lp).join("")}</vt:vector></TitlesOfParts>` +
    `<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`
  );
}

const sheets = (...names: string[]): ListedSheet[] =>
  names.map((n) => ({ name: n.replace(/^\*/, ""), veryHidden: n.startsWith("*") }));

describe("updatedAppXml", () => {
  const staff = ["No.28 H27-28", "No.28 H29-30"];
  const ours = sheets(...staff, "*_shinchoku_settings", "集計", "*_shinchoku_summary", "指摘一覧");

  it("adds the new sheets to the worksheet group, in tab order; named ranges and the rest stay", () => {
    const names = ["'No.28 H27-28'!Print_Area", "達成基準"];
    const out = updatedAppXml(excelApp(staff, names), sheets(...staff), ours);
    const names4 = ours.map((s) => s.name);
    expect(out).toBe(excelApp(names4, names));
  });

  it("removes them again (undo): back to the same text", () => {
    const before = excelApp(staff, ["達成基準"]);
    const after = updatedAppXml(before, sheets(...staff), ours)!;
    expect(updatedAppXml(after, ours, sheets(...staff))).toBe(before);
  });

  it("keeps a list that leaves out very hidden sheets that way", () => {
    const app = excelApp([...staff, "集計"], []);
    const before = sheets(...staff, "*_shinchoku_areas", "集計");
    expect(updatedAppXml(app, before, [...before, ...sheets("*_shinchoku_summary", "指摘一覧")])).toBe(
      excelApp([...staff, "集計", "指摘一覧"], []),
    );
  });

  it("finds the group by its titles whatever the heading's language, and writes names escaped", () => {
    const out = updatedAppXml(
      excelApp(staff, [], "Worksheets"),
      sheets(...staff),
      sheets(...staff, "R&D <1>"),
    );
    expect(out).toBe(excelApp([...staff, "R&amp;D &lt;1&gt;"], [], "Worksheets"));
  });

  it("keeps a pretty-printed part's line breaks between titles", () => {
    const app = excelApp(staff, []).replace(/<\/vt:lpstr><vt:lpstr>/g, "</vt:lpstr>\n    <vt:lpstr>");
    const out = updatedAppXml(app, sheets(...staff), sheets(...staff, "集計"))!;
    expect(out).toContain("<vt:lpstr>No.28 H29-30</vt:lpstr>\n    <vt:lpstr>集計</vt:lpstr></vt:vector>");
    expect(out).toContain('<vt:vector size="3" baseType="lpstr">');
    expect(out).toContain("<vt:i4>3</vt:i4>");
  });

  it("changes nothing (null) where the list cannot be trusted or read", () => {
    const added = sheets(...staff, "集計");
    // LibreOffice writes no sheet list at all.
    const libre = `${HEAD}<Template></Template><TotalTime>0</TotalTime><Application>LibreOffice/7.4.7.2</Application></Properties>`;
    expect(updatedAppXml(libre, sheets(...staff), added)).toBeNull();
    // Stale: the file's sheets are not the ones listed (a sheet added by a program that left app.xml).
    expect(updatedAppXml(excelApp(staff, []), sheets(...staff, "選択肢"), added)).toBeNull();
    // Counts that do not add up, a size that does not match.
    expect(
      updatedAppXml(excelApp(staff, []).replace("<vt:i4>2<", "<vt:i4>3<"), sheets(...staff), added),
    ).toBeNull();
    expect(
      updatedAppXml(
        excelApp(staff, []).replace('size="2" baseType="lpstr"', 'size="5" baseType="lpstr"'),
        sheets(...staff),
        added,
      ),
    ).toBeNull();
    // Something else inside the title vector.
    expect(
      updatedAppXml(
        excelApp(staff, []).replace(
          "<vt:lpstr>No.28 H27-28</vt:lpstr>",
          "<vt:lpstr>No.28 H27-28</vt:lpstr><!-- x -->",
        ),
        sheets(...staff),
        added,
      ),
    ).toBeNull();
    // No change of sheets.
    expect(updatedAppXml(excelApp(staff, []), sheets(...staff), sheets(...staff))).toBeNull();
  });
});

describe("run and undo keep docProps/app.xml's list in step", () => {
  const appXml = async (f: string) =>
    (await JSZip.loadAsync(fs.readFileSync(f))).file("docProps/app.xml")!.async("string");
  const titles = (xml: string) => [...xml.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
  const workbookSheets = async (f: string) => {
    const wb = await (await JSZip.loadAsync(fs.readFileSync(f))).file("xl/workbook.xml")!.async("string");
    return [...wb.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  };

  it("lists every worksheet after run, the second run and undo leave it as written", async () => {
    const s = await freshSamples();
    const out1 = path.join(s.dir, "out1.xlsx");
    const out2 = path.join(s.dir, "out2.xlsx");
    const undone = path.join(s.dir, "undone.xlsx");
    expect((await cli("run", s.plan, "-o", out1, "--as-of", "2019-06-30")).code).toBe(1);
    expect((await cli("run", out1, "-o", out2, "--as-of", "2019-06-30")).code).toBe(1);
    expect((await cli("undo", out1, "-o", undone)).code).toBe(1); // the sample holds errors
    const [input, first, second, back] = await Promise.all([s.plan, out1, out2, undone].map(appXml));
    expect(titles(input).slice(1)).toEqual(await workbookSheets(s.plan)); // [0] is the heading
    expect(titles(first).slice(1)).toEqual(await workbookSheets(out1));
    expect(titles(first)).toEqual(expect.arrayContaining(["集計", "指摘一覧", "_shinchoku_settings"]));
    expect(first).toContain(`<vt:i4>${titles(first).length - 1}</vt:i4>`);
    expect(second).toBe(first);
    expect(back).toBe(input);
  });
});
