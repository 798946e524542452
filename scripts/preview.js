#!/usr/bin/env node
/**
 * npm run preview -- FILE.xlsx [--port 3100]
 * Serves a local page that runs the real task pane against the simulated Excel holding FILE, with
 * the sheets as grids beside it, the last command's syncs and payload, and the workbook to download.
 * Builds the pane and the page into .preview/ first when they are missing or older than the sources.
 */
const fs = require("node:fs");
const path = require("node:path");
const { buildPreview } = require("../test/preview/build");
const { startPreviewServer } = require("../test/preview/server");

const USAGE = "usage: npm run preview -- FILE.xlsx [--port N]   (port 0 picks a free one; default 3100)";

function parseArgs(argv) {
  const out = { file: null, port: 3100 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") return { help: true };
    if (a === "--port" || a.startsWith("--port=")) {
      const v = a.includes("=") ? a.slice("--port=".length) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: not a port number: ${v}`);
      out.port = n;
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}`);
    else if (out.file) throw new Error("one workbook at a time");
    else out.file = a;
  }
  if (!out.file) throw new Error("which workbook?");
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) return console.log(USAGE);
  const file = path.resolve(args.file);
  if (!/\.xlsx$/i.test(file)) console.warn(`${args.file}: not an .xlsx name; trying it anyway.`);
  let data;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    console.error(`${args.file}: cannot read (${e.code ?? e.message})`);
    process.exit(2);
  }
  const dirs = await buildPreview({ log: (line) => console.log(line) });
  const server = await startPreviewServer({
    ...dirs,
    port: args.port,
    workbook: { name: path.basename(file), data },
  });
  console.log(`Shinchoku preview of ${path.basename(file)}: ${server.url}`);
  console.log("The file on disk is never written; use the page's Download button. Ctrl+C stops.");
  process.on("SIGINT", () => server.close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e && e.code === "EADDRINUSE" ? `port in use: ${e.message} (try --port 0)` : e);
  process.exit(1);
});
