/**
 * Closed networks (issue 17): `OFFICE_JS=local npm run build` serves office.js and its files from
 * the add-in's own origin. This loads that production build's pages in the system Chromium
 * (headless), outside Office, with the real office.js of the @microsoft/office-js package, and every
 * request to a host other than localhost blocked and counted: none is made, no script error, no
 * CSP violation, and the pane shows its "open this in Excel" state. Also the pages' HTML: no host but
 * their own in any src, href or CSP. Needs Chromium (CHROME_PATH or /usr/bin/chromium); no skipping.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildAddin } = require("./addin-build") as {
  buildAddin: (name: string, env: Record<string, string>) => Promise<string>;
};

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".gif": "image/gif",
  ".xml": "application/xml",
};

let dir: string;
let server: http.Server;
let origin: string;
let browser: Browser;
/** Every request the pages made, and those to another host (blocked). */
const requested: string[] = [];
const blocked: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROME))
    throw new Error(`Chromium not found at ${CHROME}: install it or set CHROME_PATH. No skipping.`);
  dir = await buildAddin("local", {
    OFFICE_JS: "local",
    ADDIN_URL: "https://addins.city.example.lg.jp/shinchoku/",
  });
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(dir, "." + path.posix.normalize(rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Loaded {
  page: Page;
  errors: string[];
  violations: string[];
}

interface Breakage {
  /** The pane's bundle replaced by a file this browser cannot parse, as EdgeHTML cannot parse ES2020. */
  brokenBundle?: boolean;
  /** Object.entries removed before any script runs, as on a host without ES2017's library. */
  noEs2017?: boolean;
  /** office.js not found (404). */
  noOfficeJs?: boolean;
  locale?: string;
}

async function load(page: string, breakage: Breakage = {}): Promise<Loaded> {
  const context = await browser.newContext({ locale: breakage.locale ?? "ja-JP" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    requested.push(url);
    const { hostname: host, pathname } = new URL(url);
    if (breakage.brokenBundle && /^\/taskpane\.[0-9a-f]+\.js$/.test(pathname))
      return route.fulfill({ contentType: "text/javascript", body: "const x = ;" });
    if (breakage.noOfficeJs && pathname.endsWith("/office.js")) return route.fulfill({ status: 404 });
    if (host === "localhost" || host === "127.0.0.1") return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  const p = await context.newPage();
  const errors: string[] = [];
  const violations: string[] = [];
  p.on("pageerror", (e) => errors.push(e.message));
  p.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  if (breakage.noEs2017)
    await p.addInitScript(() => {
      delete (Object as { entries?: unknown }).entries;
    });
  await p.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await p.goto(`${origin}/${page}`, { waitUntil: "load" });
  return { page: p, errors, violations };
}

async function settled(o: Loaded): Promise<void> {
  // office.js decides outside Office after its own timers: give it time to load what it wants.
  await o.page.waitForTimeout(1500);
  o.violations.push(...(await o.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)));
}

describe("OFFICE_JS=local: the production build on a closed network", () => {
  test("every page refers to its own origin only: office.js from office-js/, CSP without other hosts", () => {
    for (const name of ["taskpane.html", "commands.html", "dialog.html"]) {
      const html = fs.readFileSync(path.join(dir, name), "utf8");
      expect(html).not.toMatch(/appsforoffice|microsoft\.com|https?:\/\//i);
      expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
      const csp = /Content-Security-Policy"? content="([^"]+)"/.exec(html)![1];
      const scriptSrc = /script-src ([^;]+)/.exec(csp)![1].trim().split(/\s+/);
      expect(scriptSrc).toEqual(["'self'"]);
    }
    expect(fs.existsSync(path.join(dir, "office-js", "office.js"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "office-js", "ja-jp", "office_strings.js"))).toBe(true);
    expect(
      fs.readdirSync(path.join(dir, "office-js")).filter((f) => f.startsWith("excel-")).length,
    ).toBeGreaterThan(5);
  });

  test("the pane loads the package's office.js and shows that it belongs in Excel", async () => {
    const o = await load("taskpane.html");
    const state = o.page.locator("[data-testid=not-in-excel]");
    await state.waitFor({ state: "visible", timeout: 30_000 });
    expect(await state.textContent()).toContain("Excel");
    // The real office.js, from this origin: its namespace is there and it decided there is no host.
    expect(await o.page.evaluate(() => typeof Office !== "undefined" && typeof Office.onReady)).toBe(
      "function",
    );
    expect(await o.page.evaluate(() => Office.onReady().then((i) => i.host))).toBeNull();
    await settled(o);
    expect(o.errors).toEqual([]);
    expect(o.violations).toEqual([]);
    expect(await o.page.locator(".sk-loading").count()).toBe(0);
    await o.page.context().close();
  }, 60_000);

  test("the function file and the dialog load with no error and no CSP violation", async () => {
    for (const name of ["commands.html", "dialog.html?lang=en&tone=info&title=t&line=a"]) {
      const o = await load(name);
      await settled(o);
      expect({ name, errors: o.errors, violations: o.violations }).toEqual({
        name,
        errors: [],
        violations: [],
      });
      expect(await o.page.evaluate(() => typeof Office)).toBe("object");
      await o.page.context().close();
    }
  }, 60_000);

  test("a bundle the host cannot parse: the page says so in Japanese instead of Loading…", async () => {
    const o = await load("taskpane.html", { brokenBundle: true });
    const msg = o.page.locator("[data-testid=unsupported-host]");
    await msg.waitFor({ state: "visible", timeout: 30_000 });
    expect(await msg.textContent()).toContain("この Office では 進捗 (Shinchoku) を動かせません");
    expect(await o.page.locator(".sk-loading").count()).toBe(0);
    await o.page.context().close();
  }, 60_000);

  test("a host without ES2017's library (IE11's webview): the English message for an English browser", async () => {
    const o = await load("taskpane.html", { brokenBundle: true, noEs2017: true, locale: "en-US" });
    const msg = o.page.locator("[data-testid=unsupported-host]");
    await msg.waitFor({ state: "visible", timeout: 30_000 });
    expect(await msg.textContent()).toContain("Shinchoku cannot run in this version of Office");
    await o.page.context().close();
  }, 60_000);

  test("office.js that cannot be loaded: the page says so", async () => {
    const o = await load("taskpane.html", { noOfficeJs: true });
    const msg = o.page.locator("[data-testid=unsupported-officeJs]");
    await msg.waitFor({ state: "visible", timeout: 30_000 });
    expect(await msg.textContent()).toContain("office.js");
    await o.page.context().close();
  }, 60_000);

  test("nothing outside localhost was asked for", () => {
    expect(requested.some((u) => u.includes("/office-js/office.js"))).toBe(true);
    console.log(`closed network: ${requested.length} requests, ${blocked.length} to other hosts`);
    expect(blocked).toEqual([]);
  });
});
