// Writes V8's code cache for the built CLI (dist/node/shinchoku.js.cache; bin/bundle.js reads it).
// The bundle is run once on the repository's samples, as validate and run: the cache then holds the
// functions those commands compile, not only the bundle's top level. Part of `npm run build:cli`.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { cacheFile, loadBundle } = require("../bin/bundle");

async function main() {
  fs.rmSync(cacheFile, { force: true });
  const { exports, script } = loadBundle({ cache: null });
  const root = path.join(__dirname, "..");
  const sample = path.join(root, "samples", "進捗管理シート_サンプル.xlsx");
  const pasted = path.join(root, "samples", "進捗管理シート_貼り付け.xlsx");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-cache-"));
  const out = path.join(dir, "filled.xlsx");
  const quiet = { out() {}, err() {}, errIsTTY: false };
  const opts = ["--as-of", "2019-06-30", "--no-progress"];
  try {
    for (const argv of [
      ["validate", sample, pasted, ...opts],
      ["run", sample, "-o", out, ...opts],
      ["validate", out, ...opts],
      ["run", out, "-o", path.join(dir, "again.xlsx"), ...opts],
    ]) {
      const code = await exports.main(argv, quiet);
      if (code > 1) throw new Error(`warm-up: shinchoku ${argv.join(" ")} exited with ${code}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.writeFileSync(cacheFile, script.createCachedData());
}

main().catch((err) => {
  process.stderr.write(`build-code-cache: ${err.stack || err}\n`);
  process.exitCode = 1;
});
