import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import {
  cellsOf,
  cli,
  conditionalFormats,
  expectSameWorkbook,
  internalLinks,
  load,
  mergesOf,
  sha256,
  visibleSheets,
} from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";

describe("run IN -o OUT on a real .xlsx (six items, two sheets each)", () => {
  let s: Awaited<ReturnType<typeof freshSamples>>;
  let out1: string;
  let out2: string;
  let inputHash: string;
  let first: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    s = await freshSamples();
    inputHash = sha256(s.plan);
    out1 = path.join(s.dir, "out1.xlsx");
    out2 = path.join(s.dir, "out2.xlsx");
    first = await cli("run", s.plan, "-o", out1, "--as-of", AS_OF);
    await cli("run", out1, "-o", out2, "--as-of", AS_OF);
  });

  it("leaves the input file byte for byte as it was", () => {
    expect(sha256(s.plan)).toBe(inputHash);
  });

  it("exits 1 (the sample has errors), prints the report and where the output went", () => {
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("No.30 地域コミュニティ協議会への活動補助の見直し");
    expect(first.stdout).toContain("1,2OO");
    expect(first.stdout).toContain(`出力: ${out1}`);
    // The summary's chart is written now (the patching writer; ExcelJS could not): no note about it.
    expect(first.stdout).not.toContain("グラフはコマンドラインでは作成できません");
    expect(fs.existsSync(out1)).toBe(true);
  });

  it("keeps every input sheet, cell, style and merge, and adds the summary and the findings sheet last", async () => {
    const [inp, out] = [await load(s.plan), await load(out1)];
    // The sample is merged and styled like the form, so this comparison has something to keep.
    expect(mergesOf(inp.worksheets[0]).length).toBeGreaterThan(3);
    const labels = inp.worksheets[0].getColumn(1).values.filter((v) => typeof v === "string");
    expect(labels.length).toBeGreaterThan(3);
    let bold = 0;
    inp.worksheets[0].getColumn(1).eachCell((c) => (bold += c.font?.bold ? 1 : 0));
    expect(bold).toBeGreaterThan(3);
    expect(visibleSheets(out).map((w) => w.name)).toEqual([
      ...inp.worksheets.map((w) => w.name),
      DEFAULT_CONFIG.summarySheetName,
      DEFAULT_CONFIG.findingsSheetName,
    ]);
    for (const wi of inp.worksheets) {
      const wo = out.getWorksheet(wi.name)!;
      const after = cellsOf(wo);
      for (const [addr, v] of cellsOf(wi)) expect([addr, after.get(addr)]).toEqual([addr, v]);
      for (const m of mergesOf(wi)) expect(mergesOf(wo)).toContain(m);
    }
  });

  it("writes the computed area with live formulas beside each indicator table", async () => {
    const ws = (await load(out1)).getWorksheet("No.28 H27-28")!;
    const title = cellsOf(ws);
    const titleCell = [...title.entries()].find(([, v]) => v.includes(DEFAULT_CONFIG.ownedAreaTitle));
    expect(titleCell).toBeDefined();
    // The rate of 平成27 for the first indicator: 1152 / 1090.
    const rate = [...title.values()]
      .map((v) => JSON.parse(v).v)
      .find((v) => v && typeof v === "object" && "formula" in v);
    expect(rate.result).toBeCloseTo(1152 / 1090, 10);
    // Flags coloured by conditional formats (達成 / 概ね達成 / 未達成 / 未入力 per year column).
    expect(conditionalFormats(ws).length).toBeGreaterThanOrEqual(8);
  });

  it("writes the summary: our marker in A1, item rows linked to their sheets, tables, active tab", async () => {
    const wb = await load(out1);
    const ws = wb.getWorksheet(DEFAULT_CONFIG.summarySheetName)!;
    expect(String(ws.getCell("A1").value)).toContain(DEFAULT_CONFIG.summaryMarker);
    expect(String(ws.getCell("A2").value)).toBe(DEFAULT_CONFIG.summaryTitle);
    expect(String(ws.getCell("A3").value)).toContain("作成日 令和元年6月30日");
    // Excel's own internal links (a location in the sheet's hyperlinks), as ExcelJS reads them.
    const links = [...internalLinks(out1, ws.name).values()].filter((loc) => loc.includes("!"));
    // No. of six items, in the item table and by department (titles are plain text, so that they
    // wrap in print), and the checklist's one row (No.31's FY2017 actual).
    expect(links.length).toBe(13);
    expect(Object.keys((ws as unknown as { tables: object }).tables)).toEqual([
      "Shinchoku_Items",
      "Shinchoku_Indicators",
      "Shinchoku_Grades",
      "Shinchoku_GradeTotals",
      "Shinchoku_Flags",
      "Shinchoku_Departments",
      "Shinchoku_Checklist",
    ]);
    expect(wb.views[0].activeTab).toBe(wb.worksheets.indexOf(ws));
  });

  it("writes the summary's page setup into the file: A4 landscape, one page wide, titles, footer", async () => {
    const ws = (await load(out1)).getWorksheet(DEFAULT_CONFIG.summarySheetName)!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:3",
    });
    // From the title row (A2): the marker's row stays off the paper. ExcelJS reads it back without "$".
    expect(ws.pageSetup.printArea).toMatch(/^A2:[A-Z]+\d+$/);
    expect(ws.headerFooter.oddFooter).toBe("&L&A&C&P / &N ページ&R印刷日 &D");
    expect(ws.getCell("A2").font).toMatchObject({ name: "游ゴシック", bold: true, size: 16 });
  });

  it("changes nothing when run again on its own output", async () => {
    expectSameWorkbook(await load(out1), await load(out2));
  });

  it("writes the very same file when run again on its own output, byte for byte", () => {
    // Clearing our earlier areas must not leave empty cells behind: ExcelJS would widen their
    // rows' spans hint, and the second file would differ from the first in that alone.
    expect(sha256(out2)).toBe(sha256(out1));
  });
});

describe("the input is never overwritten by accident", () => {
  it("refuses -o equal to the input, and a missing -o", async () => {
    const s = await freshSamples();
    const h = sha256(s.pasted);
    const same = await cli("fill", s.pasted, "-o", s.pasted);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--in-place");
    const none = await cli("run", s.pasted);
    expect(none.code).toBe(2);
    expect(sha256(s.pasted)).toBe(h);
  });

  it("writes into the input with --in-place, and a second run changes nothing", async () => {
    const s = await freshSamples();
    const r = await cli("run", s.pasted, "--in-place", "--as-of", AS_OF);
    expect(r.code).toBe(0);
    const once = await load(s.pasted);
    expect(visibleSheets(once).map((w) => w.name)).toEqual(["貼り付け", "集計", "指摘一覧"]);
    await cli("run", s.pasted, "--in-place", "--as-of", AS_OF);
    expectSameWorkbook(once, await load(s.pasted));
  });
});
