#!/usr/bin/env node
// Prints a sha256 per CLI output over the samples and fixtures, to prove a refactoring changes no
// byte: `node scripts/dev/outputs-digest.mjs > before.txt`, refactor, `npm run build:cli`, run again,
// `diff before.txt after.txt`. Runs the built CLI (bin/shinchoku.js); "today" is fixed by --as-of.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "bin", "shinchoku.js");
const asOf = process.argv[2] ?? "2025-06-30";
const xlsxIn = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(root, dir, f));
const inputs = [...xlsxIn("samples"), ...xlsxIn("test/fixtures")];

const sha = (data) => createHash("sha256").update(data).digest("hex");
const tmp = mkdtempSync(join(tmpdir(), "shinchoku-digest-"));

/** Runs the CLI; returns exit status and stdout with the temporary folder's path taken out. */
function cli(args) {
  let stdout;
  let status = 0;
  try {
    stdout = execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    if (typeof err.status !== "number") throw err;
    status = err.status;
    stdout = err.stdout;
  }
  // Paths out, so that two checkouts (before and after) print the same.
  return { status, stdout: stdout.split(tmp).join("<tmp>").split(root).join("<root>") };
}

try {
  for (const file of inputs) {
    const name = relative(root, file);
    const out = join(tmp, "out.xlsx");
    const run = cli(["run", file, "-o", out, "--as-of", asOf]);
    console.log(`${sha(run.stdout)}  run ${name} (stdout, exit ${run.status})`);
    console.log(`${sha(readFileSync(out))}  run ${name} (output workbook)`);
    rmSync(out, { force: true });
    const json = cli(["validate", file, "--json", "--as-of", asOf]);
    console.log(`${sha(json.stdout)}  validate --json ${name} (exit ${json.status})`);
    const en = cli(["validate", file, "--lang", "en", "--as-of", asOf]);
    console.log(`${sha(en.stdout)}  validate --lang en ${name} (exit ${en.status})`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
