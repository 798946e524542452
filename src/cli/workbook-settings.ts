/**
 * The settings the add-in saved in a workbook (issue 17, item 7): a custom XML part in our
 * namespace (customXml/itemN.xml, with its itemPropsN.xml, referenced from the workbook part),
 * read from the package's bytes. `--config` overrides it; without --config a workbook's own
 * settings apply to that workbook, so the CLI computes what the add-in computes on the same file.
 */
import * as path from "node:path";
import {
  type ConfigProblem,
  type Lang,
  mergeConfig,
  settingsFromXml,
  type ShinchokuConfig,
  type StoredSettings,
} from "../core";
import { ConfigError } from "./config-file";
import { Package } from "./read/package";
import { PackageError } from "./read/errors";

const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

/** Our part's settings were refused by the schema: like a bad --config, nothing is run on them. */
export class WorkbookSettingsError extends ConfigError {
  constructor(
    readonly file: string,
    problems: ConfigProblem[],
  ) {
    super(problems);
  }
  override reason(lang: Lang): string {
    const where =
      lang === "ja"
        ? `${path.basename(this.file)} に保存された設定`
        : `the settings saved in ${path.basename(this.file)}`;
    return `${where}: ${super.reason(lang)}`;
  }
}

/** An XML part's text: UTF-8 or UTF-16 by its byte order mark, as Office may write either. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

/** The custom XML items the workbook part refers to (all of them when its relationships are unreadable). */
function customXmlItems(pkg: Package): string[] {
  const all = pkg
    .names()
    .filter((n) => /^customXml\/item\d+\.xml$/i.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const rels = pkg.read("xl/_rels/workbook.xml.rels");
  if (!rels) return all;
  const referenced = new Set<string>();
  for (const m of decodeXml(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (type !== CUSTOM_XML_REL || !target) continue;
    referenced.add(target.startsWith("/") ? target.slice(1) : path.posix.normalize(`xl/${target}`));
  }
  return all.filter((n) => referenced.has(n));
}

/**
 * The settings part of an .xlsx package, or null when it has none (or is not a zip this reader
 * handles: ExcelJS then says what is wrong with the file). A part whose overrides the schema
 * refuses throws WorkbookSettingsError.
 */
export function settingsFromPackage(bytes: Uint8Array, file = "workbook"): StoredSettings | null {
  // Only the relationships and the custom XML items are inflated, not the sheets.
  let pkg: Package;
  let items: string[];
  try {
    pkg = new Package(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    items = customXmlItems(pkg);
  } catch (err) {
    if (err instanceof PackageError) return null;
    throw err;
  }
  for (const name of items) {
    let data: Buffer | null;
    try {
      data = pkg.read(name);
    } catch (err) {
      if (err instanceof PackageError) continue;
      throw err;
    }
    if (!data) continue;
    const read = settingsFromXml(decodeXml(data));
    if (read.kind === "other") continue;
    if (read.kind === "invalid") throw new WorkbookSettingsError(file, read.errors);
    return read.settings;
  }
  return null;
}

/** Configurations that came from no --config: a workbook's own settings may take their place. */
const REPLACEABLE = new WeakSet<ShinchokuConfig>();

/** Marks the defaults loaded for want of --config (main.ts), which a workbook's part replaces. */
export function replaceableByWorkbook(config: ShinchokuConfig): ShinchokuConfig {
  REPLACEABLE.add(config);
  return config;
}

/** The configuration for one workbook: --config when given, else the workbook's part, else the defaults. */
export function configForWorkbook(config: ShinchokuConfig, bytes: Uint8Array, file: string): ShinchokuConfig {
  if (!REPLACEABLE.has(config)) return config;
  const saved = settingsFromPackage(bytes, file);
  return saved ? mergeConfig(saved.overrides) : config;
}
