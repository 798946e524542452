// Loads the built CLI (dist/node/shinchoku.js) as require() would, with V8's code cache made by the
// build (scripts/build-code-cache.js): the functions a run needs arrive compiled instead of being
// parsed and compiled on first call. A cache V8 does not accept (another Node, other flags, a bundle
// rebuilt without it) is ignored and the bundle compiles as usual.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const entry = path.join(__dirname, "..", "dist", "node", "shinchoku.js");
const cacheFile = `${entry}.cache`;

/**
 * { exports, script, cacheUsed }: the bundle's exports, its compiled script, whether V8 took the
 * cache. `cache`: the cache file to read, or null for none.
 */
function loadBundle({ cache = cacheFile } = {}) {
  const source = fs.readFileSync(entry, "utf8");
  let cachedData;
  if (cache)
    try {
      cachedData = fs.readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  const script = new vm.Script(Module.wrap(source), { filename: entry, cachedData });
  const mod = new Module(entry, module);
  mod.filename = entry;
  // The bundle's own require resolves from its place (ExcelJS, loaded only for a summary of several files).
  const require = Module.createRequire(entry);
  script.runInThisContext().call(mod.exports, mod.exports, require, mod, entry, path.dirname(entry));
  mod.loaded = true;
  return { exports: mod.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { entry, cacheFile, loadBundle };
