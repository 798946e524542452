/**
 * The task pane in Chromium (CHROME_PATH, else /usr/bin/chromium), built by webpack from the real
 * taskpane.html template and stylesheets, on a recording ShinchokuOperations. Checks what a user
 * sees and what the pane asks of the adapter; CSP violations and script dialogs fail the test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { OperationResult } from "../../src/excel/types";
import { encodeReport } from "../../src/commands/dialog-report";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pagesConfig, runWebpack } = require("../preview/build") as {
  pagesConfig: (outDir: string, entries: Record<string, string | null>) => Promise<Record<string, unknown>>;
  runWebpack: (config: Record<string, unknown>) => Promise<unknown>;
};

const root = path.join(__dirname, "..", "..");
const out = path.join(root, "test", ".tmp", "pane");
const ORIGIN = "https://shinchoku.test/";

/**
 * The project's webpack config (development) cut down to the task pane, built from the harness
 * instead of src/taskpane/index.ts, and the result dialog; the real templates and stylesheets.
 */
async function build(): Promise<void> {
  const config = await pagesConfig(out, {
    taskpane: "./test/taskpane/harness/pane-harness.ts",
    dialog: null,
  });
  await runWebpack({ ...config, devtool: false });
}

const finding = (
  severity: "error" | "warning" | "info",
  itemNo: string | null,
  sheet: string | null,
  cell: string | null,
  message: string,
) => ({
  code: `c-${severity}`,
  severity,
  itemNo,
  sheet,
  cell,
  params: {},
  message,
});

const validateResult: OperationResult = {
  kind: "validate",
  items: [
    { no: "28", title: "区自治協議会の活性化", sheet: "No28", cell: "C3" },
    { no: "3", title: "<img src=x onerror=alert(1)>", sheet: "No 3", cell: "C3" },
  ],
  findings: [
    finding("warning", "28", "No28", "F30", "評価 B は指標の判定と合いません"),
    finding("error", "28", "No28", "E12", "計画「約100」は数値ではありません"),
    finding("info", "3", "No 3", "B2", "<script>alert(2)</script>"),
    finding("warning", null, null, null, "ブック全体の警告"),
  ],
  counts: { error: 1, warning: 2, info: 1 },
  wrote: false,
  blockedReason: null,
  summarySheet: null,
  stats: {
    readSyncs: 2,
    writeSyncs: 0,
    requestBytes: 1024,
    responseBytes: 101376,
    sheetsRead: 4,
    cellsRead: 5000,
    cellsWritten: 0,
    ms: 420,
  },
};

let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  await build();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
}, 120000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  problems.length = 0;
  page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  // Serve the build under an https origin. office.js (CDN) is not needed by the pane itself: it is
  // answered with an empty script (outside Office it defines nothing the pages use), since a failed
  // office.js makes the page say it cannot load (src/shared/legacy-host.js).
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/.test(url))
      return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
    if (!url.startsWith(ORIGIN)) return route.abort();
    const file = path.join(out, new URL(url).pathname);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404 });
    const type = file.endsWith(".html")
      ? "text/html"
      : file.endsWith(".css")
        ? "text/css"
        : "text/javascript";
    return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("dialog", (d) => {
    problems.push(`script dialog: ${d.message()}`);
    void d.dismiss();
  });
});

afterEach(async () => {
  await page.close();
  expect(problems).toEqual([]);
});

/** What the harness page exposes (test/taskpane/harness/pane-harness.ts). */
interface HarnessApi {
  calls: string[];
  results: Record<string, unknown>;
  settings: unknown;
  failNext: { code: string; message: string } | null;
  hiddenSheets: string[];
  hold: boolean;
  release(): void;
  start(lang: string, action: string | null): Promise<void>;
}
type W = { harness: HarnessApi };

interface Setup {
  results?: Record<string, unknown>;
  settings?: unknown;
  failNext?: { code: string; message: string };
  hold?: boolean;
}

async function start(lang: "ja" | "en", action: string | null, setup: Setup = {}) {
  await page.goto(`${ORIGIN}taskpane.html`);
  await page.waitForFunction(() => "harness" in window);
  await page.evaluate(
    ([validate, s]) => {
      const h = (window as unknown as W).harness;
      h.results = { validate, ...(s.results ?? {}) };
      if (s.settings) h.settings = s.settings;
      if (s.failNext) h.failNext = s.failNext;
      h.hold = Boolean(s.hold);
    },
    [validateResult, setup] as const,
  );
  await page.evaluate(([l, a]) => (window as unknown as W).harness.start(l, a), [lang, action] as const);
}

const calls = () => page.evaluate(() => (window as unknown as W).harness.calls);
const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

test("opened from the ribbon's 検証 (?action=validate): loads settings, validates, lists findings by item", async () => {
  await start("ja", "validate");
  expect(await calls()).toEqual(["loadSettings", "validate:ja"]);
  expect(await byTestId("count-error").textContent()).toBe("1");
  expect(await byTestId("count-warning").textContent()).toBe("2");
  expect(await byTestId("count-info").textContent()).toBe("1");
  const groups = page.locator('[data-testid="finding-group"] .sk-group-name');
  expect(await groups.allTextContents()).toEqual([
    "No.28 区自治協議会の活性化",
    "No.3 <img src=x onerror=alert(1)>",
    "ブック全体",
  ]);
  // Errors first within an item; cell text stays text.
  expect(await page.locator('[data-testid="finding"] .sk-loc').allTextContents()).toEqual([
    "No28!E12",
    "No28!F30",
    "'No 3'!B2",
    "(セルなし)",
  ]);
  expect(await page.locator("img, script:not([src])").count()).toBe(0);
  expect(await byTestId("stats").textContent()).toBe("読込 2 回・書込 0 回・100 KB・420 ms");
  expect(await byTestId("btn-validate").textContent()).toBe("検証");
});

test("opened without an action: nothing runs until a button is pressed", async () => {
  await start("ja", null);
  expect(await calls()).toEqual(["loadSettings"]);
  expect(await byTestId("status-headline").textContent()).toContain("[検証]");
});

test("clicking a finding selects its cell; a finding without a cell is not a button", async () => {
  await start("en", "validate");
  await page.locator('[data-testid="finding"][data-cell="F30"]').click();
  expect((await calls()).at(-1)).toBe("select:No28!F30");
  expect(await page.locator('div[data-testid="finding"]').count()).toBe(1);
  expect(await page.locator('button[data-testid="finding"]').count()).toBe(3);
});

test("a finding on a hidden sheet: the pane says so and offers to show the sheet", async () => {
  await start("ja", "validate");
  await page.evaluate(() => ((window as unknown as W).harness.hiddenSheets = ["No28"]));
  await page.locator('[data-testid="finding"][data-cell="F30"]').click();
  await byTestId("show-sheet").waitFor();
  expect(await byTestId("message").textContent()).toContain("シート「No28」は非表示になっています。");
  await byTestId("show-sheet").click();
  expect((await calls()).slice(-2)).toEqual(["select:No28!F30", "select:No28!F30:show"]);
  expect(await byTestId("message").isHidden()).toBe(true);
});

test("severity filter hides findings and says when none are left", async () => {
  await start("ja", "validate");
  await byTestId("filter-warning").click();
  await byTestId("filter-info").click();
  expect(await byTestId("filter-warning").getAttribute("aria-pressed")).toBe("false");
  expect(await page.locator('[data-testid="finding"]').count()).toBe(1);
  await byTestId("filter-error").click();
  expect(await byTestId("findings-empty").textContent()).toBe("選択した種類の指摘はありません。");
});

test("while running: buttons disabled, aria-busy, progress with phase; restored after", async () => {
  await start("ja", null, { hold: true });
  await byTestId("btn-validate").click();
  await page.waitForFunction(() => (window as unknown as W).harness.calls.includes("validate:ja"));
  expect(await byTestId("btn-fill").isDisabled()).toBe(true);
  expect(await byTestId("results").getAttribute("aria-busy")).toBe("true");
  expect(await byTestId("progress").isVisible()).toBe(true);
  expect(await byTestId("progress-phase").textContent()).toBe("シートを読み込んでいます…");
  expect(await byTestId("progress-bar").getAttribute("value")).toBe("0.25");
  await page.evaluate(() => (window as unknown as W).harness.release());
  await page.waitForFunction(
    () => !(document.querySelector('[data-testid="btn-fill"]') as HTMLButtonElement).disabled,
  );
  expect(await byTestId("results").getAttribute("aria-busy")).toBe("false");
  expect(await byTestId("progress").isVisible()).toBe(false);
});

test("blocked fill and a renamed summary sheet are explained", async () => {
  await start("ja", null, {
    results: {
      fill: { ...validateResult, kind: "fill", wrote: false, blockedReason: "ブックは読み取り専用です" },
      summary: { ...validateResult, kind: "summary", wrote: true, summarySheet: "集計 (2)" },
    },
  });
  await byTestId("btn-fill").click();
  await byTestId("blocked-reason").waitFor();
  expect(await byTestId("blocked-reason").textContent()).toBe(
    "書き込めませんでした: ブックは読み取り専用です",
  );
  await byTestId("btn-summary").click();
  await byTestId("summary-sheet").waitFor();
  expect(await byTestId("summary-sheet").textContent()).toContain("「集計 (2)」に作成しました");
  expect(await byTestId("blocked-reason").count()).toBe(0);
});

test("an Excel error shows in the message bar and the buttons come back", async () => {
  await start("en", null, { failNext: { code: "InvalidOperationInCellEditMode", message: "edit mode" } });
  await page.evaluate(() => {
    console.group = () => {};
    console.groupCollapsed = () => {};
  });
  await byTestId("btn-validate").click();
  await byTestId("message").waitFor();
  expect(await byTestId("message").textContent()).toContain("Finish editing the cell and try again.");
  expect(await byTestId("btn-validate").isDisabled()).toBe(false);
});

test("highlight toggle saves at once; clear highlight calls the adapter", async () => {
  await start("ja", null);
  expect(await byTestId("highlight-toggle").isChecked()).toBe(true);
  await byTestId("highlight-toggle").click();
  await byTestId("btn-clear-highlight").click();
  await page.waitForFunction(() => (window as unknown as W).harness.calls.includes("clearHighlight"));
  expect(await calls()).toEqual([
    "loadSettings",
    'saveSettings:{"overrides":{},"highlightErrors":false}',
    "clearHighlight",
  ]);
});

test("settings: lists as rows, errors shown per field, the old settings kept, valid input saved", async () => {
  await start("ja", null, {
    settings: {
      overrides: {
        thresholds: { achieved: 1, mostly: 0.6 },
        staleEstimateYears: 2,
        lowerIsBetter: ["待ち時間"],
      },
      highlightErrors: true,
    },
  });
  await page.locator('[data-testid="settings"] > summary').click();
  // No pipe syntax or JSON anywhere: no text areas, every list a list of rows.
  expect(await page.locator('[data-testid="settings"] textarea').count()).toBe(0);
  expect(await byTestId("setting-mostlyPct").inputValue()).toBe("60");
  const lower = page.locator('[data-testid="setting-lowerIsBetter"] li input');
  expect(await lower.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(["待ち時間"]);
  expect(await lower.first().getAttribute("aria-label")).toBe("小さいほど良い指標 (名称の一部) の 1 件目");
  const gradeCodes = page.locator('[data-testid="setting-grades"] li input[data-sub="code"]');
  expect(await gradeCodes.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "A",
    "B",
    "C",
    "D",
  ]);
  const statusBehind = page.locator('[data-testid="setting-statuses"] li input[type="checkbox"]');
  expect(await statusBehind.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).checked))).toEqual([
    false,
    false,
    true,
    true,
    false,
  ]);
  expect(await page.locator('[data-testid="settings"]').textContent()).not.toContain("|");

  // Keyboard: Enter in a row adds one below and focuses it; the add button works with Enter too.
  await lower.first().focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("処理日数");
  await byTestId("setting-lowerIsBetter-add").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.type("待機件数");
  expect(await lower.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "待ち時間",
    "処理日数",
    "待機件数",
  ]);
  // Removing a row by keyboard moves the focus to the row that takes its place.
  await page.locator('[data-testid="setting-lowerIsBetter"] li .sk-remove').nth(1).focus();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
    "小さいほど良い指標 (名称の一部) の 2 件目を削除",
  );
  await page.keyboard.press("Enter");
  expect(await lower.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "待ち時間",
    "待機件数",
  ]);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("待機件数");

  // Invalid: nothing saved, each problem at its field.
  await byTestId("setting-achievedPct").fill("50");
  await gradeCodes.nth(1).fill("");
  await byTestId("setting-summarySheetName").fill("a/b");
  await byTestId("btn-save-settings").click();
  expect(await page.locator('[data-testid="settings-errors"] li').allTextContents()).toEqual([
    "「概ね達成」の達成率: 「概ね達成」の値は「達成」の値以下にしてください。",
    "年度評価の区分・2 件目・記号: 空白以外の文字を含めてください (grades[1].code)",
    "集計シート名: シート名に [ ] : * ? / \\ は使えません (summarySheetName)",
  ]);
  expect(await byTestId("setting-mostlyPct").getAttribute("aria-invalid")).toBe("true");
  expect(await byTestId("setting-summarySheetName").getAttribute("aria-invalid")).toBe("true");
  expect(await gradeCodes.nth(1).getAttribute("aria-invalid")).toBe("true");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
    "setting-mostlyPct",
  );
  expect((await calls()).some((c) => c.startsWith("saveSettings"))).toBe(false);
  // The settings in force are still the old ones: the highlight switch saves them unchanged.
  await byTestId("highlight-toggle").click();
  expect((await calls()).at(-1)).toBe(
    'saveSettings:{"overrides":{"thresholds":{"achieved":1,"mostly":0.6},"staleEstimateYears":2,"lowerIsBetter":["待ち時間"]},"highlightErrors":false}',
  );

  // Fixed: saved as overrides, only what differs from the defaults.
  await byTestId("setting-achievedPct").fill("100");
  await gradeCodes.nth(1).fill("B");
  await byTestId("setting-summarySheetName").fill("集計");
  await page.locator('[data-testid="settings-severity"] > summary').click();
  await byTestId("setting-severity-value/actual-missing").selectOption("off");
  await byTestId("btn-save-settings").click();
  await byTestId("settings-status").filter({ hasText: "保存しました" }).waitFor();
  expect((await calls()).at(-1)).toBe(
    'saveSettings:{"overrides":{"thresholds":{"achieved":1,"mostly":0.6},"lowerIsBetter":["待ち時間","待機件数"],' +
      '"staleEstimateYears":2,"severity":{"value/actual-missing":"off"}},"highlightErrors":false}',
  );
  expect(await page.locator('[data-testid="settings-errors"] li').count()).toBe(0);
});

test("settings in English; an error inside a closed section opens it; invalid stored settings are named", async () => {
  await start("en", null, {
    settings: { overrides: { summaryMarker: "" }, highlightErrors: false },
  });
  expect(await byTestId("message").textContent()).toContain("summaryMarker");
  await page.locator('[data-testid="settings"] > summary').click();
  expect(await byTestId("setting-lowerIsBetter-add").getAttribute("aria-label")).toBe(
    "Add to Indicators where lower is better (part of the name)",
  );
  expect(await page.locator('[data-testid="setting-statuses"] legend').textContent()).toBe(
    "Mid-year statuses",
  );
  // The panel shows the defaults; a blank label row inside the closed labels section is refused.
  await page.locator('[data-testid="settings-labels"] > summary').click();
  await byTestId("setting-labels-no-add").click();
  await page.locator('[data-testid="settings-labels"] > summary').click();
  expect(await page.locator('[data-testid="settings-labels"]').getAttribute("open")).toBeNull();
  await byTestId("btn-save-settings").click();
  expect(await page.locator('[data-testid="settings-errors"] li').allTextContents()).toEqual([
    "Label “No.”, entry 6: expected a text that is not empty or blank (labels.no[5])",
  ]);
  expect(await page.locator('[data-testid="settings-labels"]').getAttribute("open")).toBe("");
  expect(
    await page.locator('[data-testid="setting-labels-no"] li input').nth(5).getAttribute("aria-invalid"),
  ).toBe("true");
  await page.locator('[data-testid="setting-labels-no"] li .sk-remove').nth(5).click();
  await byTestId("btn-save-settings").click();
  await byTestId("settings-status").filter({ hasText: "Settings saved" }).waitFor();
  expect((await calls()).at(-1)).toBe('saveSettings:{"overrides":{},"highlightErrors":false}');
});

test("English when asked, and every control reachable by keyboard with a visible focus ring", async () => {
  await start("en", null);
  expect(await byTestId("btn-fill").textContent()).toBe("Fill computed fields");
  expect(await page.locator("html .sk-app").getAttribute("lang")).toBe("en");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
  expect(focused).toBe("btn-validate");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).toBe("solid");
});

test("the page's CSP is in force: an injected inline script does not run", async () => {
  await start("ja", null);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true";
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return { ran: "__inlineRan" in window, violations };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations).toContain("script-src-elem");
  // The collector saw it too: proof that a violation by the pane itself would fail a test.
  expect(problems.some((p) => /Content Security Policy/.test(p))).toBe(true);
  problems.length = 0;
});

test("the ribbon commands' dialog shows the report as text and focuses its close button", async () => {
  const q = encodeReport({
    lang: "en",
    tone: "warning",
    title: "Fill computed fields",
    lines: ["Computed fields filled.", "<img src=x onerror=alert(1)>"],
  });
  await page.goto(`${ORIGIN}dialog.html?${q}`);
  await byTestId("dialog-close").waitFor();
  expect(await byTestId("dialog-title").textContent()).toBe("Fill computed fields");
  expect(await byTestId("dialog-line").allTextContents()).toEqual([
    "Computed fields filled.",
    "<img src=x onerror=alert(1)>",
  ]);
  expect(await page.locator("img").count()).toBe(0);
  expect(await byTestId("dialog-close").textContent()).toBe("Close");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("dialog-close");
});

const worklistResult: OperationResult = {
  ...validateResult,
  items: [
    { no: "28", title: "地域活動の担い手を育む仕組みづくり", sheet: "No.28 H27-28", cell: "C3" },
    { no: "31", title: "窓口業務の見直し", sheet: "No.31 H29-30", cell: "C3" },
  ],
  findings: [
    {
      ...finding(
        "warning",
        "28",
        "No.28 H27-28",
        "D15",
        "まちづくりセンター数の現状値 37 が「見込み」のままです。",
      ),
      code: "baseline/stale-estimate",
    },
    {
      ...finding("warning", "31", "No.31 H27-28", "D14", "受講者数の現状値 930 が「見込み」のままです。"),
      code: "baseline/stale-estimate",
    },
    {
      ...finding("error", "31", "No.31 H29-30", "H15", "平成30年度の実績が未入力です。"),
      code: "value/actual-missing",
    },
  ],
  counts: { error: 1, warning: 2, info: 0 },
  reviewed: [
    {
      ...finding("warning", "28", "No.28 H27-28", "D14", "受講者数の現状値 930 が「見込み」のままです。"),
      code: "baseline/stale-estimate",
      review: { state: "confirmed", note: "公表済みの値のため変更しない" },
    },
  ],
  checklist: [
    {
      itemNo: "31",
      title: "窓口業務の見直し",
      department: "市民協働課",
      fiscalYear: 2018,
      missing: ["actual"],
      sheet: "No.31 H29-30",
      cell: "H15",
    },
    {
      itemNo: "33",
      title: "公民館の運営見直し",
      department: "中央公民館",
      fiscalYear: 2018,
      missing: ["status", "grade"],
      sheet: "No.33 H29-30",
      cell: "M19",
    },
  ],
};

test("as a worklist: – before the first run, by check with errors first, reviewed apart, the checklist, stats behind a toggle", async () => {
  await start("ja", null, { results: { validate: worklistResult } });
  for (const sev of ["error", "warning", "info"])
    expect(await byTestId(`count-${sev}`).textContent()).toBe("–");
  expect(await byTestId("stats-details").isVisible()).toBe(false);
  expect(await byTestId("btn-findings").textContent()).toBe("指摘一覧を作成");

  await byTestId("btn-validate").click();
  await page.waitForSelector('[data-testid="finding-group"]');
  // Reviewed findings are not in the counts.
  expect(await byTestId("count-warning").textContent()).toBe("2");
  await byTestId("view-rule").click();
  const rules = page.locator('[data-testid="rule-group"] .sk-group-name');
  expect(await rules.allTextContents()).toEqual([
    "1 件: 評価済み・終了済みの年度の実績が未入力",
    "2 件: 現状値が見込みのまま",
  ]);
  // A line per check, closed; it opens to its cells.
  expect(await page.locator('[data-testid="rule-group"][open]').count()).toBe(0);
  await page.locator('[data-testid="rule-group"][data-code="baseline/stale-estimate"] summary').click();
  const cells = page.locator(
    '[data-testid="rule-group"][data-code="baseline/stale-estimate"] [data-testid="finding"] .sk-loc',
  );
  expect(await cells.allTextContents()).toEqual(["'No.28 H27-28'!D15", "'No.31 H27-28'!D14"]);

  const reviewedBox = byTestId("reviewed");
  expect(await reviewedBox.locator("summary").textContent()).toBe(
    "確認済み・対応不要 1 件（件数に含めません）",
  );
  await reviewedBox.locator("summary").click();
  expect(await reviewedBox.locator(".sk-review-note").textContent()).toBe(
    "確認済み: 公表済みの値のため変更しない",
  );

  const list = byTestId("checklist");
  expect(await list.getAttribute("open")).toBe("");
  expect(await list.locator(".sk-dept").allTextContents()).toEqual(["市民協働課", "中央公民館"]);
  expect(await list.locator('[data-testid="checklist-entry"] .sk-msg').allTextContents()).toEqual([
    "No.31 平成30年度: 実績 窓口業務の見直し",
    "No.33 平成30年度: 取組の状況・年度評価 公民館の運営見直し",
  ]);
  await list.locator('[data-testid="checklist-entry"]').nth(1).click();
  expect((await calls()).at(-1)).toBe("select:No.33 H29-30!M19");

  // The round trips sit behind the toggle.
  const statsBox = byTestId("stats-details");
  expect(await statsBox.isVisible()).toBe(true);
  expect(await byTestId("stats").isVisible()).toBe(false);
  await statsBox.locator("summary").click();
  expect(await byTestId("stats").isVisible()).toBe(true);

  // Fits 320 px: nothing wider than the pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // The picture for the README: by check, one check opened, the reviewed group and the checklist.
  const shot = path.join(root, "docs", "screenshot-worklist.png");
  await page.screenshot({ path: path.join(out, "worklist.png"), fullPage: true });
  if (process.env.UPDATE_SCREENSHOT === "1" || !fs.existsSync(shot))
    fs.copyFileSync(path.join(out, "worklist.png"), shot);
});

test("指摘一覧を作成 runs the findings operation and says where the sheet went", async () => {
  await start("ja", null, {
    results: { findings: { ...worklistResult, kind: "findings", wrote: true, findingsSheet: "指摘一覧" } },
  });
  await byTestId("btn-findings").click();
  await page.waitForSelector('[data-testid="finding-group"]');
  expect((await calls()).at(-1)).toBe("findings:ja");
  expect(await byTestId("status-headline").textContent()).toContain("指摘一覧「指摘一覧」を作成しました。");
});

test("settings: indicator kinds, the default kind, period grades and flag bands as rows, at 320 px", async () => {
  await start("ja", null, {
    settings: {
      overrides: { indicatorKinds: [{ name: "センター数", kind: "level" }] },
      highlightErrors: true,
    },
  });
  await page.locator('[data-testid="settings"] > summary').click();
  expect(await page.locator('[data-testid="settings"] textarea').count()).toBe(0);
  const kindNames = page.locator('[data-testid="setting-indicatorKinds"] li input[data-sub="name"]');
  const kindSelects = page.locator('[data-testid="setting-indicatorKinds"] li select[data-sub="kind"]');
  expect(await kindNames.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "センター数",
  ]);
  expect(await kindSelects.first().inputValue()).toBe("level");
  expect(await kindSelects.first().locator("option").allTextContents()).toEqual([
    "累計",
    "年度末時点",
    "単年度",
  ]);
  expect(await byTestId("setting-defaultIndicatorKind").inputValue()).toBe("level");
  // Bands and period grades are off: their lists are out of sight until switched on.
  expect(await byTestId("setting-flagBands").isVisible()).toBe(false);
  expect(await byTestId("setting-periodGrades").isVisible()).toBe(false);

  await byTestId("setting-indicatorKinds-add").click();
  await kindNames.nth(1).fill("受講者数");
  await kindSelects.nth(1).selectOption("cumulative");
  await byTestId("setting-defaultIndicatorKind").selectOption("annual");
  await byTestId("setting-ownFlagBands").check();
  expect(await byTestId("setting-flagBands").isVisible()).toBe(true);
  const bandLabels = page.locator('[data-testid="setting-flagBands"] li input[data-sub="label"]');
  const bandMins = page.locator('[data-testid="setting-flagBands"] li input[data-sub="min"]');
  expect(await bandLabels.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "達成",
    "概ね達成",
    "未達成",
  ]);
  expect(await bandMins.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
    "100",
    "80",
    "0",
  ]);
  // A fourth band, typed out of order first: refused at its field with the JSON path.
  await byTestId("setting-flagBands-add").click();
  await bandLabels.nth(3).fill("大幅な遅れ");
  await bandMins.nth(3).fill("50");
  // The grade rows offer the bands' labels as flags to match.
  expect(
    await page
      .locator('[data-testid="setting-grades"] li')
      .nth(3)
      .locator('input[data-sub="expectedFlags"]')
      .evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value)),
  ).toEqual(["達成", "概ね達成", "未達成", "大幅な遅れ"]);
  await byTestId("setting-ownPeriodGrades").check();
  await byTestId("settings").screenshot({ path: path.join(out, "settings.png") });
  await byTestId("btn-save-settings").click();
  expect(await page.locator('[data-testid="settings-errors"] li').allTextContents()).toEqual([
    "判定の区分 (下限の高い順)・4 件目・下限の達成率 (%以上): 下限は前の行より小さくしてください (下限の高い順に並べます)。 (flagBands[3].min)",
  ]);
  expect(await bandMins.nth(3).getAttribute("aria-invalid")).toBe("true");
  expect((await calls()).some((c) => c.startsWith("saveSettings"))).toBe(false);
  // Removed again and the lowest band put at 60 %: saved.
  await page.locator('[data-testid="setting-flagBands"] li .sk-remove').nth(3).click();
  await bandMins.nth(2).fill("0");
  await bandLabels.nth(1).fill("概ね達成");
  const periodCodes = page.locator('[data-testid="setting-periodGrades"] li input[data-sub="code"]');
  expect(await periodCodes.count()).toBe(4);
  await page.locator('[data-testid="setting-periodGrades"] li .sk-remove').nth(3).click();
  await byTestId("btn-save-settings").click();
  await byTestId("settings-status").filter({ hasText: "保存しました" }).waitFor();
  const saved = JSON.parse((await calls()).at(-1)!.replace(/^saveSettings:/, "")) as {
    overrides: Record<string, unknown>;
  };
  expect(saved.overrides.indicatorKinds).toEqual([
    { name: "センター数", kind: "level" },
    { name: "受講者数", kind: "cumulative" },
  ]);
  expect(saved.overrides.defaultIndicatorKind).toBe("annual");
  expect(saved.overrides.flagBands).toEqual([
    { label: "達成", en: "achieved", min: 1 },
    { label: "概ね達成", en: "mostly achieved", min: 0.8 },
    { label: "未達成", en: "not achieved", min: 0 },
  ]);
  expect((saved.overrides.periodGrades as { code: string }[]).map((g) => g.code)).toEqual(["A", "B", "C"]);

  // Fits 320 px; the picture for the README.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const shot = path.join(root, "docs", "screenshot-settings.png");
  if (process.env.UPDATE_SCREENSHOT === "1" || !fs.existsSync(shot))
    fs.copyFileSync(path.join(out, "settings.png"), shot);
});
