/**
 * The sample's outputs printed as a committee member gets them: `shinchoku run` on the sample, the
 * result rendered to PDF by LibreOffice headless (soffice --convert-to pdf, every sheet in order),
 * and the PDF measured with poppler's pdfinfo / pdftotext. The pages are also saved as PNGs
 * (pdftoppm) in test/.tmp to look at; UPDATE_SCREENSHOT=1 refreshes docs/summary-print.png.
 *
 * Needs soffice (libreoffice-calc), pdfinfo/pdftotext/pdftoppm (poppler-utils) and a Japanese font
 * (fonts-noto-cjk); .ci/run installs them. Missing tools fail the test, saying which.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { cli, load, tmpDir } from "./helpers";
import { freshSamples } from "./samples";

const SOFFICE = process.env.SOFFICE_PATH ?? "soffice";

function need(tool: string, args: string[]): void {
  try {
    execFileSync(tool, args, { stdio: "ignore", timeout: 60_000 });
  } catch (e) {
    throw new Error(
      `${tool} is needed for the print test (apt-get install libreoffice-calc poppler-utils fonts-noto-cjk): ${(e as Error).message}`,
    );
  }
}

interface Page {
  no: number;
  width: number;
  height: number;
  text: string;
}

/** The workbook as LibreOffice prints it: every page's size (points) and text. */
function render(xlsx: string, dir: string): { pdf: string; pages: Page[] } {
  // A profile of our own: another soffice running on the machine must not take the conversion over.
  const profile = path.join(dir, "lo-profile");
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
    { stdio: "ignore", timeout: 180_000 },
  );
  const pdf = path.join(dir, path.basename(xlsx).replace(/\.xlsx$/, ".pdf"));
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" });
  const pages: Page[] = [];
  for (const m of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const no = Number(m[1]);
    const text = execFileSync("pdftotext", ["-layout", "-f", String(no), "-l", String(no), pdf, "-"], {
      encoding: "utf8",
    });
    pages.push({ no, width: Number(m[2]), height: Number(m[3]), text });
  }
  return { pdf, pages };
}

/** A4 is 595.28 × 841.89 pt (210 × 297 mm). */
const isA4Landscape = (p: Page) => Math.abs(p.width - 841.89) < 1.5 && Math.abs(p.height - 595.28) < 1.5;

describe("the sample's outputs printed by LibreOffice", () => {
  let dir: string;
  let outPages: Page[];
  let inPages: Page[];
  let summary: Page[];
  let input: string;

  beforeAll(async () => {
    need(SOFFICE, ["--version"]);
    need("pdfinfo", ["-v"]);
    need("pdftoppm", ["-v"]);
    const s = await freshSamples();
    input = s.plan;
    dir = tmpDir("print");
    const out = path.join(dir, "run.xlsx");
    await cli("run", s.plan, "-o", out, "--as-of", "2019-06-30");
    outPages = render(out, dir).pages;
    const inDir = path.join(dir, "input");
    fs.mkdirSync(inDir);
    inPages = render(s.plan, inDir).pages;
    // Every page of the summary repeats its title rows (print titles); no item sheet holds the title.
    summary = outPages.filter((p) => p.text.includes(DEFAULT_CONFIG.summaryTitle));
    // The summary's pages as PNGs, to look at as a committee member would.
    const first = summary[0]?.no ?? 1;
    const last = summary[summary.length - 1]?.no ?? 1;
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      String(first),
      "-l",
      String(last),
      path.join(dir, "run.pdf"),
      path.join(dir, "summary"),
    ]);
    if (process.env.UPDATE_SCREENSHOT) {
      // The README's picture: the summary's first page, large enough to read.
      const docs = path.resolve(__dirname, "../../docs/summary-print");
      const args = ["-png", "-r", "110", "-f", String(first), "-l", String(first), "-singlefile"];
      execFileSync("pdftoppm", [...args, path.join(dir, "run.pdf"), docs]);
    }
  }, 600_000);

  it("prints the 6-item summary on at most 4 A4 landscape pages, after the item sheets", () => {
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary.length).toBeLessThanOrEqual(4);
    for (const p of summary) expect([p.no, isA4Landscape(p)]).toEqual([p.no, true]);
    // The summary comes after the item sheets (the findings sheet 指摘一覧 follows it): its pages
    // one after another.
    const first = summary[0].no;
    expect(summary.map((p) => p.no)).toEqual(Array.from({ length: summary.length }, (_, i) => first + i));
  });

  it("gives every summary page its footer: sheet name, page number and count, print date", () => {
    for (const p of summary) {
      expect(p.text).toMatch(/\d+ \/ \d+ ページ/);
      expect(p.text).toContain("印刷日");
      expect(p.text).toContain(DEFAULT_CONFIG.summarySheetName);
    }
  });

  it("shows the plan's title and the Japanese date, no product name, our marker off the paper", () => {
    const all = summary.map((p) => p.text).join("\n");
    expect(all).toContain("作成日 令和元年6月30日");
    expect(all).not.toMatch(/Shinchoku/i);
    expect(all).not.toContain(DEFAULT_CONFIG.summaryMarker);
  });

  it("keeps every table readable on its own: both pillars told apart, co-departments, legends", () => {
    const all = summary.map((p) => p.text).join("\n");
    expect(all).toContain("重点改革項目Ⅱ");
    expect(all).toContain("重点改革項目Ⅲ");
    expect(all).toContain("中央公民館");
    expect(all).toContain("凡例");
    for (const t of [
      "年度評価の件数と割合（重点改革項目別）",
      "指標判定の件数と割合（年度別）",
      "主担当課別の状況",
    ])
      expect(all).toContain(t);
    // Headers print whole: a header cut in its column would lose its last characters.
    for (const h of ["H27評価", "H30達成率", "期間達成率", "H27件数", "H30割合"]) expect(all).toContain(h);
  });

  it("leaves the item sheets' print as the staff set it up, the computed area's headers whole", async () => {
    const items = outPages.filter((p) => p.no < summary[0].no);
    const sizes = (ps: Page[]) => [
      ...new Set(ps.map((p) => `${Math.round(p.width)}x${Math.round(p.height)}`)),
    ];
    expect(sizes(items)).toEqual(sizes(inPages));
    const text = items.map((p) => p.text).join("\n");
    // One line each, never "H27 達成" / "率" across two lines.
    for (const h of ["H27 達成率", "H28 計画累計", "H28 実績累計", "期間達成率"]) expect(text).toContain(h);
    // And the page setup itself is the input's, sheet by sheet.
    const [inp, out] = [await load(input), await load(path.join(dir, "run.xlsx"))];
    // ExcelJS writes useFirstPageNumber from firstPageNumber whatever it read (page-setup-xform.js),
    // so that one flag changes on any round trip through it; the first page number itself stays 1.
    const setup = (ws: (typeof inp.worksheets)[number]) => ({ ...ws.pageSetup, useFirstPageNumber: null });
    for (const wi of inp.worksheets) {
      const wo = out.getWorksheet(wi.name)!;
      expect([wi.name, setup(wo), wo.headerFooter]).toEqual([wi.name, setup(wi), wi.headerFooter]);
    }
  });
});
