/**
 * Live results (issue 18, point 9) on real files: `shinchoku run` on the seed, then the output
 * recalculated by LibreOffice headless (soffice --convert-to csv, every sheet, with a profile whose
 * OOXMLRecalcMode is "always": LibreOffice trusts the cached results of a file otherwise). What a
 * formula computes is what Excel would show after the edit, with nothing regenerated.
 *
 * - the cached values we write are what the formulas compute (both readings give the same sheets);
 * - a figure corrected on an item sheet shows in the computed area and in 集計 (the level
 *   まちづくりセンター数: 55 → 66 makes its period rate 100%);
 * - a bound changed in the settings sheet (as the pane's settings do) changes the flags at once;
 * - 検証 says what is stale: fill/stale and summary/stale after a settings change (--config), summary/stale
 *   after a data change, nothing right after a run.
 *
 * Needs soffice (libreoffice-calc); a missing tool fails the test, saying which.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { JsonReport } from "../../src/core/report/json-report";
import { workbookFromSnapshots } from "../../src/cli/write-snapshot";
import { saveWorkbook } from "../../src/cli/workbook-io";
import { seedFormSheets } from "../../scripts/fixtures/seed-form";
import { cli, load, tmpDir } from "./helpers";

const SOFFICE = process.env.SOFFICE_PATH ?? "soffice";
const AS_OF = "2026-11-24";

/** Parses LibreOffice's CSV (comma, double quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * Every sheet of the workbook as LibreOffice shows it, by sheet name: recalculated on loading
 * (recalc) or from the cached results.
 */
function sheetsOf(xlsx: string, dir: string, recalc: boolean): Map<string, string[][]> {
  const out = path.join(dir, recalc ? "recalc" : "cached");
  const profile = path.join(dir, recalc ? "lo-recalc" : "lo-cached");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  // org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode: 0 always, 1 never, 2 ask.
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>
</oor:items>
`,
  );
  // Filter options: comma, double quote, UTF-8 (76), from row 1, …, the last -1: every sheet to a file of its own.
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      xlsx,
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  const base = path.basename(xlsx).replace(/\.xlsx$/, "");
  const sheets = new Map<string, string[][]>();
  for (const f of fs.readdirSync(out))
    if (f.startsWith(`${base}-`) && f.endsWith(".csv"))
      sheets.set(f.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(out, f), "utf8")));
  return sheets;
}

/** The 指標一覧 row of an indicator in 集計, by its header texts. */
function indicatorRow(sheets: Map<string, string[][]>, no: string, name: string): Record<string, string> {
  const rows = sheets.get("集計")!;
  const head = rows.findIndex((r) => r[0] === "No." && r[1] === "指標");
  const header = rows[head];
  const row = rows.slice(head + 1).find((r) => r[0] === no && r[1].includes(name));
  if (!row) throw new Error(`no row for ${no} ${name}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

/** A cell of a sheet as shown ("AB16"). */
function shown(sheets: Map<string, string[][]>, sheet: string, a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheets.get(sheet)?.[Number(m[2]) - 1]?.[col] ?? "";
}

const pct = (s: string) => Number.parseFloat(s.replace("%", ""));

async function findingsOf(file: string, ...extra: string[]) {
  const r = await cli("validate", file, "--json", "--as-of", AS_OF, ...extra);
  const rep = JSON.parse(r.stdout) as JsonReport;
  return rep.findings.map((f) => [f.code, f.sheet, f.cell] as const);
}

const stale = (fs: ReadonlyArray<readonly [string, string | null, string | null]>) =>
  fs.filter(([code]) => code.endsWith("/stale"));

describe("live results: the seed run, edited and recalculated by LibreOffice", () => {
  let dir: string;
  let out: string;
  let s2: string;
  let cached: Map<string, string[][]>;
  let recalculated: Map<string, string[][]>;

  beforeAll(async () => {
    try {
      execFileSync(SOFFICE, ["--version"], { stdio: "ignore", timeout: 60_000 });
    } catch (e) {
      throw new Error(`soffice is needed (apt-get install libreoffice-calc): ${(e as Error).message}`);
    }
    dir = tmpDir("live");
    const input = path.join(dir, "seed.xlsx");
    const sheets = seedFormSheets();
    s2 = sheets[1].name;
    await saveWorkbook(workbookFromSnapshots(sheets), input);
    out = path.join(dir, "out.xlsx");
    expect((await cli("run", input, "-o", out, "--as-of", AS_OF)).code).toBe(0);
    cached = sheetsOf(out, path.join(dir, "a"), false);
    recalculated = sheetsOf(out, path.join(dir, "a"), true);
  }, 600_000);

  it("caches what the formulas compute: the sheets read the same recalculated", () => {
    expect(cached.get("集計")!.length).toBeGreaterThan(30);
    expect(recalculated.get("集計")).toEqual(cached.get("集計"));
    for (const name of seedFormSheets().map((s) => s.name))
      expect(recalculated.get(name)).toEqual(cached.get(name));
  });

  it("rates the seed's period by kind: 受講者数(累計) 1671/1570, まちづくりセンター数 55/66", () => {
    const count = indicatorRow(recalculated, "28", "受講者数(累計)");
    const centres = indicatorRow(recalculated, "28", "まちづくりセンター数");
    expect([count["種別"], count["期間達成率の基準"], centres["種別"], centres["期間達成率の基準"]]).toEqual([
      "累計",
      "最終年度",
      "年度末時点",
      "最終年度",
    ]);
    expect(pct(count["期間達成率"])).toBeCloseTo((1671 / 1570) * 100, 1);
    expect(pct(centres["期間達成率"])).toBeCloseTo((55 / 66) * 100, 1);
    // The same in the computed area of the second period's sheet (AB: 期間達成率).
    expect(pct(shown(recalculated, s2, "AB16"))).toBeCloseTo((55 / 66) * 100, 1);
    expect(pct(shown(recalculated, s2, "AB15"))).toBeCloseTo((1671 / 1570) * 100, 1);
  });

  it("shows a corrected figure in the area and in 集計 without regenerating", async () => {
    const wb = await load(out);
    // FY2018's actual of the centres, on the second period's sheet: 55 → 66.
    const summary = wb.getWorksheet("集計")!;
    let ref = "";
    summary.eachRow((row) =>
      row.eachCell((c) => {
        const f = (c.value as { formula?: string } | null)?.formula ?? "";
        if (!ref && f.includes(`${s2}'!L16`)) ref = f;
      }),
    );
    expect(ref).toBe(`IF('${s2}'!L16="","",'${s2}'!L16)`);
    expect(wb.getWorksheet(s2)!.getCell("L16").value).toBe(55);
    wb.getWorksheet(s2)!.getCell("L16").value = 66;
    const edited = path.join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = sheetsOf(edited, path.join(dir, "b"), true);
    const centres = indicatorRow(after, "28", "まちづくりセンター数");
    expect([centres["H30実績"], pct(centres["H30達成率"]), centres["H30判定"]]).toEqual(["66", 100, "達成"]);
    expect(pct(centres["期間達成率"])).toBe(100);
    // The area beside the table: the year's rate and flag (Y, Z … by the area's columns) and the period rate.
    expect(pct(shown(after, s2, "AB16"))).toBe(100);
    // The item's 判定 for H30 follows its indicators: both 達成 now.
    const items = after.get("集計")!;
    const head = items.findIndex((r) => r[0] === "No." && r[1] === "重点改革項目");
    const h30 = items[head].indexOf("H30判定");
    expect(items[head + 1][h30]).toBe("達成");
    // 検証: nothing is stale, the formulas follow the figure (the finding counts, which do not, are
    // labelled with their date).
    expect(stale(await findingsOf(edited))).toEqual([]);
  }, 300_000);

  it("changes the flags at once when a bound changes in the settings sheet", async () => {
    const wb = await load(out);
    const settings = wb.getWorksheet("_shinchoku_settings")!;
    // The bands' table, lowest first: A the bound, B the label.
    expect([settings.getCell("A3").value, settings.getCell("B3").value]).toEqual([0.8, "概ね達成"]);
    // 概ね達成 from 90%: the centres' 83.3% in FY2018 is 未達成 now.
    settings.getCell("A3").value = 0.9;
    const edited = path.join(dir, "bound.xlsx");
    await wb.xlsx.writeFile(edited);
    const after = sheetsOf(edited, path.join(dir, "c"), true);
    const before = indicatorRow(recalculated, "28", "まちづくりセンター数");
    const centres = indicatorRow(after, "28", "まちづくりセンター数");
    expect([before["H30判定"], centres["H30判定"]]).toEqual(["概ね達成", "未達成"]);
    // FY2016: 48/50 = 96% stays 概ね達成.
    expect(centres["H28判定"]).toBe("概ね達成");
    expect(indicatorRow(after, "28", "受講者数(累計)")["H30判定"]).toBe("達成");
    // The legend reads the bound too.
    expect(after.get("集計")!.some((r) => r[0].includes("概ね達成：90% 以上"))).toBe(true);
    // The area's flag formula reads the same name: Z (H30 判定) on the second period's sheet.
    const area = after.get(s2)!;
    expect(area.some((r) => r.includes("未達成"))).toBe(true);
  }, 300_000);

  it("validate right after run finds nothing stale; another --config makes areas and summary stale", async () => {
    expect(stale(await findingsOf(out))).toEqual([]);
    const config = path.join(dir, "stricter.json");
    fs.writeFileSync(config, JSON.stringify({ thresholds: { mostly: 0.9 } }));
    expect(stale(await findingsOf(out, "--config", config))).toEqual([
      ["fill/stale", seedFormSheets()[0].name, "Q12"],
      ["fill/stale", s2, "Q12"],
      ["summary/stale", "集計", null],
    ]);
    // Refreshed with those settings: nothing stale, and the bound in the workbook is 0.9.
    const again = path.join(dir, "again.xlsx");
    expect((await cli("run", out, "-o", again, "--as-of", AS_OF, "--config", config)).code).toBe(0);
    expect(stale(await findingsOf(again, "--config", config))).toEqual([]);
    const wb = await load(again);
    expect(wb.getWorksheet("_shinchoku_settings")!.getCell("A3").value).toBe(0.9);
  }, 300_000);

  it("makes an area stale when a value no formula follows changes (a figure typed as text)", async () => {
    const wb = await load(out);
    // FY2015's plan of the centres typed with its unit: read as 42, written as a value in the area.
    wb.getWorksheet(seedFormSheets()[0].name)!.getCell("F15").value = "42箇所";
    const typed = path.join(dir, "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const once = path.join(dir, "typed-run.xlsx");
    expect((await cli("run", typed, "-o", once, "--as-of", AS_OF)).code).toBe(0);
    const wb2 = await load(once);
    wb2.getWorksheet(seedFormSheets()[0].name)!.getCell("F15").value = "40箇所";
    const changed = path.join(dir, "typed-changed.xlsx");
    await wb2.xlsx.writeFile(changed);
    const found = stale(await findingsOf(changed));
    expect(found).toContainEqual(["fill/stale", seedFormSheets()[0].name, "Q12"]);
    expect(found).toContainEqual(["summary/stale", "集計", null]);
    // The message says how to refresh it.
    const r = await cli("validate", changed, "--as-of", AS_OF);
    expect(r.stdout).toContain("shinchoku fill");
  }, 300_000);
});
