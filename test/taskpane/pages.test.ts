/**
 * The HTML pages and the build configuration: a tight CSP on every page, office.js from
 * Microsoft's CDN only, no inline script or handler anywhere, no eval devtool, dist/node kept,
 * certificates only when serving, the manifest rewritten to ADDIN_URL in production.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");
const PAGES = [
  "src/taskpane/taskpane.html",
  "src/commands/commands.html",
  "src/commands/dialog.html",
  "assets/support.html",
];

function csp(html: string): Record<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return Object.fromEntries(
    m![1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe.each(PAGES)("%s", (page) => {
  const html = fs.readFileSync(path.join(root, page), "utf8");

  test("has a CSP without unsafe-inline or unsafe-eval, scripts only from self and Microsoft's CDN", () => {
    const p = csp(html);
    expect(p["default-src"]).toEqual(["'self'"]);
    expect(p["style-src"]).toEqual(["'self'"]);
    expect(p["object-src"]).toEqual(["'none'"]);
    for (const s of p["script-src"])
      expect(["'self'", "https://appsforoffice.microsoft.com", "'none'"]).toContain(s);
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
  });

  test("no inline script, handler, style attribute or javascript: URL", () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test("office.js, where loaded, comes from the hosted CDN, after the ES5 host check", () => {
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    if (scripts.length === 0) return;
    expect(scripts).toEqual(["legacy-host.js", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});

describe("webpack.config.js", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require("../../webpack.config.js");
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test("production: no eval devtool, ES2017 target, dist/node kept, no dev server, three pages", async () => {
    process.env.ADDIN_URL = "https://addins.city.example.lg.jp/shinchoku/";
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    const c = await configure({}, { mode: "production" });
    warn.mockRestore();
    expect(String(c.devtool)).not.toMatch(/eval/);
    expect(c.target).toEqual(["web", "es2017"]);
    expect(c.devServer).toBeUndefined();
    expect(Object.keys(c.entry)).toEqual(["taskpane", "commands", "dialog"]);
    expect(c.output.path).toBe(path.join(root, "dist"));
    expect(c.output.clean.keep("node/src/cli/main.js")).toBe(true);
    expect(c.output.clean.keep("node")).toBe(true);
    expect(c.output.clean.keep("taskpane.1234abcd.js")).toBe(false);
    expect(c.output.clean.keep("nodes.js")).toBe(false);
  });

  test("development without serving needs no certificates and uses no eval devtool either", async () => {
    const c = await configure({}, { mode: "development" });
    expect(c.devServer).toBeUndefined();
    expect(String(c.devtool)).not.toMatch(/eval/);
  });

  test("production rewrites the manifest to ADDIN_URL", async () => {
    process.env.ADDIN_URL = "https://addins.city.example.lg.jp/shinchoku";
    const c = await configure({}, { mode: "production" });
    const copy = c.plugins.find((p: object) => p.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    const xml = fs.readFileSync(path.join(root, "manifest.xml"));
    const out = pattern.transform(xml).toString();
    expect(out).not.toContain("localhost");
    expect(out).toContain("https://addins.city.example.lg.jp/shinchoku/commands.html");
  });

  test("OFFICE_JS: unset or cdn keeps the CDN, local copies the package; anything else is refused", async () => {
    const saved = process.env.OFFICE_JS;
    try {
      expect(configure.officeJsMode(undefined)).toBe("cdn");
      expect(configure.officeJsMode("cdn")).toBe("cdn");
      expect(configure.officeJsMode("local")).toBe("local");
      expect(() => configure.officeJsMode("LOCAL")).toThrow(/OFFICE_JS/);
      process.env.OFFICE_JS = "local";
      const c = await configure({}, { mode: "development" });
      const copy = c.plugins.find((p: object) => p.constructor.name === "CopyPlugin");
      const office = copy.patterns.find((p: { to: string }) => p.to === "office-js");
      expect(office.from).toBe(path.join(root, "node_modules", "@microsoft", "office-js", "dist"));
      const pages = c.plugins.filter((p: object) => p.constructor.name === "HtmlWebpackPlugin");
      expect(pages).toHaveLength(3);
      for (const p of pages) {
        const html = p.userOptions.templateContent();
        expect(html).not.toContain("appsforoffice");
        expect(html).toContain('<script src="office-js/office.js"></script>');
        expect(html).toMatch(/script-src 'self';/);
      }
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS;
      else process.env.OFFICE_JS = saved;
    }
  });
});
