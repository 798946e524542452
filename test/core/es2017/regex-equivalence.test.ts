/**
 * Issue 17, item 4: the engine is bundled into the pane, which ES2017 hosts (the EdgeHTML webview of
 * Office on Windows without WebView2) must parse, so src/ uses no regex syntax newer than ES2017:
 * no lookbehind, named groups, \p{…} or the s flag, in literals or in strings given to RegExp. The
 * parsers that had lookbehind are compared with their old versions (kept beside this test) on
 * generated headers and cells: same answers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { isYearSpan, parseFiscalYear } from "../../../src/core/values/fiscal-year";
import { parseText } from "../../../src/core/values/parse";
import { SHEET_NAME_PATTERNS } from "../../../src/core/config/schema";
import * as oldYear from "./fiscal-year-lookbehind";
import * as oldParse from "./parse-lookbehind";

const SRC = path.resolve(__dirname, "../../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Pieces headers and cells are made of, so generated strings hit the patterns' edges. */
const PIECES = [
  "H",
  "R",
  "S",
  "FY",
  "fy",
  "A",
  "x",
  "k",
  "m",
  "km",
  ".",
  ",",
  " ",
  "~",
  "〜",
  "-",
  "ー",
  "(",
  ")",
  "令和",
  "平成",
  "昭和",
  "元",
  "年",
  "年度",
  "度",
  "以降",
  "1",
  "2",
  "9",
  "12",
  "27",
  "28",
  "2016",
  "2020",
  "△",
  "約",
  "人",
  "箇所",
  "ヶ所",
  "か所",
  "%",
  "以上",
  "見込",
  "'",
  "a'",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((a) => a.join(""));
const RUNS = { numRuns: 4000, seed: 17 };

describe("no post-ES2017 regex syntax in src/", () => {
  test.each(sourceFiles(SRC).map((f) => path.relative(SRC, f)))("%s", (rel) => {
    const source = fs.readFileSync(path.join(SRC, rel), "utf8");
    expect(source).not.toMatch(/\(\?<[=!]/); // lookbehind
    expect(source).not.toMatch(/\(\?<[A-Za-z]/); // named group
    expect(source).not.toMatch(/\\\\?[pP]\{/); // Unicode property escape (literal or string)
    expect(source).not.toMatch(/\/[gimuy]*s[gimuy]*\.(?:test|exec)\(/); // dotAll flag
  });
});

describe("the parsers without lookbehind answer as they did with it", () => {
  test("parseFiscalYear, with and without a context era", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(null, "heisei", "reiwa", "western"), (t, era) => {
        const e = era as oldYear.Era | null;
        expect(parseFiscalYear(t, e)).toEqual(oldYear.parseFiscalYear(t, e));
      }),
      RUNS,
    );
  });

  test("isYearSpan", () => {
    fc.assert(
      fc.property(text, (t) => expect(isYearSpan(t)).toBe(oldYear.isYearSpan(t))),
      RUNS,
    );
  });

  test("parseText (a figure and its unit)", () => {
    fc.assert(
      fc.property(text, (t) => expect(parseText(t)).toEqual(oldParse.parseText(t))),
      RUNS,
    );
  });

  test("the sheet-name apostrophe rule", () => {
    const old = /^(?!')[\s\S]*(?<!')$/;
    fc.assert(
      fc.property(text, (t) => expect(SHEET_NAME_PATTERNS["sheet.apostrophe"].test(t)).toBe(old.test(t))),
      RUNS,
    );
  });

  test("known cases", () => {
    expect(parseFiscalYear("H27")?.fiscalYear).toBe(2015);
    expect(parseFiscalYear("AR2")).toBeNull();
    expect(parseFiscalYear("FY2019")?.fiscalYear).toBe(2019);
    expect(parseFiscalYear("XFY2019")).toBeNull();
    expect(parseFiscalYear("29年度", "heisei")?.fiscalYear).toBe(2017);
    expect(isYearSpan("累計 (H28~R2年度)")).toBe(true);
    expect(isYearSpan("4~9月")).toBe(false);
    expect(parseText("1,152人")).toMatchObject({ kind: "number", value: 1152, unit: "人" });
    expect(SHEET_NAME_PATTERNS["sheet.apostrophe"].test("")).toBe(true);
    expect(SHEET_NAME_PATTERNS["sheet.apostrophe"].test("a'")).toBe(false);
    expect(SHEET_NAME_PATTERNS["sheet.apostrophe"].test("a'b")).toBe(true);
  });
});
