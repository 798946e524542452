#!/usr/bin/env node
/**
 * Validates the development manifest and the production one against Microsoft's XSDs, offline
 * (office-addin-manifest's validator calls an online service). The production manifest is built
 * here with a sample URL the same way webpack builds it; dist/manifest.xml is checked too when a
 * build has written it. Schemas: $MANIFEST_XSD_DIR, else the copy in test/manifest/xsd (Microsoft's
 * schemas with the two edits libxml2 needs; see its README), so a fresh clone needs nothing beside it.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { DEV_ORIGIN, productionManifest } = require("./manifest-url");

const root = path.join(__dirname, "..");
const SAMPLE_URL = "https://addins.city.example.lg.jp/shinchoku/";

function xsdPath() {
  const dir = process.env.MANIFEST_XSD_DIR
    ? path.resolve(process.env.MANIFEST_XSD_DIR)
    : path.join(root, "test", "manifest", "xsd");
  const xsd = path.join(dir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(xsd)) throw new Error(`Manifest schema not found: ${xsd} (set MANIFEST_XSD_DIR)`);
  return xsd;
}

/** Returns null when valid, else xmllint's complaint. */
function validate(file, xsd = xsdPath()) {
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { stdio: "pipe" });
    return null;
  } catch (e) {
    if (e.code === "ENOENT") throw new Error("xmllint not found (Debian: apt-get install libxml2-utils)");
    return `${e.stderr || e.message}`.trim();
  }
}

/** Writes the production manifest for a URL into a fresh temp dir and returns its path. */
function writeProductionManifest(url = SAMPLE_URL) {
  const xml = productionManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), url);
  if (xml.includes(DEV_ORIGIN)) throw new Error("production manifest still points at localhost");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return file;
}

function main() {
  const xsd = xsdPath();
  const targets = [
    ["development", path.join(root, "manifest.xml")],
    [`production (${SAMPLE_URL})`, writeProductionManifest()],
  ];
  const built = path.join(root, "dist", "manifest.xml");
  if (fs.existsSync(built)) targets.push(["built dist/manifest.xml", built]);
  let failed = false;
  try {
    for (const [name, file] of targets) {
      const err = validate(file, xsd);
      console.log(`${err ? "✗" : "✓"} ${name} manifest${err ? `\n${err}` : " validates"}`);
      failed ||= Boolean(err);
    }
  } finally {
    fs.rmSync(path.dirname(targets[1][1]), { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

if (require.main === module) main();

module.exports = { validate, writeProductionManifest, xsdPath, SAMPLE_URL };
