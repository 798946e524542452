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
    (code) => code,
    (err) => {
      // main answers every failure itself; this is the last guard: one line, the trace with --debug.
      const debug = process.argv.includes("--debug");
      process.stderr.write(
        `shinchoku: ${debug ? (err && err.stack) || String(err) : (err && err.message) || String(err)}\n`,
      );
      return 2;
    },
  )
  .then(exitWhenWritten);

/**
 * Ends the process once what it printed is handed to the system. main has awaited every file it
 * writes; an exit left to the event loop would also wait for V8's background compilations of the
 * last functions, which nothing will run (docs/performance.md).
 */
function exitWhenWritten(code) {
  process.exitCode = code;
  const written = (stream) => new Promise((resolve) => stream.write("", () => resolve()));
  Promise.all([written(process.stdout), written(process.stderr)]).then(() => process.exit(code));
}
