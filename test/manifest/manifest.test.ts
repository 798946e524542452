/**
 * The manifest: valid against Microsoft's XSDs offline (development and production), every string
 * has an en-US override, the three buttons do what the brief says, and every icon it references
 * exists in assets/ with the pixel size it is declared at.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validate, writeProductionManifest, xsdPath } = require("../../scripts/validate-manifest.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest, normaliseAddinUrl } = require("../../scripts/manifest-url.js");

const root = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Attributes of every element with this tag (the manifest is small and regular; no XML library needed). */
function elements(tag: string, source = xml): Array<{ attrs: Record<string, string>; inner: string }> {
  const out: Array<{ attrs: Record<string, string>; inner: string }> = [];
  const re = new RegExp(`<${tag}((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>([\\s\\S]*?)</${tag}>)`, "g");
  for (const m of source.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push({ attrs, inner: m[2] ?? "" });
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function assetFile(url: string): string {
  const prefix = "https://localhost:3000/";
  expect(url.startsWith(prefix)).toBe(true);
  return path.join(root, url.slice(prefix.length));
}

describe("manifest.xml", () => {
  test("the schemas are found (MANIFEST_XSD_DIR or test/manifest/xsd)", () => {
    expect(fs.existsSync(xsdPath())).toBe(true);
  });

  test("the development manifest validates against the XSD", () => {
    expect(validate(path.join(root, "manifest.xml"))).toBeNull();
  });

  test("the production manifest (built with a URL) validates and no longer points at localhost", () => {
    const file = writeProductionManifest("https://addins.city.example.lg.jp/shinchoku");
    try {
      const prod = fs.readFileSync(file, "utf8");
      expect(prod).not.toContain("localhost");
      expect(prod).toContain('"https://addins.city.example.lg.jp/shinchoku/taskpane.html?action=validate"');
      expect(validate(file)).toBeNull();
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test("xmllint really rejects a broken manifest", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-bad-"));
    try {
      const bad = path.join(tmp, "manifest.xml");
      fs.writeFileSync(bad, xml.replace("<DefaultLocale>ja-JP</DefaultLocale>", ""));
      expect(validate(bad)).toMatch(/DefaultLocale|element/i);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test("ADDIN_URL must be https; a missing trailing slash is added; & is escaped", () => {
    expect(() => normaliseAddinUrl("http://example.jp/")).toThrow(/https/);
    expect(() => normaliseAddinUrl("not a url")).toThrow();
    expect(normaliseAddinUrl("https://example.jp/a")).toBe("https://example.jp/a/");
    expect(productionManifest('"https://localhost:3000/x"', "https://e.jp/a&b/")).toBe(
      '"https://e.jp/a&amp;b/x"',
    );
  });

  test("Japanese by default, with an en-US override for every string", () => {
    expect(xml).toContain("<DefaultLocale>ja-JP</DefaultLocale>");
    for (const tag of ["DisplayName", "Description"]) {
      const [e] = elements(tag).filter((x) => "DefaultValue" in x.attrs);
      expect(e.inner).toMatch(/<Override Locale="en-US" Value="[^"]+"\/>/);
    }
    const strings = elements("bt:String");
    expect(strings.length).toBeGreaterThanOrEqual(9);
    for (const s of strings) {
      expect(s.inner).toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>/);
      // Japanese default text: at least one kana/kanji character.
      expect(s.attrs.DefaultValue).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  // A LocaleTokenOverride is a condition on the Office locale ("If the Office locale setting is
  // fr-fr, then the display name is ...", learn.microsoft.com/javascript/api/manifest/override):
  // an en-US override says nothing for en-GB, so each English locale gets the English strings.
  test("the English strings for every English display language, not en-US alone", () => {
    const english = ["en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-IE", "en-IN", "en-ZA", "en-SG"];
    for (const s of elements("bt:String")) {
      const values = english.map(
        (l) => s.inner.match(new RegExp(`<bt:Override Locale="${l}" Value="([^"]+)"/>`))?.[1],
      );
      expect(values.every((v) => v !== undefined && v === values[0])).toBe(true);
    }
  });

  test("every resid used is defined, and every resource is used", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((r) => !defined.has(r))).toEqual([]);
    expect([...defined].filter((r) => !used.has(r))).toEqual([]);
  });

  test("a stable id, ExcelApi 1.7, SupportUrl, Home tab group", () => {
    expect(xml).toContain("<Id>70e0cf35-1613-45b1-8aae-6f1c20822e44</Id>");
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
    expect(xml).toMatch(/<SupportUrl DefaultValue="https:\/\/[^"]+"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">\s*<Group id="Shinchoku.Group">/);
    expect(xml).toMatch(/<FunctionFile resid="Commands.Url"\/>/);
    expect(xml).toContain('<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
  });

  test("three buttons: 検証 opens the pane with ?action=validate, the others run functions", () => {
    const controls = elements("Control");
    const byId = Object.fromEntries(controls.map((c) => [c.attrs.id, c.inner]));
    expect(Object.keys(byId)).toEqual(["Shinchoku.Validate", "Shinchoku.Fill", "Shinchoku.Summary"]);
    const label = (inner: string) => {
      const resid = /<Label resid="([^"]+)"\/>/.exec(inner)![1];
      return elements("bt:String").find((s) => s.attrs.id === resid)!.attrs.DefaultValue;
    };
    expect(label(byId["Shinchoku.Validate"])).toBe("検証");
    expect(label(byId["Shinchoku.Fill"])).toBe("計算欄を記入");
    expect(label(byId["Shinchoku.Summary"])).toBe("集計シート作成");

    expect(byId["Shinchoku.Validate"]).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(byId["Shinchoku.Validate"]).toContain('<SourceLocation resid="Taskpane.Validate.Url"/>');
    expect(xml).toContain('DefaultValue="https://localhost:3000/taskpane.html?action=validate"');
    expect(byId["Shinchoku.Fill"]).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>fillComputedFields<\/FunctionName>/,
    );
    expect(byId["Shinchoku.Summary"]).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>createSummarySheet<\/FunctionName>/,
    );
  });

  test("the function names match what the commands module registers", async () => {
    const { COMMAND_NAMES } = await import("../../src/commands/commands");
    for (const name of Object.values(COMMAND_NAMES))
      expect(xml).toContain(`<FunctionName>${name}</FunctionName>`);
  });

  test("every referenced icon exists in assets/ at its declared size", () => {
    const images = elements("bt:Image").filter((i) => "id" in i.attrs);
    expect(images.length).toBe(12);
    const declared = new Map<string, number>();
    // size per resid from the <bt:Image size=".." resid=".."/> uses
    for (const u of elements("bt:Image").filter((i) => "resid" in i.attrs))
      declared.set(u.attrs.resid, Number(u.attrs.size));
    for (const img of images) {
      const size = declared.get(img.attrs.id)!;
      expect([16, 32, 80]).toContain(size);
      expect(img.attrs.id).toMatch(new RegExp(`\\.${size}x${size}$`));
      expect(pngSize(assetFile(img.attrs.DefaultValue))).toEqual({ width: size, height: size });
    }
    const icon = elements("IconUrl")[0].attrs.DefaultValue;
    const hiRes = elements("HighResolutionIconUrl")[0].attrs.DefaultValue;
    // IconUrl 32×32, HighResolutionIconUrl 64×64: what the manifest reference requires
    // (learn.microsoft.com/javascript/api/manifest/iconurl and .../highresolutioniconurl: "64 x 64
    // pixels" for task pane add-ins).
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(hiRes))).toEqual({ width: 64, height: 64 });
    expect(fs.existsSync(assetFile(elements("SupportUrl")[0].attrs.DefaultValue))).toBe(true);
  });
});
