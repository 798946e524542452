/**
 * Builds what the preview serves, once, into .preview/ (git- and lint-ignored):
 * - .preview/pane: the real task pane, from the project's own webpack.config.js (development mode,
 *   only the taskpane page, type checking left to `tsc --noEmit`, which npm test runs anyway);
 * - .preview/page: the preview page with the simulated Excel (test/preview/webpack.preview.js, on
 *   the same development config), ExcelJS left to the global from exceljs.min.js.
 * Each build is skipped when its output is newer than every file it is made from, so the CLI and
 * the browser tests reuse one another's output. Used by scripts/preview.js and test/browser; the
 * pane test (test/taskpane/pane.browser.test.ts) builds its harness with pagesConfig.
 */
const fs = require("node:fs");
const path = require("node:path");
const { ADDIN_BUILD_INPUTS, inputsNotNewerThan } = require("../../scripts/build-inputs");

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, ".preview");
const PANE_DIR = path.join(OUT, "pane");
const PAGE_DIR = path.join(OUT, "page");

/** Files and folders each bundle is made from (a change in any of them rebuilds it). */
const PANE_INPUTS = ADDIN_BUILD_INPUTS;
// The page bundles the simulated Excel, src/core, and parts of src/excel and src/shared: all of src.
const PAGE_INPUTS = ["test/preview", "test/sim-excel", "src", "tsconfig.json", "package-lock.json"];

function isFresh(stamp, inputs) {
  let built;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  return inputsNotNewerThan(inputs, built);
}

function runWebpack(config) {
  const webpack = require("webpack");
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) {
        const info = stats.toJson({ all: false, errors: true });
        return reject(new Error(info.errors.map((e) => e.message).join("\n\n")));
      }
      resolve(stats);
    });
  });
}

/**
 * The project's webpack.config.js in development mode, into `outDir` (cleaned), type checking left to
 * `tsc --noEmit`, quiet but for errors. What every build here and the pane test start from.
 */
async function devConfig(outDir) {
  const make = require(path.join(ROOT, "webpack.config.js"));
  const config = await make({}, { mode: "development" });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir, clean: true };
  for (const rule of config.module.rules)
    if (rule.loader === "ts-loader") rule.options = { ...rule.options, transpileOnly: true };
  config.infrastructureLogging = { level: "error" };
  config.stats = "errors-only";
  return config;
}

/**
 * devConfig cut down to some of the add-in's pages: `entries` maps a page of webpack.config.js
 * (taskpane, commands, dialog) to the entry to build it from, null for the project's own.
 */
async function pagesConfig(outDir, entries) {
  const config = await devConfig(outDir);
  const entry = {};
  for (const [name, own] of Object.entries(entries)) {
    if (!config.entry[name]) throw new Error(`webpack.config.js has no \`${name}\` entry.`);
    entry[name] = own ?? config.entry[name];
  }
  config.entry = entry;
  const pages = Object.keys(entry).map((name) => `${name}.html`);
  config.plugins = config.plugins.filter(
    (p) => p.constructor.name !== "HtmlWebpackPlugin" || pages.includes(p.userOptions?.filename),
  );
  return config;
}

/**
 * Builds whatever is stale. `log` receives one line per bundle built or reused.
 * Returns the two output folders.
 */
async function buildPreview({ force = false, log = () => undefined } = {}) {
  fs.mkdirSync(OUT, { recursive: true });
  const jobs = [
    {
      name: "task pane",
      dir: PANE_DIR,
      inputs: PANE_INPUTS,
      config: (outDir) => pagesConfig(outDir, { taskpane: null }),
    },
    {
      name: "preview page",
      dir: PAGE_DIR,
      inputs: PAGE_INPUTS,
      config: async (outDir) => require("./webpack.preview.js")(await devConfig(outDir)),
    },
  ];
  for (const job of jobs) {
    const stamp = path.join(job.dir, ".built");
    if (!force && isFresh(stamp, job.inputs)) {
      log(`${job.name}: up to date (${path.relative(ROOT, job.dir)})`);
      continue;
    }
    const started = Date.now();
    // Built beside the output and swapped in whole, so a server running from it (or a second
    // build) never sees a half-written folder.
    const tmp = `${job.dir}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      await runWebpack(await job.config(tmp));
      // Stamped with the time the build started: a file saved during the build makes it stale.
      const tmpStamp = path.join(tmp, ".built");
      fs.writeFileSync(tmpStamp, new Date(started).toISOString());
      fs.utimesSync(tmpStamp, new Date(started), new Date(started));
      fs.rmSync(job.dir, { recursive: true, force: true });
      fs.renameSync(tmp, job.dir);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    log(
      `${job.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s (${path.relative(ROOT, job.dir)})`,
    );
  }
  return { paneDir: PANE_DIR, pageDir: PAGE_DIR };
}

module.exports = { buildPreview, pagesConfig, runWebpack, PANE_DIR, PAGE_DIR, ROOT };
