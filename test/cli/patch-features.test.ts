/**
 * Issue 16's proof: the seed sample plus one Excel feature at a time (scripts/fixtures/features,
 * `npm run fixtures:features`) goes through `run IN -o OUT`, and
 *  - every part the run has no reason to touch is in OUT byte for byte (decompressed bytes);
 *  - in the parts it does touch, nothing of the input is lost: in the item sheets it writes into,
 *    every element outside the cells, merges, formats, links and columns of our areas (as the plan
 *    records them) is kept as written and in ECMA-376's order; in the workbook part every sheet,
 *    defined name and setting; every relationship and content type; every style record at its
 *    index; every shared string at its index, furigana included;
 *  - the feature itself is still there and still wired (its relationship, its element);
 *  - OUT is a sound package, and a second `run` on OUT changes no part.
 * Every feature is carried: none of them is a reason to refuse, since the patching writer copies
 * what it does not edit.
 */
import * as fs from "fs";
import * as path from "path";
import { analyseFile, planWrites } from "../../src/cli/pipeline";
import { parseAsOf } from "../../src/cli/args";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { CellRange } from "../../src/core/model/snapshot";
import { parseRangeA1 } from "../../src/core/grid/address";
import { FEATURES, FEATURE_SHEET, TOWN_HALL, type Feature } from "../../scripts/fixtures/features/features";
import { makeFeatureFixtures, packageProblems } from "../../scripts/fixtures/features/index";
import { legacyPasswordHash } from "../../scripts/fixtures/features/bin";
import { PASSWORD } from "../../scripts/fixtures/features/features";
import { Package, relsPathOf, resolveTarget } from "../../scripts/fixtures/features/ooxml";
import { cli, tmpDir } from "./helpers";
import { freshSamples } from "./samples";
import {
  changedParts,
  contentTypeLosses,
  readParts,
  relationshipLosses,
  sharedStringsLosses,
  stylesLosses,
  workbookLosses,
  worksheetLosses,
  type OurAreas,
} from "./package-compare";

const AS_OF = "2019-06-30";

/** Fixtures whose docProps/app.xml does not list their sheets (a sheet added without it). */
const STALE_APP = new Set(["cross-sheet-dropdowns", "pivot-table", "town-hall"]);

/** Parts any run may rewrite (each then compared element by element below), besides the sheets it writes into. */
const SHARED_PARTS = [
  "[Content_Types].xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
  "docProps/app.xml",
];

/** Our areas per sheet name, from the plans `run` makes of the file. */
async function plannedAreas(file: string): Promise<Map<string, OurAreas>> {
  const a = await analyseFile(file, DEFAULT_CONFIG, parseAsOf(AS_OF));
  const out = new Map<string, OurAreas>();
  for (const plan of planWrites(a, "run", true, "en"))
    for (const e of plan.edits) {
      if (e.kind !== "item") continue;
      const areas = out.get(e.sheet) ?? { ranges: [], columns: [] };
      const cell = (row: number, col: number): CellRange => ({
        top: row,
        left: col,
        bottom: row,
        right: col,
      });
      areas.ranges.push(
        ...e.clear,
        ...e.merges,
        ...e.writes.map((w) => ({
          top: w.row,
          left: w.col,
          bottom: w.row,
          right: w.col + w.values.length - 1,
        })),
        ...e.conditionalFormats.map((c) => c.range),
        ...e.hyperlinks.map((h) => cell(h.row, h.col)),
        ...(e.validations ?? []).map((v) => v.range),
      );
      areas.columns.push(...e.columnWidths.map((c) => c.col + 1));
      out.set(e.sheet, areas);
    }
  return out;
}

interface Outcome {
  feature: Feature;
  input: string;
  out1: string;
  out2: string;
  first: Awaited<ReturnType<typeof cli>>;
  second: Awaited<ReturnType<typeof cli>>;
  areas: Map<string, OurAreas>;
  /** Input sheet part → sheet name, for the sheets the plans write into. */
  touched: Map<string, string>;
  parts: { input: Map<string, Buffer>; out1: Map<string, Buffer>; out2: Map<string, Buffer> };
}

let fixtures: Map<string, string>;
let dir: string;

beforeAll(async () => {
  const s = await freshSamples();
  dir = tmpDir("features");
  const made = await makeFeatureFixtures(dir, s.plan);
  fixtures = new Map(made.map((m) => [m.feature.name, m.file]));
}, 120000);

async function runTwice(feature: Feature): Promise<Outcome> {
  const input = fixtures.get(feature.name)!;
  const out1 = path.join(dir, `${feature.name}.out1.${feature.ext}`);
  const out2 = path.join(dir, `${feature.name}.out2.${feature.ext}`);
  const first = await cli("run", input, "-o", out1, "--as-of", AS_OF, "--lang", "en", "--no-progress");
  const second = fs.existsSync(out1)
    ? await cli("run", out1, "-o", out2, "--as-of", AS_OF, "--lang", "en", "--no-progress")
    : first;
  const areas = await plannedAreas(input);
  const pkg = await Package.load(fs.readFileSync(input));
  const touched = new Map<string, string>();
  for (const sh of await pkg.sheets()) if (areas.has(sh.name)) touched.set(sh.part, sh.name);
  const read = async (f: string) =>
    fs.existsSync(f) ? readParts(fs.readFileSync(f)) : new Map<string, Buffer>();
  return {
    feature,
    input,
    out1,
    out2,
    first,
    second,
    areas,
    touched,
    parts: { input: await read(input), out1: await read(out1), out2: await read(out2) },
  };
}

const text = (parts: Map<string, Buffer>, name: string): string => parts.get(name)?.toString("utf8") ?? "";

/** The parts a relationship of `part` with this type points to, in OUT. */
function targets(parts: Map<string, Buffer>, part: string, type: string): string[] {
  const rels = text(parts, relsPathOf(part));
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((r) => r.includes(`Type="${type}"`) || r.includes(`/${type}"`))
    .map((r) => {
      const target = /Target="([^"]*)"/.exec(r)![1];
      return /TargetMode="External"/.test(r) ? target : resolveTarget(part, target);
    });
}

/** The feature as it must be found in OUT: its element and its wiring. `sheet` is the feature sheet's part. */
type FeatureCheck = (parts: Map<string, Buffer>, sheet: string) => void;

const WB = "xl/workbook.xml";
const WB_RELS = "xl/_rels/workbook.xml.rels";

const CHECKS: Record<string, FeatureCheck> = {
  notes: (p, sheet) => {
    expect(text(p, sheet)).toMatch(/<legacyDrawing r:id="rId\d+"\/>/);
    const [comments] = targets(p, sheet, "comments");
    expect(text(p, comments)).toContain("<author>山田 太郎</author>");
    expect(text(p, comments)).toContain("平成27年度の実績は4区の講座修了者の合計（3月末確定）。");
    expect(text(p, comments)).toContain('<comment ref="B15" authorId="1"');
    expect(targets(p, sheet, "vmlDrawing")).toEqual(["xl/drawings/vmlDrawing1.vml"]);
  },
  "threaded-comments": (p, sheet) => {
    const [tc] = targets(p, sheet, "threadedComment");
    expect(text(p, tc)).toContain("10月の進捗管理で見直します。");
    expect(text(p, tc)).toMatch(/parentId="\{8D2E4F60/);
    expect(targets(p, WB, "person")).toEqual(["xl/persons/person.xml"]);
    expect(text(p, "xl/persons/person.xml")).toContain('displayName="佐藤 花子"');
  },
  furigana: (p, sheet) => {
    expect(text(p, "xl/sharedStrings.xml")).toContain('<rPh sb="0" eb="3"><t>タントウカ</t></rPh>');
    expect(text(p, "xl/sharedStrings.xml")).toContain("<t>チュウオウコウミンカン</t>");
    expect(text(p, sheet)).toContain('<phoneticPr fontId="0" type="noConversion"/>');
    expect(text(p, sheet)).toMatch(/<c r="L5"[^>]* ph="1"/);
  },
  "workbook-protection": (p) => {
    expect(text(p, WB)).toMatch(
      /<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="[^"]+"[^>]* lockStructure="1"\/>/,
    );
  },
  "sheet-password": (p, sheet) => {
    expect(text(p, sheet)).toContain(`<sheetProtection password="${legacyPasswordHash(PASSWORD)}" sheet="1"`);
  },
  "file-sharing": (p) => {
    expect(text(p, WB)).toContain(
      `<fileSharing readOnlyRecommended="1" userName="行政経営課" reservationPassword="${legacyPasswordHash(PASSWORD)}"/>`,
    );
  },
  "protected-ranges": (p, sheet) => {
    expect(text(p, sheet)).toMatch(/<sheetProtection algorithmName="SHA-512" hashValue="[^"]+"/);
    expect(text(p, sheet)).toContain('sqref="H14:H15 L14:L15" name="実績入力"/>');
  },
  "custom-properties": (p) => {
    expect(targets(p, "", "custom-properties")).toEqual(["docProps/custom.xml"]);
    expect(text(p, "docProps/custom.xml")).toContain("MSIP_Label_3c9f0a2e-1b4d-4e8a-9f6c-2d5e7a8b1c0d_Name");
    expect(text(p, "docProps/custom.xml")).toContain("<vt:lpwstr>庁内限り</vt:lpwstr>");
  },
  "external-links": (p, sheet) => {
    const [link] = targets(p, WB, "externalLink");
    expect(link).toBe("xl/externalLinks/externalLink1.xml");
    const rid = /Id="(rId\d+)"[^>]*Target="externalLinks\/externalLink1.xml"/.exec(text(p, WB_RELS))![1];
    expect(text(p, WB)).toContain(
      `<externalReferences><externalReference r:id="${rid}"/></externalReferences>`,
    );
    expect(targets(p, link, "externalLinkPath")).toEqual(["平成26年度_進捗集計.xlsx"]);
    expect(text(p, sheet)).toContain('<c r="B30"><f>[1]集計!$B$2</f><v>930</v></c>');
    expect(text(p, WB)).toContain('<definedName name="前年度実績">[1]集計!$B$2</definedName>');
  },
  hyperlinks: (p, sheet) => {
    expect(text(p, sheet)).toContain(
      `<hyperlink ref="A30" location="'No.28 H29-30'!A1" display="→ 平成29-30年度のシート"/>`,
    );
    const rid = /<hyperlink ref="A31" r:id="(rId\d+)"/.exec(text(p, sheet))![1];
    expect(text(p, relsPathOf(sheet))).toMatch(
      new RegExp(`Id="${rid}"[^>]*Target="https://www.city.niigata.lg.jp/`),
    );
  },
  "data-bars": (p, sheet) => {
    expect(text(p, sheet)).toContain('<cfRule type="dataBar" priority="1">');
    expect(text(p, sheet)).toContain("<x14:id>{6A3B0C1D-2E4F-4A5B-8C9D-0E1F2A3B4C5D}</x14:id>");
    expect(text(p, sheet)).toMatch(/<x14:cfRule type="dataBar" id="\{6A3B0C1D[^"]*"><x14:dataBar /);
  },
  sparklines: (p, sheet) => {
    expect(text(p, sheet)).toContain(`<xm:f>'${FEATURE_SHEET}'!F14:M14</xm:f><xm:sqref>P14</xm:sqref>`);
  },
  "cross-sheet-dropdowns": (p, sheet) => {
    expect(text(p, sheet)).toContain(
      "<x14:formula1><xm:f>選択肢!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>I23 M23 I27</xm:sqref>",
    );
    expect(text(p, sheet)).toContain(
      'sqref="I18 M18"><formula1>"順調,概ね順調,進捗に遅れあり,未着手,完了"</formula1>',
    );
    expect(text(p, WB)).toMatch(/<sheet name="選択肢" sheetId="13" state="hidden" r:id="rId\d+"\/>/);
  },
  "form-controls": (p, sheet) => {
    const rid = /<control shapeId="1025" r:id="(rId\d+)" name="Check Box 1">/.exec(text(p, sheet))![1];
    expect(text(p, relsPathOf(sheet))).toMatch(
      new RegExp(`Id="${rid}"[^>]*Target="../ctrlProps/ctrlProp1.xml"`),
    );
    expect(text(p, "xl/ctrlProps/ctrlProp1.xml")).toContain('objectType="CheckBox" checked="Checked"');
  },
  "ole-object": (p, sheet) => {
    const rid = /<oleObject progId="Package"[^>]* r:id="(rId\d+)"\/>/.exec(text(p, sheet))![1];
    expect(text(p, relsPathOf(sheet))).toMatch(
      new RegExp(`Id="${rid}"[^>]*Target="../embeddings/oleObject1.bin"`),
    );
    expect(p.get("xl/embeddings/oleObject1.bin")!.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
  },
  "print-titles": (p, sheet) => {
    expect(text(p, WB)).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">'No.28 H27-28'!\$2:\$4<\/definedName>/,
    );
    expect(text(p, WB)).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="0">'No.28 H27-28'!\$A\$2:\$O\$28<\/definedName>/,
    );
    expect(text(p, sheet)).toContain("<oddFooter>&amp;C&amp;P / &amp;N ページ</oddFooter>");
  },
  "page-breaks": (p, sheet) => {
    expect(text(p, sheet)).toContain(
      '<rowBreaks count="1" manualBreakCount="1"><brk id="19" max="16383" man="1"/></rowBreaks>',
    );
    expect(text(p, sheet)).toContain(
      '<colBreaks count="1" manualBreakCount="1"><brk id="9" max="1048575" man="1"/></colBreaks>',
    );
    expect(text(p, sheet)).toMatch(/<sheetView view="pageBreakPreview"/);
  },
  "printer-settings": (p, sheet) => {
    const rid = /<pageSetup [^>]*r:id="(rId\d+)"\/>/.exec(text(p, sheet))![1];
    expect(text(p, relsPathOf(sheet))).toMatch(
      new RegExp(`Id="${rid}"[^>]*Target="../printerSettings/printerSettings1.bin"`),
    );
    expect(p.get("xl/printerSettings/printerSettings1.bin")!.length).toBe(220);
  },
  "fit-to-page": (p, sheet) => {
    expect(text(p, sheet)).toContain(
      '<sheetPr><tabColor rgb="FF00B050"/><pageSetUpPr fitToPage="1"/></sheetPr>',
    );
    expect(text(p, sheet)).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(text(p, sheet)).toContain('<printOptions horizontalCentered="1"/>');
  },
  "defined-names": (p) => {
    const wb = text(p, WB);
    expect(wb).toContain('<definedName name="達成基準">0.8</definedName>');
    expect(wb).toContain('<definedName name="担当部署" comment="集計の宛先">"行政経営課"</definedName>');
    expect(wb).toContain('<definedName name="_作業用" hidden="1">#REF!</definedName>');
    expect(wb).toContain("<definedName name=\"指標実績\">'No.28 H29-30'!$H$14:$H$15</definedName>");
    expect(wb).toMatch(
      /<definedName name="指標実績" localSheetId="0">'No.28 H27-28'!\$H\$14:\$H\$15<\/definedName>/,
    );
  },
  "calc-settings": (p) => {
    expect(text(p, WB)).toMatch(
      /<calcPr [^>]*calcMode="manual" iterate="1" iterateCount="50" iterateDelta="0.0001"/,
    );
  },
  "chart-sheet": (p) => {
    const rid = /<sheet name="指標グラフ" sheetId="13" r:id="(rId\d+)"\/>/.exec(text(p, WB))![1];
    expect(text(p, WB_RELS)).toMatch(new RegExp(`Id="${rid}"[^>]*Target="chartsheets/sheet1.xml"`));
    expect(targets(p, "xl/chartsheets/sheet1.xml", "drawing")).toEqual(["xl/drawings/drawing1.xml"]);
    expect(text(p, "xl/charts/chart1.xml")).toContain("講座受講者数（累計）");
  },
  "chart-on-sheet": (p, sheet) => {
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(text(p, sheet))![1];
    expect(text(p, relsPathOf(sheet))).toMatch(
      new RegExp(`Id="${rid}"[^>]*Target="../drawings/drawing1.xml"`),
    );
    expect(targets(p, "xl/drawings/drawing1.xml", "chart")).toEqual(["xl/charts/chart1.xml"]);
  },
  picture: (p, sheet) => {
    const [drawing] = targets(p, sheet, "drawing");
    expect(drawing).toBe("xl/drawings/drawing1.xml");
    expect(text(p, drawing)).toContain('descr="市章"');
    expect(targets(p, drawing, "image")).toEqual(["xl/media/image1.png"]);
    expect(p.get("xl/media/image1.png")!.subarray(1, 4).toString()).toBe("PNG");
  },
  "pivot-table": (p) => {
    expect(text(p, WB)).toMatch(/<pivotCaches><pivotCache cacheId="1" r:id="rId\d+"\/><\/pivotCaches>/);
    expect(targets(p, WB, "pivotCacheDefinition")).toEqual(["xl/pivotCache/pivotCacheDefinition1.xml"]);
    expect(text(p, "xl/pivotTables/pivotTable1.xml")).toContain('name="ピボットテーブル1" cacheId="1"');
  },
  "town-hall": (p, sheet) => {
    // Each feature's own check, but the chart sheet's: its sheetId and drawing differ here.
    const included = FEATURES.filter((f) => TOWN_HALL.includes(f.build) && f.name !== "chart-sheet");
    expect(included).toHaveLength(TOWN_HALL.length - 1);
    for (const f of included) CHECKS[f.name](p, sheet);
    expect(text(p, WB)).toMatch(/<sheet name="指標グラフ" sheetId="14" r:id="rId\d+"\/>/);
    expect(targets(p, "xl/chartsheets/sheet1.xml", "drawing")).toEqual(["xl/drawings/drawing2.xml"]);
  },
  macros: (p) => {
    expect(text(p, "[Content_Types].xml")).toContain(
      'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
    expect(targets(p, WB, "vbaProject")).toEqual(["xl/vbaProject.bin"]);
    expect(p.get("xl/vbaProject.bin")!.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expect(text(p, WB)).toMatch(/<workbookPr [^>]*codeName="ThisWorkbook"/);
  },
};

describe.each(FEATURES.map((f) => [f.name, f] as const))(
  "run on the seed sample with %s",
  (_name, feature) => {
    let o: Outcome;
    beforeAll(async () => {
      o = await runTwice(feature);
    }, 180000);

    it("writes OUT, with nothing to warn about", () => {
      expect([o.first.stderr, fs.existsSync(o.out1)]).toEqual(["", true]);
      // The sample holds errors (exit 1), whatever the feature.
      expect(o.first.code).toBe(1);
      expect(o.first.stdout).toContain(`output: ${o.out1}`);
    });

    it("copies every part it does not write byte for byte", () => {
      const mayChange = new Set([
        ...SHARED_PARTS,
        WB,
        ...o.touched.keys(),
        ...[...o.touched.keys()].map(relsPathOf),
      ]);
      // In the plain sample these are the twelve item sheets; the feature's own parts are never among them.
      expect(o.touched.size).toBeGreaterThanOrEqual(12);
      const lost = changedParts(o.parts.input, o.parts.out1).filter(
        (p) => !p.endsWith("(new)") && !mayChange.has(p),
      );
      expect(lost).toEqual([]);
    });

    it("keeps every element of the item sheets it writes into, outside our areas", () => {
      for (const [part, name] of o.touched) {
        const losses = worksheetLosses(
          text(o.parts.input, part),
          text(o.parts.out1, part),
          o.areas.get(name)!,
        );
        expect([part, losses]).toEqual([part, []]);
        const rels = relsPathOf(part);
        if (o.parts.input.has(rels))
          expect([rels, relationshipLosses(text(o.parts.input, rels), text(o.parts.out1, rels))]).toEqual([
            rels,
            [],
          ]);
      }
    });

    it("keeps the workbook part, relationships, content types, style records and shared strings", () => {
      const { input, out1 } = o.parts;
      expect(workbookLosses(text(input, WB), text(out1, WB))).toEqual([]);
      expect(relationshipLosses(text(input, WB_RELS), text(out1, WB_RELS))).toEqual([]);
      expect(relationshipLosses(text(input, "_rels/.rels"), text(out1, "_rels/.rels"))).toEqual([]);
      expect(
        contentTypeLosses(
          text(input, "[Content_Types].xml"),
          text(out1, "[Content_Types].xml"),
          new Set(out1.keys()),
        ),
      ).toEqual([]);
      expect(stylesLosses(text(input, "xl/styles.xml"), text(out1, "xl/styles.xml"))).toEqual([]);
      expect(
        sharedStringsLosses(text(input, "xl/sharedStrings.xml"), text(out1, "xl/sharedStrings.xml")),
      ).toEqual([]);
    });

    it("keeps the feature, wired to its sheet", async () => {
      const sheet = [...o.touched.entries()].find(([, n]) => n === FEATURE_SHEET)![0];
      CHECKS[feature.name](o.parts.out1, sheet);
      // And the input held it too: the check is of the feature, not of something the run made.
      CHECKS[feature.name](o.parts.input, sheet);
    });

    it("writes a sound package: every relationship resolves, every part has a content type", async () => {
      expect(await packageProblems(await Package.load(fs.readFileSync(o.out1)))).toEqual([]);
    });

    it("writes the same with --in-place (charts, pivot tables, drawings and macros included)", async () => {
      const copy = path.join(dir, `${feature.name}.in-place.${feature.ext}`);
      fs.copyFileSync(o.input, copy);
      const r = await cli("run", copy, "--in-place", "--as-of", AS_OF, "--lang", "en", "--no-progress");
      expect([r.code, r.stderr]).toEqual([o.first.code, ""]);
      expect(changedParts(o.parts.out1, await readParts(fs.readFileSync(copy)))).toEqual([]);
    });

    it("lists OUT's worksheets in docProps/app.xml, or leaves a list that was stale as it was", async () => {
      const APP = "docProps/app.xml";
      const titles = (xml: string) =>
        [
          ...(/<TitlesOfParts>(.*)<\/TitlesOfParts>/s.exec(xml)?.[1] ?? "").matchAll(/<vt:lpstr>([^<]*)</g),
        ].map((m) => m[1]);
      const worksheets = async (f: string) =>
        (await (await Package.load(fs.readFileSync(f))).sheets())
          .filter((sh) => sh.part.startsWith("xl/worksheets/"))
          .map((sh) => sh.name);
      const [input, out1] = [text(o.parts.input, APP), text(o.parts.out1, APP)];
      // The generator adds a sheet (選択肢, ピボット) without listing it, as a program that leaves app.xml would.
      if (STALE_APP.has(feature.name)) {
        expect(titles(input)).not.toEqual(await worksheets(o.input));
        expect(out1).toBe(input);
        return;
      }
      expect(titles(input)).toEqual(await worksheets(o.input));
      expect(titles(out1)).toEqual(await worksheets(o.out1));
      expect(titles(out1)).toEqual(expect.arrayContaining(["集計", "指摘一覧"]));
      expect(out1).toContain(`<vt:i4>${titles(out1).length}</vt:i4>`);
      // Only the list changed: the same text once it is taken out.
      const list = /<HeadingPairs>.*<\/TitlesOfParts>/s;
      expect(out1.replace(list, "")).toBe(input.replace(list, ""));
    });

    it("changes no part on a second run", () => {
      expect(o.second.code).toBe(o.first.code);
      expect(o.second.stderr).toBe("");
      expect(changedParts(o.parts.out1, o.parts.out2)).toEqual([]);
    });
  },
);

describe("the feature checks", () => {
  it("cover every fixture, and fail on the plain sample", async () => {
    expect(Object.keys(CHECKS).sort()).toEqual(FEATURES.map((f) => f.name).sort());
    const plain = await readParts(fs.readFileSync((await freshSamples()).plan));
    const failing = Object.entries(CHECKS).filter(([, check]) => {
      try {
        check(plain, "xl/worksheets/sheet1.xml");
        return false;
      } catch {
        return true;
      }
    });
    expect(failing.map(([n]) => n)).toEqual(Object.keys(CHECKS));
  });

  it("find each kind of loss in a real fixture's parts", async () => {
    const parts = await readParts(fs.readFileSync(fixtures.get("furigana")!));
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    const areas: OurAreas = { ranges: [parseRangeA1("Q12:AC15")], columns: [] };
    expect(worksheetLosses(sheet, sheet, areas)).toEqual([]);
    const mutations = [
      sheet.replace('<phoneticPr fontId="0" type="noConversion"/>', ""),
      sheet.replace('<c r="A2" s="1"', '<c r="A2" s="2"'),
      sheet.replace(/(<pageMargins[^>]*\/>)(.*)(<\/worksheet>)/, "$2$1$3"),
      sheet.replace('<col min="1" max="2" width="16"', '<col min="1" max="2" width="17"'),
      sheet.replace('<mergeCell ref="A4:C4"/>', ""),
      sheet.replace('<row r="4" spans="1:15" x14ac:dyDescent="0.25"', '<row r="4" spans="1:15"'),
      sheet.replace(' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"', ""),
    ];
    for (const m of mutations) {
      expect(m).not.toBe(sheet);
      expect(worksheetLosses(sheet, m, areas)).not.toEqual([]);
    }
    const sst = text(parts, "xl/sharedStrings.xml");
    expect(
      sharedStringsLosses(sst, sst.replace('<rPh sb="0" eb="3"><t>タントウカ</t></rPh>', "")),
    ).toHaveLength(1);
    const styles = text(parts, "xl/styles.xml");
    expect(stylesLosses(styles, styles.replace("<b/>", "<i/>"))).toHaveLength(1);
    const types = text(parts, "[Content_Types].xml");
    const vmlLess = types.replace(/<Default Extension="vml"[^>]*\/>/, "");
    expect(contentTypeLosses(types, vmlLess, new Set(parts.keys()))).toHaveLength(1);
    const rels = text(parts, WB_RELS);
    expect(relationshipLosses(rels, rels.replace('Id="rId4"', 'Id="rId99"'))).toHaveLength(1);
  });

  it("find a lost or changed defined name, and accept one whose sheet index was renumbered", () => {
    const wb = (sheets: string, names: string) =>
      `<workbook xmlns="m"><sheets>${sheets}</sheets><definedNames>${names}</definedNames><calcPr calcId="1" iterate="1"/></workbook>`;
    const a = '<sheet name="A" sheetId="1" r:id="rId1"/>';
    const b = '<sheet name="B" sheetId="2" r:id="rId2"/>';
    const before = wb(a + b, '<definedName name="x" localSheetId="1">B!$A$1</definedName>');
    const ours = '<sheet name="集計" sheetId="3" r:id="rId3"/>';
    // A sheet put before B: B's names now say localSheetId 2, and mean the same.
    expect(
      workbookLosses(before, wb(a + ours + b, '<definedName name="x" localSheetId="2">B!$A$1</definedName>')),
    ).toEqual([]);
    expect(
      workbookLosses(before, wb(b + a, '<definedName name="x" localSheetId="0">B!$A$1</definedName>')),
    ).toEqual(["sheet A: lost or moved", "sheet B: lost or moved"]);
    expect(
      workbookLosses(before, wb(a + b + ours, '<definedName name="x" localSheetId="1">B!$A$1</definedName>')),
    ).toEqual([]);
    expect(
      workbookLosses(before, wb(a + b, '<definedName name="x" localSheetId="0">B!$A$1</definedName>')),
    ).toHaveLength(1);
    expect(workbookLosses(before, wb(a + b, "").replace(' iterate="1"', ""))).toHaveLength(2);
  });

  it("find a lost cell, a lost element and a reordered element in a sheet", () => {
    const before =
      '<worksheet xmlns="m"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="Q1"><v>2</v></c></row></sheetData><sheetProtection sheet="1"/><pageMargins left="1"/></worksheet>';
    const areas: OurAreas = { ranges: [parseRangeA1("Q1:R2")], columns: [17, 18] };
    // Our area may change freely.
    expect(worksheetLosses(before, before.replace("<v>2</v>", "<v>3</v>"), areas)).toEqual([]);
    expect(worksheetLosses(before, before.replace("<v>1</v>", "<v>9</v>"), areas)).toHaveLength(1);
    expect(worksheetLosses(before, before.replace('<sheetProtection sheet="1"/>', ""), areas)).not.toEqual(
      [],
    );
    const swapped = before.replace(
      '<sheetProtection sheet="1"/><pageMargins left="1"/>',
      '<pageMargins left="1"/><sheetProtection sheet="1"/>',
    );
    expect(worksheetLosses(before, swapped, areas).join()).toMatch(/order/);
  });
});
