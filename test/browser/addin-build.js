/**
 * The add-in's production build as shipped (webpack.config.js, --mode production), once per set of
 * environment variables, into .preview/addin-<name> (git-ignored), reused while no input is newer:
 * the ES2017 bundle check and the closed-network browser test parse and serve what users get. Type
 * checking is left to `tsc --noEmit`, as in test/preview/build.js. Built beside the output and
 * swapped in whole, so a second worker never sees a half-written folder.
 */
const fs = require("node:fs");
const path = require("node:path");
const { ADDIN_BUILD_INPUTS, inputsNotNewerThan } = require("../../scripts/build-inputs");
const { runWebpack, ROOT } = require("../preview/build");

const INPUTS = [...ADDIN_BUILD_INPUTS, "scripts/es2017-loader.js", "test/browser/addin-build.js"];

/** Builds (or reuses) the production add-in with `env` set; returns its folder. */
async function buildAddin(name, env = {}) {
  const dir = path.join(ROOT, ".preview", `addin-${name}`);
  const stamp = path.join(dir, ".built");
  try {
    if (inputsNotNewerThan(INPUTS, fs.statSync(stamp).mtimeMs)) return dir;
  } catch {
    // not built yet
  }
  const started = Date.now();
  const tmp = `${dir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const saved = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    delete require.cache[require.resolve(path.join(ROOT, "webpack.config.js"))];
    const config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
    config.context = ROOT;
    config.output = { ...config.output, path: tmp, clean: true };
    for (const rule of config.module.rules)
      if (rule.loader === "ts-loader") rule.options = { ...rule.options, transpileOnly: true };
    config.infrastructureLogging = { level: "error" };
    config.stats = "errors-only";
    config.performance = { hints: false };
    await runWebpack(config);
    fs.writeFileSync(path.join(tmp, ".built"), new Date(started).toISOString());
    fs.utimesSync(path.join(tmp, ".built"), new Date(started), new Date(started));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

module.exports = { buildAddin };
