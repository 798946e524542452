import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { JsonReport } from "../../src/core/report/json-report";
import { cli, load, sha256, tmpDir, visibleSheets } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";

describe("validate: exit codes", () => {
  let s: Awaited<ReturnType<typeof freshSamples>>;
  beforeAll(async () => {
    s = await freshSamples();
  });

  it("exits 0 on the seed (warnings only) and prints a report grouped by item", async () => {
    const r = await cli("validate", s.pasted, "--as-of", AS_OF);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No.28 地域活動の担い手を育む仕組みづくり");
    expect(r.stdout).toMatch(/警告\s+貼り付け!C14/);
    expect(r.stdout).toContain("合計: 改革項目 1 件 — エラー 0 件");
  });

  it("exits 1 when errors are found, with the sheet!cell of each", async () => {
    const r = await cli("validate", s.plan, "--as-of", AS_OF);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/エラー\s+No\.30 H27-28!J14\s+.*1,2OO/);
    expect(r.stdout).toMatch(/エラー\s+No\.31 H29-30!H15/);
  });

  it("speaks English with --lang en", async () => {
    const r = await cli("validate", s.plan, "--as-of", AS_OF, "--lang", "en");
    expect(r.stdout).toContain("Total: 6 reform item(s) — 3 error(s)");
  });

  it("exits 2 on a missing file, a corrupt file and wrong arguments; the input is untouched", async () => {
    expect((await cli("validate", path.join(s.dir, "nope.xlsx"))).code).toBe(2);
    const bad = path.join(s.dir, "corrupt.xlsx");
    fs.writeFileSync(bad, "this is not a zip");
    const r = await cli("validate", bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect((await cli("validate")).code).toBe(2);
    expect((await cli("validate", s.plan, "--lang", "fr")).code).toBe(2);
    expect((await cli("validate", s.plan, "--as-of", "2019-13-01")).code).toBe(2);
    expect((await cli("frobnicate")).code).toBe(2);
    const h = sha256(s.plan);
    await cli("validate", s.plan);
    expect(sha256(s.plan)).toBe(h);
  });
});

describe("validate --json", () => {
  it("prints buildReport's shape for one file: the seed's No.28, FY2015–2018, its figures", async () => {
    const s = await freshSamples();
    const r = await cli("validate", s.pasted, "--json", "--as-of", AS_OF);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as JsonReport;
    expect(Object.keys(rep).sort()).toEqual(["checklist", "findings", "items", "summary"]);
    expect(rep.items).toHaveLength(1);
    const item = rep.items[0];
    expect(item.no).toBe("28");
    expect(item.leadDepartment).toBe("市民協働課");
    const [course, centres] = item.indicators;
    expect(course.cumulative).toBe(true);
    expect(course.years.map((y) => y.fiscalYear)).toEqual([2015, 2016, 2017, 2018]);
    expect(course.years.map((y) => [y.plan, y.actual])).toEqual([
      [1090, 1152],
      [1250, 1345],
      [1410, 1454],
      [1570, 1671],
    ]);
    expect(course.baseline).toMatchObject({ fiscalYear: 2014, value: 930, estimate: true });
    expect(centres.years[3]).toMatchObject({ plan: 66, actual: 55, flag: "概ね達成" });
    expect(item.grades.map((g) => g.grade)).toEqual(["B", "C", "C", "C"]);
    expect(rep.summary).toMatchObject({ items: 1, sheets: 1, errors: 0, asOf: AS_OF });
    expect(rep.findings.every((f) => typeof f.message === "string" && f.message.length > 0)).toBe(true);
  });

  it("prints {files: [...]} for several files, a failure as {file, error}", async () => {
    const s = await freshSamples();
    const bad = path.join(s.dir, "broken.xlsx");
    fs.writeFileSync(bad, "PK\u0003\u0004 truncated");
    const r = await cli("validate", s.plan, bad, "--json", "--as-of", AS_OF);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {
      files: Array<{ file: string; report?: JsonReport; error?: string }>;
    };
    expect(out.files.map((f) => path.basename(f.file))).toEqual([
      "進捗管理シート_サンプル.xlsx",
      "broken.xlsx",
    ]);
    expect(out.files[0].report!.summary.items).toBe(6);
    expect(out.files[1].error).toContain("途中で切れています");
  });
});

describe("a folder of workbooks", () => {
  it("walks it for .xlsx files, skips lock files and others, reports a corrupt one and exits 2", async () => {
    const s = await freshSamples();
    const dir = tmpDir("folder");
    fs.mkdirSync(path.join(dir, "総務部"));
    fs.copyFileSync(s.plan, path.join(dir, "総務部", "plan.xlsx"));
    fs.copyFileSync(s.pasted, path.join(dir, "seed.xlsx"));
    fs.writeFileSync(path.join(dir, "~$seed.xlsx"), "lock");
    fs.writeFileSync(path.join(dir, "memo.txt"), "not a workbook");
    fs.writeFileSync(path.join(dir, "corrupt.xlsx"), "garbage");
    const r = await cli("validate", dir, "--as-of", AS_OF);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(dir, "corrupt.xlsx"));
    expect(r.stderr).not.toContain("~$");
    expect(r.stdout).toContain(path.join(dir, "seed.xlsx"));
    expect(r.stdout).toContain(path.join(dir, "総務部", "plan.xlsx"));
    expect(r.stdout).not.toContain("memo.txt");
  });

  it("says so when a folder holds no workbook (exit 2)", async () => {
    const dir = tmpDir("empty");
    fs.writeFileSync(path.join(dir, "memo.txt"), "x");
    const r = await cli("validate", dir, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no .xlsx file found in ${dir}`);
  });
});

describe("config", () => {
  it("prints the defaults as JSON, and --config overrides them", async () => {
    const r = await cli("config", "--print-default");
    expect(r.code).toBe(0);
    const { $schema, ...printed } = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toEqual(DEFAULT_CONFIG);
    expect(typeof $schema).toBe("string");
    const s = await freshSamples();
    const cfg = path.join(s.dir, "city.json");
    fs.writeFileSync(
      cfg,
      JSON.stringify({ summarySheetName: "進捗一覧", severity: { "baseline/stale-estimate": "off" } }),
    );
    const out = path.join(s.dir, "o.xlsx");
    expect((await cli("summary", s.pasted, "-o", out, "--config", cfg, "--as-of", AS_OF)).code).toBe(0);
    const wb = await load(out);
    expect(visibleSheets(wb).map((w) => w.name)).toEqual(["貼り付け", "進捗一覧"]);
  });

  it("exits 2 on an unreadable configuration", async () => {
    const s = await freshSamples();
    const cfg = path.join(s.dir, "bad.json");
    fs.writeFileSync(cfg, "{ not json");
    const r = await cli("validate", s.pasted, "--config", cfg);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("設定ファイル");
  });
});
