/**
 * The real task pane in the preview page (simulated Excel, system Chromium, headless): validate the
 * seed form and see the engine's finding counts, follow a finding to its cell, make the summary,
 * show markup from cells as text without running it, fit in 320 px; and the README's screenshot.
 * Builds the pane and the page first (reused when up to date). Needs Chromium: CHROME_PATH or
 * /usr/bin/chromium; there is no skipping without it.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import {
  expectedCounts,
  hostileSheets,
  IMG_TEXT,
  SCRIPT_TEXT,
  SHEET_MARKUP,
  seedSheets,
  xlsxOf,
} from "./workbooks";
import type { CommandStats } from "../preview/grid-model";
import type { SimExcelHost } from "../sim-excel";

// The build and the server are plain Node modules, shared with scripts/preview.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPreview } = require("../preview/build") as {
  buildPreview: (o?: { log?: (l: string) => void }) => Promise<{ paneDir: string; pageDir: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require("../preview/server") as {
  startPreviewServer: (o: { paneDir: string; pageDir: string; port: number }) => Promise<{
    ipUrl: string;
    setWorkbook: (name: string, data: Buffer) => void;
    close: () => Promise<void>;
  }>;
};

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
/** The README's picture: rewritten when missing or with UPDATE_SCREENSHOT=1 (each run differs by its timings). */
const README_SCREENSHOT = path.resolve(__dirname, "../../docs/screenshot-taskpane.png");
const SCREENSHOT = path.resolve(__dirname, "../.tmp/screenshot-taskpane.png");

type Server = Awaited<ReturnType<typeof startPreviewServer>>;
type Win = Window & {
  __shinchoku: { host: SimExcelHost; lastCommand: () => CommandStats };
  __pwned?: unknown;
};

let server: Server;
let browser: Browser;
const seedXlsx = xlsxOf(seedSheets());

beforeAll(async () => {
  if (!fs.existsSync(CHROME))
    throw new Error(
      `Chromium not found at ${CHROME}: install it (apt-get install chromium) or set CHROME_PATH. ` +
        "The browser tests do not skip.",
    );
  const started = Date.now();
  const dirs = await buildPreview();
  server = await startPreviewServer({ ...dirs, port: 0 });
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
  if (process.env.SHINCHOKU_TIMING) console.log(`browser tests: set up in ${Date.now() - started} ms`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  pane: FrameLocator;
  dialogs: string[];
  errors: string[];
}

async function open(name: string, data: Buffer, viewport = { width: 1280, height: 800 }): Promise<Opened> {
  server.setWorkbook(name, data);
  const page = await browser.newPage({ viewport });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.ipUrl);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const pane = page.frameLocator("[data-testid=pane-frame]");
  await pane.locator("[data-testid=btn-validate]").waitFor({ state: "visible" });
  await pane.locator("#app[aria-busy=false], #app:not([aria-busy])").waitFor();
  return { page, pane, dialogs, errors };
}

/** Clicks a command button and waits until the pane is no longer busy; fails on a shown error. */
async function run(o: Opened, kind: "validate" | "fill" | "summary"): Promise<void> {
  await o.pane.locator(`[data-testid=btn-${kind}]`).click();
  await o.pane.locator("#app[aria-busy=false]").waitFor({ timeout: 30_000 });
  const message = o.pane.locator("[data-testid=message]");
  if (await message.isVisible()) throw new Error(`pane shows an error: ${await message.textContent()}`);
}

/** Re-reads `read` until `check` passes (the page follows the sim by polling), up to 5 s. */
async function settle<T>(read: () => Promise<T>, check: (v: T) => void, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    try {
      check(v);
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The pane's document, for looking at the whole of it. */
function paneDoc(o: Opened) {
  return o.pane.locator(":root");
}

async function count(o: Opened, sev: string): Promise<number> {
  return Number(await o.pane.locator(`[data-testid=count-${sev}]`).textContent());
}

async function lastCommand(page: Page): Promise<CommandStats> {
  // The meter follows the sync log by polling: let it catch up first.
  await page.waitForTimeout(250);
  return page.evaluate(() => (window as unknown as Win).__shinchoku.lastCommand());
}

describe("preview: the task pane on the simulated Excel", () => {
  let o: Opened;
  beforeAll(async () => {
    o = await open("seed.xlsx", await seedXlsx);
  });
  afterAll(() => o.page.close());

  it("validates the seed workbook and shows the engine's finding counts", async () => {
    const expected = expectedCounts(seedSheets());
    expect(expected.error + expected.warning + expected.info).toBeGreaterThan(0);
    await run(o, "validate");
    expect({
      error: await count(o, "error"),
      warning: await count(o, "warning"),
      info: await count(o, "info"),
    }).toEqual(expected);
    expect(await o.pane.locator("[data-testid=finding]").count()).toBe(
      expected.error + expected.warning + expected.info,
    );
    const stats = await lastCommand(o.page);
    expect(stats.syncs).toBeGreaterThanOrEqual(1);
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(stats.read).toBeGreaterThanOrEqual(1);
    expect(stats.requestBytes + stats.responseBytes).toBeGreaterThan(1000);
    const meter = o.page.locator("[data-testid=sync-meter]");
    await expect(meter.getAttribute("data-syncs")).resolves.toBe(String(stats.syncs));
    expect(await meter.textContent()).toMatch(
      /^syncs: \d+ \(read \d+ \/ write \d+\), payload: [\d.]+ (KB|B)$/,
    );
    console.log(`validate on the seed: ${await meter.textContent()}`);
    // Each indicator's kind and the basis of its period rate, as text in the item's group.
    expect(await o.pane.locator("[data-testid=indicator-kinds] li").allTextContents()).toEqual([
      "コミュニティ・コーディネーター育成講座受講者数(累計) — 累計・期間達成率 106.4%（最終年度）",
      "まちづくりセンター数 — 年度末時点・期間達成率 83.3%（最終年度）",
    ]);
    expect(o.errors).toEqual([]);
  });

  it("saves the screenshot of pane and grid for the README", async () => {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await o.page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    if (process.env.UPDATE_SCREENSHOT === "1" || !fs.existsSync(README_SCREENSHOT)) {
      fs.mkdirSync(path.dirname(README_SCREENSHOT), { recursive: true });
      fs.copyFileSync(SCREENSHOT, README_SCREENSHOT);
    }
  });

  it("moves the simulated selection to a clicked finding's cell, and the grid shows it", async () => {
    const finding = o.pane.locator("button[data-testid=finding]").last();
    const sheet = (await finding.getAttribute("data-sheet")) as string;
    const cell = (await finding.getAttribute("data-cell")) as string;
    expect(sheet).toBeTruthy();
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    // Look at another sheet first, so following the selection is what brings the grid back.
    await o.page.locator("[data-testid=sheet-tab]").filter({ hasNotText: sheet }).first().click();
    await finding.click();
    await settle(
      () => o.page.evaluate(() => (window as unknown as Win).__shinchoku.host.selection),
      (v) => expect(v).toEqual({ sheet, address: cell }),
    );
    expect(await o.page.evaluate(() => (window as unknown as Win).__shinchoku.host.activeSheet)).toBe(sheet);
    await settle(
      () => o.page.locator("[data-testid=grid]").getAttribute("data-sheet"),
      (v) => expect(v).toBe(sheet),
    );
    await settle(
      () => o.page.locator("[data-testid=grid-selected]").getAttribute("data-cell"),
      (v) => expect(v).toBe(cell),
    );
    expect(await o.page.locator(`[data-testid=sheet-tab][aria-pressed=true]`).textContent()).toBe(sheet);
    const stats = await lastCommand(o.page);
    expect(stats).toMatchObject({ syncs: 1, read: 0, write: 1 });
  });

  it("makes the summary sheet: a 集計 tab whose grid holds item No.28", async () => {
    await run(o, "summary");
    await settle(
      () => o.page.locator("[data-testid=sheet-tab]").allTextContents(),
      (v) => expect(v).toContain("集計"),
    );
    await o.page.locator("[data-testid=sheet-tab]", { hasText: "集計" }).click();
    const grid = o.page.locator("[data-testid=grid]");
    expect(await grid.getAttribute("data-sheet")).toBe("集計");
    const texts = (await grid.locator("td").allTextContents()).map((t) => t.trim());
    expect(texts).toContain("28");
    expect(
      await o.page.evaluate(
        () =>
          (window as unknown as Win).__shinchoku.host.book.sheets().filter((s) => s.state !== "veryHidden")
            .length,
      ),
    ).toBe(3);
    const stats = await lastCommand(o.page);
    expect(stats.write).toBeGreaterThanOrEqual(1);

    // Download: the workbook as the simulated Excel holds it, 集計 included.
    const [download] = await Promise.all([
      o.page.waitForEvent("download"),
      o.page.locator("[data-testid=download]").click(),
    ]);
    expect(download.suggestedFilename()).toBe("seed.preview.xlsx");
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file as string);
    const summary = wb.getWorksheet("集計");
    expect(summary).toBeDefined();
    const values: unknown[] = [];
    summary!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values.map(String)).toContain("28");
    console.log(`summary on the seed: ${await o.page.locator("[data-testid=sync-meter]").textContent()}`);
  });
});

describe("preview: the error highlight shows in the grid", () => {
  it("colours an error cell after 検証 with highlighting on, and clears it again", async () => {
    const sheets = seedSheets({ grades: ["E", "B", "C", "C"] });
    expect(expectedCounts(sheets).error).toBeGreaterThan(0);
    const o = await open("graded.xlsx", await xlsxOf(sheets));
    try {
      const toggle = o.pane.locator("[data-testid=highlight-toggle]");
      if (!(await toggle.isChecked())) await toggle.check();
      await run(o, "validate");
      const finding = o.pane.locator("button[data-testid=finding][data-severity=error]").first();
      const cell = (await finding.getAttribute("data-cell")) as string;
      await finding.click();
      const selected = o.page.locator("[data-testid=grid-selected]");
      await settle(
        () => selected.getAttribute("data-cell"),
        (v) => expect(v).toBe(cell),
      );
      // The adapter's conditional format (#FFC7CE fill), drawn by the grid.
      expect(await selected.evaluate((e) => e.style.backgroundColor)).toBe("rgb(255, 199, 206)");
      await o.pane.locator("[data-testid=btn-clear-highlight]").click();
      await settle(
        () => o.page.locator("[data-testid=grid-selected]").evaluate((e) => e.style.backgroundColor),
        (v) => expect(v).toBe(""),
      );
      expect(o.errors).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
});

describe("preview: markup in cells is text", () => {
  it("shows <script> and <img onerror> from cells as text in pane and grid, and runs nothing", async () => {
    const o = await open("hostile.xlsx", await xlsxOf(hostileSheets()));
    try {
      await run(o, "validate");
      // The item title carries both: the pane shows it in the findings group heading.
      const findings = o.pane.locator("[data-testid=findings]");
      await settle(
        () => findings.textContent(),
        (v) => expect(v).toContain(SCRIPT_TEXT),
      );
      expect(await findings.textContent()).toContain(IMG_TEXT);
      expect(await findings.locator("script, img").count()).toBe(0);

      await o.page.locator("[data-testid=sheet-tab]", { hasText: "メモ" }).click();
      const grid = o.page.locator("[data-testid=grid]");
      expect(await grid.getAttribute("data-sheet")).toBe("メモ");
      const cells = await grid.locator("td").allTextContents();
      expect(cells).toContain(SCRIPT_TEXT);
      expect(cells).toContain(IMG_TEXT);
      expect(await grid.locator("script, img").count()).toBe(0);
      // The item sheet's title cell as well.
      await o.page.locator("[data-testid=sheet-tab]").first().click();
      expect((await grid.locator("td").allTextContents()).some((t) => t.includes(SCRIPT_TEXT))).toBe(true);

      // A sheet named with markup: in the finding locations, as a tab, and after 集計シート作成.
      expect(
        await o.pane.locator("[data-testid=finding]", { hasText: SHEET_MARKUP }).count(),
      ).toBeGreaterThan(0);
      expect(await o.page.locator("[data-testid=sheet-tab]").allTextContents()).toContain(SHEET_MARKUP);
      await run(o, "summary");
      await o.page.locator("[data-testid=sheet-tab]", { hasText: "集計" }).click();
      expect((await grid.locator("td").allTextContents()).some((t) => t.includes(SCRIPT_TEXT))).toBe(true);
      expect(await o.page.locator("img, script:not([src])").count()).toBe(0);
      expect(await paneDoc(o).locator("img, script:not([src])").count()).toBe(0);

      // Give an onerror handler every chance to have fired, then look in both frames.
      await o.page.waitForTimeout(300);
      expect(await o.page.evaluate(() => (window as unknown as Win).__pwned)).toBeUndefined();
      const paneFrame = o.page.frames().find((f) => f.url().includes("/pane/taskpane.html"));
      expect(paneFrame).toBeDefined();
      expect(await paneFrame!.evaluate(() => (window as unknown as Win).__pwned)).toBeUndefined();
      expect(o.dialogs).toEqual([]);
      expect(o.errors).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
});

describe("preview: the pane at 320 px", () => {
  it("has no horizontal overflow, shows the three command buttons, and can be widened", async () => {
    const o = await open("seed.xlsx", await seedXlsx, { width: 1000, height: 700 });
    try {
      const frame = o.page.locator("[data-testid=pane-frame]");
      expect((await frame.boundingBox())?.width).toBe(320);
      await run(o, "validate");
      const paneFrame = o.page.frames().find((f) => f.url().includes("/pane/taskpane.html"))!;
      const widths = await paneFrame.evaluate(() => {
        const s = document.scrollingElement as Element;
        return { scroll: s.scrollWidth, client: s.clientWidth, inner: window.innerWidth };
      });
      expect(widths.inner).toBe(320);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      for (const kind of ["validate", "fill", "summary"]) {
        const b = o.pane.locator(`[data-testid=btn-${kind}]`);
        await expect(b.isVisible()).resolves.toBe(true);
        const box = await paneFrame.locator(`[data-testid=btn-${kind}]`).evaluate((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, width: r.width };
        });
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(widths.client);
        expect(box.width).toBeGreaterThan(40);
      }

      // Dragging the pane's corner widens it (Office lets users do the same).
      const pane = (await o.page.locator("[data-testid=pane]").boundingBox())!;
      await o.page.mouse.move(pane.x + pane.width - 4, pane.y + pane.height - 4);
      await o.page.mouse.down();
      await o.page.mouse.move(pane.x + pane.width + 100, pane.y + pane.height - 4, { steps: 5 });
      await o.page.mouse.up();
      expect((await frame.boundingBox())!.width).toBeGreaterThan(400);
    } finally {
      await o.page.close();
    }
  });
});

describe("npm run preview", () => {
  it("serves FILE and prints its http://localhost URL; the pane's office.js is the shim, nothing else", async () => {
    const dir = path.resolve(__dirname, "../.tmp");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "preview-cli.xlsx");
    fs.writeFileSync(file, await seedXlsx);
    const child = spawn(
      process.execPath,
      [path.resolve(__dirname, "../../scripts/preview.js"), file, "--port", "0"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString("utf8");
          const m = /(http:\/\/localhost:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const at = (p: string) => fetch(new URL(p, url.replace("localhost", "127.0.0.1")));
      expect(await (await at("/preview/info.json")).json()).toEqual({ name: "preview-cli.xlsx" });
      expect(
        Buffer.from(await (await at("/workbook.xlsx")).arrayBuffer()).equals(fs.readFileSync(file)),
      ).toBe(true);
      const pane = await (await at("/pane/taskpane.html")).text();
      const built = fs.readFileSync(path.resolve(__dirname, "../../.preview/pane/taskpane.html"), "utf8");
      expect(pane).not.toContain("appsforoffice.microsoft.com/lib");
      expect(pane).toContain('<script src="/preview/office-shim.js"></script>');
      // Only the office.js tag differs from the built page: the CSP meta and everything else as built.
      expect(pane.replace('<script src="/preview/office-shim.js"></script>', "")).toBe(
        built.replace(/<script\s+src="https:\/\/appsforoffice[^"]*"\s*><\/script>/, ""),
      );
      expect(pane).toMatch(/Content-Security-Policy/);
      for (const p of [
        "/pane/../package.json",
        "/pane/..%2f..%2fpackage.json",
        "/preview/..%2f..%2fpackage.json",
      ])
        expect((await at(p)).status).toBe(404);
    } finally {
      child.kill("SIGINT");
    }
  }, 90_000);
});
