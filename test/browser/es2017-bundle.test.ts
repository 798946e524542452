/**
 * Issue 17, item 4: ExcelApi 1.7 admits Office on Windows without WebView2, whose EdgeHTML webview
 * parses nothing newer than ES2017, and older hosts still (Internet Explorer 11's webview) only ES5.
 * The production build's bundles (ours and the packages inside them) must parse as ES2017 and the
 * check that runs before them (legacy-host.js) as ES5: acorn, at those versions, on the files that
 * ship. The same build as the closed-network test (test/browser/addin-build.js), built once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as acorn from "acorn";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildAddin } = require("./addin-build") as {
  buildAddin: (name: string, env: Record<string, string>) => Promise<string>;
};

let dir: string;
beforeAll(async () => {
  dir = await buildAddin("local", {
    OFFICE_JS: "local",
    ADDIN_URL: "https://addins.city.example.lg.jp/shinchoku/",
  });
}, 600_000);

function parses(source: string, ecmaVersion: 5 | 2017): string | null {
  try {
    acorn.parse(source, { ecmaVersion, sourceType: "script" });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 60), pos + 30))}`;
  }
}

test("acorn at ES2017 refuses what EdgeHTML cannot parse", () => {
  for (const newer of [
    "a?.b",
    "a ?? b",
    "/(?<=x)y/",
    "/(?<!x)y/",
    "/(?<n>x)/",
    "/\\p{L}/u",
    "/x/s",
    "try {} catch {}",
    "({...a})",
    "async function* g() {}",
    "1_000",
    "a ||= b",
  ])
    expect(parses(newer, 2017)).not.toBeNull();
  expect(parses("async function f() { await g(); }", 2017)).toBeNull();
  expect(parses("const f = () => 1;", 5)).not.toBeNull();
});

test("the pages' bundles parse as ES2017", () => {
  const bundles = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "legacy-host.js");
  expect(bundles.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).sort()).toEqual([
    "commands",
    "dialog",
    "taskpane",
  ]);
  for (const f of bundles)
    expect({ f, error: parses(fs.readFileSync(path.join(dir, f), "utf8"), 2017) }).toEqual({
      f,
      error: null,
    });
});

test("the host check before them parses as ES5, and every page loads it before office.js", () => {
  expect(parses(fs.readFileSync(path.join(dir, "legacy-host.js"), "utf8"), 5)).toBeNull();
  for (const page of ["taskpane.html", "commands.html", "dialog.html"]) {
    const html = fs.readFileSync(path.join(dir, page), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts.slice(0, 2)).toEqual(["legacy-host.js", "office-js/office.js"]);
  }
});
