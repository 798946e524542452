// Reference copy (issue 17): src/core/values/parse.ts as it was with regex lookbehind.
import type { CellValue } from "../../../src/core/model/snapshot";
import { asExcelErrorLiteral, isCellError } from "../../../src/core/grid/cell";
import { MINUS_MARKS, NA_MARKS, nfkc } from "../../../src/core/values/normalize";
import { ContentCache, MemoTable } from "../../../src/core/values/memo";

/** What a cell means, once normalised. Each kind is a different situation for the checks. */
export type Parsed =
  | { kind: "blank" }
  | {
      kind: "number";
      value: number;
      /** "930(見込み)": a figure the department still expected to confirm. */
      estimate: boolean;
      /** "72.5%" or a %-formatted number: value is the fraction (0.725). */
      percent: boolean;
      /** "1,152人", "3,297百万円": the unit typed after the figure, kept as it is (never multiplied). */
      unit?: string;
      /** "約43": an approximate figure; the number counts, with a warning. */
      approximate?: true;
    }
  | { kind: "na"; text: string }
  | { kind: "text"; text: string }
  | { kind: "error"; code: string }
  | { kind: "bool"; value: boolean };

/** Suffixes that mark a figure as an estimate; kept here and extended from configuration. */
export const DEFAULT_ESTIMATE_MARKERS = ["見込み", "見込", "見込値", "推計", "予定", "暫定"];

export interface ParseOptions {
  estimateMarkers?: string[];
  /** The cell's number format, to tell 0.725 formatted as % from a plain 0.725. */
  numberFormat?: string | null;
}

const NUMBER_BODY = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/** Parse one cell. Never throws: anything unusual comes back as text for the checks to judge. */
export function parseCell(raw: CellValue | undefined, opts: ParseOptions = {}): Parsed {
  return cellParserFor(opts.estimateMarkers ?? DEFAULT_ESTIMATE_MARKERS).parse(
    raw,
    opts.numberFormat ?? null,
  );
}

/** Parse a cell's text. The result is shared between equal texts: read-only. */
export function parseText(s: string, estimateMarkers: string[] = DEFAULT_ESTIMATE_MARKERS): Parsed {
  return cellParserFor(estimateMarkers).text(s);
}

/**
 * Parsing with one list of estimate markers. The reader takes one per sheet and asks it of every
 * cell it reads, so that no table is looked up per cell.
 */
export class CellParser {
  private readonly texts: MemoTable<Parsed>;

  constructor(estimateMarkers: string[]) {
    const markers = compileMarkers(estimateMarkers);
    this.texts = new MemoTable((text) => parseTextOnce(text, markers));
  }

  /** The result is shared between equal texts: read-only. */
  text(s: string): Parsed {
    return this.texts.get(s);
  }

  parse(raw: CellValue | undefined, numberFormat: string | null): Parsed {
    if (raw === null || raw === undefined) return BLANK;
    if (typeof raw === "string") return this.texts.get(raw);
    if (typeof raw === "number") {
      if (!Number.isFinite(raw)) return { kind: "error", code: "#NUM!" };
      return {
        kind: "number",
        value: raw,
        estimate: false,
        percent: numberFormat !== null && isPercentFormat(numberFormat),
      };
    }
    if (typeof raw === "boolean") return { kind: "bool", value: raw };
    if (isCellError(raw)) return { kind: "error", code: raw.error };
    return this.texts.get(String(raw));
  }
}

const BLANK: Parsed = Object.freeze({ kind: "blank" });

/** A number format that shows a percentage: a % outside quoted text ("0.0%", not "0\"%\""). */
const percentFormats = new MemoTable((f) => /%/.test(f.replace(/"[^"]*"/g, "")));

function isPercentFormat(format: string): boolean {
  return format !== "" && percentFormats.get(format);
}

/** One parser per list of estimate markers (in practice: the configuration's one list). */
const parsers = new ContentCache<CellParser>();

export function cellParserFor(estimateMarkers: string[]): CellParser {
  return parsers.get(estimateMarkers.join("\u0000"), () => new CellParser(estimateMarkers));
}

function parseTextOnce(s: string, estimateMarkers: EstimateMarker[]): Parsed {
  const t = nfkc(s);
  if (t === "") return { kind: "blank" };
  if (NA_MARKS.test(t)) return { kind: "na", text: t };
  const err = t.startsWith("#") ? asExcelErrorLiteral(t) : null;
  if (err) return { kind: "error", code: err };

  // Every number has a digit; most cells that reach here are texts.
  if (!/\d/.test(t)) return { kind: "text", text: t };
  let body = t;
  let estimate = false;
  // "930(見込み)", "930 (見込)", "見込み930"
  for (const { mark, paren } of estimateMarkers) {
    if (paren.test(body)) {
      body = body.replace(paren, "").trim();
      estimate = true;
      break;
    }
    if (body.endsWith(mark) || body.startsWith(mark)) {
      const rest = body.startsWith(mark) ? body.slice(mark.length) : body.slice(0, body.length - mark.length);
      if (looksNumeric(rest.trim())) {
        body = rest.trim();
        estimate = true;
        break;
      }
    }
  }

  let approximate = false;
  const approx = APPROXIMATE.exec(body);
  if (approx) {
    body = body.slice(approx[0].length);
    approximate = true;
  }
  let unit: string | null = null;
  const u = UNIT_SUFFIX.exec(body);
  if (u && !NOT_A_UNIT.test(u[1])) {
    unit = u[1];
    body = body.slice(0, u.index).trim();
  }
  let sign = 1;
  if (MINUS_MARKS.test(body) && body.length > 1) {
    sign = -1;
    body = body.slice(1).trim();
  }
  let percent = false;
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  if (!NUMBER_BODY.test(body)) return { kind: "text", text: t };
  const n = Number(body.replace(/,/g, ""));
  if (!Number.isFinite(n)) return { kind: "text", text: t };
  const value = sign * (percent ? n / 100 : n);
  // Avoid -0 from "△0".
  const out: Extract<Parsed, { kind: "number" }> = {
    kind: "number",
    value: value === 0 ? 0 : roundFloat(value),
    estimate,
    percent,
  };
  if (unit !== null) out.unit = unit;
  if (approximate) out.approximate = true;
  return out;
}

/** "約43", "約 1,152人": an approximate figure. */
const APPROXIMATE = /^(?:約|およそ)\s*/;
/**
 * A unit after the figure: kanji or katakana ("人", "箇所", "百万円", "ヶ所"), か所, or a lowercase-led
 * Latin unit ("km", "kWh"; "12OO" is a typo, not 12 of "OO"). Words that qualify or describe the
 * figure ("以上", "未満", "区で実施") are not units: such a cell stays text.
 */
const UNIT_SUFFIX =
  /(?<=[\d.])\s*((?:[a-z][A-Za-z]{0,3})|(?:[\u30a0-\u30ff\u3400-\u9fff々ヵヶ]{1,4})|か所|カ所)$/u;
const NOT_A_UNIT =
  /以上|以下|未満|超|程度|前後|見込|予定|推計|暫定|増|減|目標|達成|実施|開催|完了|設置|整備|導入|検討/;

interface EstimateMarker {
  /** The marker, normalised ("見込み"). */
  mark: string;
  /** The marker in brackets anywhere in the text: "(見込み)", "( 見込 )". */
  paren: RegExp;
}

function compileMarkers(markers: string[]): EstimateMarker[] {
  return markers.map((m) => {
    const mark = nfkc(m);
    return { mark, paren: new RegExp(`\\(\\s*${escapeRe(mark)}\\s*\\)`) };
  });
}

function looksNumeric(s: string): boolean {
  return /^[△▲▼−–—+-]?[\d,.]+%?$/.test(s);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "72.5%" / 100 gives 0.7250000000000001; keep what the user wrote. */
function roundFloat(v: number): number {
  return Number.parseFloat(v.toPrecision(15));
}

export function isNumber(p: Parsed): p is Extract<Parsed, { kind: "number" }> {
  return p.kind === "number";
}

/** The cell as display text, for texts and labels (numbers as Excel would show them plainly). */
export function cellText(raw: CellValue | undefined): string {
  if (raw === null || raw === undefined) return "";
  if (isCellError(raw)) return raw.error;
  return nfkc(String(raw));
}
