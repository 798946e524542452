#!/usr/bin/env node
// The package's command: runs the compiled CLI, or says how to build it.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "dist", "node", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("shinchoku: the command line is not built yet. Run `npm run build:cli` first.\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`shinchoku: ${(err && err.stack) || String(err)}\n`);
      process.exitCode = 2;
    },
  );
