import * as fs from "fs";
import * as path from "path";
import { cli, sha256, tmpDir } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";

/** The configurations issue 15 found accepted, each with the JSON path its message must name. */
const REFUSED: [string, unknown, string][] = [
  ["empty marker", { summaryMarker: "" }, "summaryMarker"],
  ["blank title", { ownedAreaTitle: "  " }, "ownedAreaTitle"],
  ["empty sheet name", { summarySheetName: "" }, "summarySheetName"],
  ["sheet name with / and :", { summarySheetName: "a/b:c" }, "summarySheetName"],
  ["sheet name of 32 characters", { summarySheetName: "集".repeat(32) }, "summarySheetName"],
  ["sheet name History", { summarySheetName: "history" }, "summarySheetName"],
  ["thresholds as a string", { thresholds: "x" }, "thresholds"],
  ["thresholds out of order", { thresholds: { achieved: 0.7, mostly: 0.9 } }, "thresholds.mostly"],
  ["threshold above 10", { thresholds: { achieved: 12 } }, "thresholds.achieved"],
  ["unknown severity value", { severity: { "status/unknown": "fatal" } }, 'severity["status/unknown"]'],
  ["a label that is not a list", { labels: { no: "No." } }, "labels.no"],
  ["an unknown key", { colour: "red" }, "colour"],
];

describe("--config: a refused configuration writes nothing and exits 2", () => {
  let s: Awaited<ReturnType<typeof freshSamples>>;
  beforeAll(async () => {
    s = await freshSamples();
  });

  test.each(REFUSED)("%s", async (_name, json, jsonPath) => {
    const dir = tmpDir("cfg");
    const cfg = path.join(dir, "city.json");
    fs.writeFileSync(cfg, JSON.stringify(json));
    const out = path.join(dir, "out.xlsx");
    const before = sha256(s.pasted);
    for (const command of ["run", "fill", "summary"]) {
      const r = await cli(command, s.pasted, "-o", out, "--config", cfg, "--as-of", AS_OF);
      expect(r.code).toBe(2);
      expect(fs.existsSync(out)).toBe(false);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`設定ファイルを読み込めません: ${cfg} — 「${jsonPath}」: `);
    }
    const inPlace = await cli("run", s.pasted, "--in-place", "--config", cfg, "--as-of", AS_OF);
    expect(inPlace.code).toBe(2);
    expect(sha256(s.pasted)).toBe(before);
    const en = await cli("validate", s.pasted, "--config", cfg, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`cannot load the configuration ${cfg} — ${jsonPath}: `);
  });

  test("the message says what is expected, in Japanese and English", async () => {
    const cfg = path.join(tmpDir("cfg"), "city.json");
    fs.writeFileSync(cfg, JSON.stringify({ summarySheetName: "a/b:c", thresholds: { mostly: "0.5" } }));
    const ja = await cli("validate", s.pasted, "--config", cfg);
    expect(ja.stderr).toBe(
      `設定ファイルを読み込めません: ${cfg} — 「thresholds.mostly」: 数値を指定してください。` +
        "「summarySheetName」: シート名に [ ] : * ? / \\ は使えません",
    );
    const en = await cli("validate", s.pasted, "--config", cfg, "--lang", "en");
    expect(en.stderr).toBe(
      `cannot load the configuration ${cfg} — thresholds.mostly: expected a number; ` +
        "summarySheetName: a sheet name cannot contain [ ] : * ? / \\",
    );
  });

  test("a missing file or broken JSON is one line without raw codes", async () => {
    const dir = tmpDir("cfg");
    const missing = await cli("validate", s.pasted, "--config", path.join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ファイルが見つかりません");
    expect(missing.stderr).not.toContain("ENOENT");
    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, "{ not json");
    const r = await cli("run", s.pasted, "-o", path.join(dir, "o.xlsx"), "--config", broken, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not valid JSON (");
    expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });

  test("an unknown rule code is a warning: the run goes on", async () => {
    const dir = tmpDir("cfg");
    const cfg = path.join(dir, "city.json");
    fs.writeFileSync(cfg, JSON.stringify({ severity: { "no/such-rule": "off" } }));
    const out = path.join(dir, "o.xlsx");
    const r = await cli("run", s.pasted, "-o", out, "--config", cfg, "--as-of", AS_OF, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `configuration warning: ${cfg} — severity["no/such-rule"]: there is no check rule of this name (ignored)`,
    );
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe("config --print-default", () => {
  test("names the installed JSON Schema with $schema, and is itself a valid --config", async () => {
    const r = await cli("config", "--print-default");
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { $schema: string };
    const schema = path.resolve(process.cwd(), printed.$schema);
    expect(schema).toBe(path.resolve(__dirname, "../../schema/shinchoku.schema.json"));
    expect(fs.existsSync(schema)).toBe(true);
    expect(Object.keys(printed)[0]).toBe("$schema");

    const s = await freshSamples();
    const cfg = path.join(s.dir, "shinchoku.json");
    fs.writeFileSync(cfg, r.stdout);
    const v = await cli("validate", s.pasted, "--config", cfg, "--as-of", AS_OF);
    expect(v.code).toBe(0);
    expect(v.stderr).toBe("");
  });
});
