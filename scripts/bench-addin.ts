/**
 * The add-in's part of `npm run bench`, in its own process after the CLI's (the simulated Excel sets
 * the globals Excel and Office). Compiled by tsconfig.bench.json (office-js types), not by
 * tsconfig.cli.json.
 *  1. The real adapter (createOperations) on the simulated Excel loaded from the bench workbook the
 *     CLI part measured (out/bench/bench-120.xlsx): syncs and payload of 検証, 計算欄を記入 and
 *     集計シート作成, each on the file as handed in; then the same three on the workbook after a fill.
 *     Goal: ≤ 2 read + ≤ 2 write syncs per command, every sync's request and response under 5 MB.
 *  2. The task pane's JavaScript, production build, gzipped (level 9), without office.js; goal
 *     < 150 KB. Runs `webpack --mode production` first when dist/ is missing, a development build,
 *     or older than its sources.
 * The measuring is test/excel/measure.ts, shared with test/excel/workbook-240.test.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { resetSizeHint } from "../src/excel/read-workbook";
import type { OperationKind } from "../src/excel/types";
import { installSimulatedOffice, loadSimWorkbook } from "../test/sim-excel";
import { SYNC_GOAL, kb, measureCommand, type CommandFigures } from "../test/excel/measure";
import { benchFile, makeBenchWorkbook } from "./bench-workbook";
import { repoRoot } from "./sample-items";

const ROOT = repoRoot();
const DIST = path.join(ROOT, "dist");
const ITEMS = 120;
const JS_GOAL_BYTES = 150 * 1024;
const LIMIT_MB = 5;

const COMMANDS: Array<{ kind: OperationKind; name: string }> = [
  { kind: "validate", name: "検証 validate" },
  { kind: "fill", name: "計算欄を記入 fill" },
  { kind: "summary", name: "集計シート作成 summary" },
];

// ---- 1. syncs and payload on the simulated Excel ----

/** A fresh host over the bench file, as a task pane opening that document (no size hint yet). */
async function freshHost(buffer: Buffer) {
  resetSizeHint();
  return installSimulatedOffice(await loadSimWorkbook(buffer));
}

function uninstallSimulatedOffice(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
}

export interface AddinFigures {
  sheets: number;
  items: number;
  /** The ExcelApi version the simulated host claims, and whether the adapter reads special cells (1.9+). */
  excelApi: string;
  specialCells: boolean;
  /** Each command on the workbook as handed in (a fresh load each). */
  fresh: CommandFigures[];
  /** Each command on the workbook after a fill (one load, filled once, then validate, fill, summary). */
  filled: CommandFigures[];
}

export async function benchAddin(file: string): Promise<AddinFigures> {
  const buffer = fs.readFileSync(file);
  // Untimed warm-up, so that the first command measured does not pay for the JIT.
  await measureCommand(await freshHost(buffer), "validate");

  const fresh: CommandFigures[] = [];
  for (const c of COMMANDS) fresh.push(await measureCommand(await freshHost(buffer), c.kind, c.name));

  const host = await freshHost(buffer);
  const excelApi = host.requirements.excelApi;
  const specialCells = host.requirements.isSetSupported("ExcelApi", "1.9");
  await measureCommand(host, "fill");
  const filled: CommandFigures[] = [];
  for (const c of COMMANDS) filled.push(await measureCommand(host, c.kind, c.name));
  uninstallSimulatedOffice();

  const v = fresh[0].result;
  return { sheets: v.stats.sheetsRead, items: v.items.length, excelApi, specialCells, fresh, filled };
}

/** Pads by display width: CJK characters take two columns in a terminal. */
function pad(s: string, width: number, right = false): string {
  const w = [...s].reduce(
    (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1),
    0,
  );
  const fill = " ".repeat(Math.max(0, width - w));
  return right ? fill + s : s + fill;
}

const num = (n: number, w: number) => pad(String(n), w, true);
const kbCol = (n: number) => pad(kb(n), 8, true);

/** Why a command took more syncs than the goal, when the reason is Excel's payload limit. */
function splitNote(f: CommandFigures): string | null {
  const s = f.result.stats;
  if (f.failedSyncs)
    return `${f.failedSyncs} sync(s) refused by the simulator (over a limit), then read in smaller batches`;
  if (s.readSyncs > SYNC_GOAL.readSyncs)
    return `${s.readSyncs} read syncs: the sheet names, then the sheets in ${s.readSyncs - 1} batches split up front to stay under the ${LIMIT_MB} MB limit`;
  return null;
}

function table(title: string, figures: CommandFigures[]): string[] {
  const notes: string[] = [];
  const rows = figures.map((f) => {
    const s = f.result.stats;
    const note = splitNote(f);
    if (note && !notes.includes(note)) notes.push(note);
    const mark = note ? "*".repeat(notes.indexOf(note) + 1) : "";
    return (
      `  ${pad(f.label, 24)}${num(s.readSyncs, 4)}${num(s.writeSyncs, 6)}` +
      `  ${kbCol(s.requestBytes)} ${kbCol(f.sim.requestBytes)}` +
      `  ${kbCol(s.responseBytes)} ${kbCol(f.sim.responseBytes)}` +
      `  ${kbCol(f.largestSyncBytes)}` +
      `  ${num(s.cellsRead, 7)} ${num(s.cellsWritten, 7)}` +
      `  ${num(s.ms, 6)}` +
      `   ${pad((f.syncsWithinGoal ? "OK" : "MISSED") + mark, 10)}  ${f.underLimits ? "OK" : "MISSED"}`
    );
  });
  return [
    title,
    `  ${pad("command", 24)}${pad("syncs", 10, true)}  ${pad("request", 17, true)}  ${pad("response", 17, true)}` +
      `  ${pad("largest", 8, true)}  ${pad("cells", 15, true)}  ${pad("time", 6, true)}   goals`,
    `  ${pad("", 24)}${pad("read", 4, true)}${pad("write", 6, true)}  ${pad("est", 8, true)} ${pad("sim", 8, true)}` +
      `  ${pad("est", 8, true)} ${pad("sim", 8, true)}  ${pad("sync", 8, true)}  ${pad("read", 7, true)} ${pad("written", 7, true)}` +
      `  ${pad("ms", 6, true)}   ${pad(`syncs ≤ ${SYNC_GOAL.readSyncs}+${SYNC_GOAL.writeSyncs}`, 10)}  each < ${LIMIT_MB} MB`,
    ...rows,
    ...notes.map((n, i) => `  ${"*".repeat(i + 1)} ${n}`),
  ];
}

export function formatAddinTable(a: AddinFigures, file: string): string {
  // validate writes nothing: its response is the whole filled workbook, read in batches.
  const wholeRead = a.filled.find((f) => f.kind === "validate")?.sim.responseBytes ?? 0;
  return [
    `Add-in benchmark: the real adapter on the simulated Excel loaded from ${file} (${a.items} items, ${a.sheets} sheets)`,
    `  goals per command: ≤ ${SYNC_GOAL.readSyncs} read + ≤ ${SYNC_GOAL.writeSyncs} write syncs; every sync's request and response under ${LIMIT_MB} MB`,
    `  bytes: est = the adapter's own estimate, sim = as the simulator serialises them (an estimate of Excel's protocol, not a measurement of it)`,
    `  time: the adapter's own ms, one run, in the simulator under Node (not Excel's time)`,
    `  host: ExcelApi ${a.excelApi}: the adapter reads ${a.specialCells ? "values, and formulas and number formats of formula cells and numbers as special cells (1.9+)" : "values, formulas and number formats of every cell (below 1.9)"}`,
    "",
    ...table(`  On the workbook as handed in (each command on a fresh load of the file):`, a.fresh),
    "",
    ...table(
      `  The same commands on the workbook after a fill (our computed areas make it bigger: reading all of it returns ${kb(wholeRead)} sim):`,
      a.filled,
    ),
  ].join("\n");
}

// ---- 2. the task pane's JavaScript ----

/** What the browser build is made from, and a newest-mtime walk over it (shared with test/preview/build.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ADDIN_BUILD_INPUTS, inputsNotNewerThan } = require(path.join(ROOT, "scripts", "build-inputs.js")) as {
  ADDIN_BUILD_INPUTS: string[];
  inputsNotNewerThan: (inputs: string[], builtMs: number) => boolean;
};

/** The `<script src>` of a built page, office.js from Microsoft's CDN (any absolute URL) left out. */
function localScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), "utf8");
  // Quoted or not: the production build minifies the pages (`<script defer src=taskpane.1a2b3c4d.js>`).
  return [...html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//i.test(src));
}

/** Whether dist/ holds a production build (content-hashed bundles) newer than its sources. */
function productionBuildIsFresh(): boolean {
  const html = path.join(DIST, "taskpane.html");
  if (!fs.existsSync(html) || !fs.existsSync(path.join(DIST, "commands.html"))) return false;
  const scripts = [...localScripts("taskpane.html"), ...localScripts("commands.html")];
  if (!scripts.length || !scripts.every((s) => /\.[0-9a-f]{8}\.js$/.test(s))) return false;
  if (!scripts.every((s) => fs.existsSync(path.join(DIST, s)))) return false;
  const built = fs.statSync(html).mtimeMs;
  return inputsNotNewerThan(ADDIN_BUILD_INPUTS, built);
}

/** `webpack --mode production` into dist/ unless it is there and fresh; what was done, for the table. */
function ensureProductionBuild(): string {
  if (productionBuildIsFresh()) return "dist/ holds a production build newer than its sources (not rebuilt)";
  const t = performance.now();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`webpack --mode production failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  // webpack leaves an unchanged file alone; the page's time is when this build was made.
  const now = new Date();
  fs.utimesSync(path.join(DIST, "taskpane.html"), now, now);
  return `dist/ built now: webpack --mode production (${((performance.now() - t) / 1000).toFixed(0)} s)`;
}

export interface PageScripts {
  page: string;
  files: Array<{ src: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

function pageScripts(page: string): PageScripts {
  const files = localScripts(page).map((src) => {
    const data = fs.readFileSync(path.join(DIST, src.replace(/^\.?\//, "")));
    return { src, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
  return {
    page,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

export function formatScriptsTable(pages: PageScripts[], built: string): string {
  const k1 = (n: number) => pad(`${(n / 1024).toFixed(1)} KB`, 10, true);
  const lines = [
    `Add-in JavaScript: every script each page loads, production build, gzip level 9, without office.js (Microsoft's CDN)`,
    `  ${built}`,
    `  ${pad("page", 16)}${pad("script", 24)}${pad("raw", 10, true)}${pad("gzipped", 10, true)}`,
  ];
  for (const p of pages) {
    const goal =
      p.page === "taskpane.html"
        ? `   goal < ${JS_GOAL_BYTES / 1024} KB gzipped: ${p.gzipBytes < JS_GOAL_BYTES ? "OK" : "MISSED"}`
        : "";
    const files = p.files.length === 1 ? [] : p.files;
    const first = p.files.length === 1 ? p.files[0].src : `${p.files.length} scripts, total`;
    lines.push(`  ${pad(p.page, 16)}${pad(first, 24)}${k1(p.bytes)}${k1(p.gzipBytes)}${goal}`);
    for (const f of files) lines.push(`  ${pad("", 16)}${pad(f.src, 24)}${k1(f.bytes)}${k1(f.gzipBytes)}`);
  }
  return lines.join("\n");
}

async function benchAddinMain(): Promise<void> {
  // The file the CLI part has just measured; made here when this part runs alone (npm run bench:addin).
  const file = benchFile(ITEMS);
  if (!fs.existsSync(file)) await makeBenchWorkbook(ITEMS);
  const figures = await benchAddin(file);
  process.stdout.write("\n" + formatAddinTable(figures, path.relative(process.cwd(), file)) + "\n\n");
  const built = ensureProductionBuild();
  const pages = ["taskpane.html", "commands.html"].map(pageScripts);
  process.stdout.write(formatScriptsTable(pages, built) + "\n");
}

if (require.main === module) {
  benchAddinMain().catch((err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  });
}
