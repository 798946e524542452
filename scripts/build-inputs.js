/**
 * What the add-in's browser build is made from, and the newest modification time under a list of
 * inputs: how test/preview/build.js and scripts/bench-addin.ts tell whether a build is older than its
 * sources. Paths are relative to the repository root.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/** Files and folders webpack.config.js builds the add-in from (a change in any of them rebuilds it). */
const ADDIN_BUILD_INPUTS = [
  "src",
  "assets",
  "webpack.config.js",
  "scripts/manifest-url.js",
  "tsconfig.json",
  "tsconfig.web.json",
  "manifest.xml",
  "package-lock.json",
  "scripts/es2017-loader.js",
];

/** Newest modification time under `rel` (a file or a folder, walked); 0 when it is missing. */
function newestMtime(rel) {
  const p = path.join(ROOT, rel);
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(rel, e)));
  return newest;
}

/** Whether nothing under `inputs` was modified after `builtMs`. */
function inputsNotNewerThan(inputs, builtMs) {
  return inputs.every((rel) => newestMtime(rel) <= builtMs);
}

module.exports = { ADDIN_BUILD_INPUTS, newestMtime, inputsNotNewerThan };
