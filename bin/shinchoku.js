#!/usr/bin/env node
// The package's command: runs the built CLI (one file, webpack.cli.config.js), or says how to build it.
const fs = require("fs");
const { entry, loadBundle } = require("./bundle");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    process.argv.includes("en")
      ? "shinchoku: the command line is not built yet. Run `npm run build:cli` first.\n"
      : "shinchoku: コマンドラインがまだビルドされていません。先に `npm run build:cli` を実行してください。\n",
  );
  process.exit(2);
}
loadBundle()
  .exports.main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // main answers every failure itself; this is the last guard: one line, the trace with --debug.
      const debug = process.argv.includes("--debug");
      process.stderr.write(
        `shinchoku: ${debug ? (err && err.stack) || String(err) : (err && err.message) || String(err)}\n`,
      );
      process.exitCode = 2;
    },
  );
