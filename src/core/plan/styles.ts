/** The look of what we write: Fluent colours, kept apart from the staff's own form colours. */
import type { Flag } from "../config/config";
import type { CellRange } from "../model/snapshot";
import type { CellFormat, SheetEdit } from "./edit-plan";

export const STYLE = {
  title: { bold: true, fontSize: 14, fontColor: "#004578" } as CellFormat,
  areaTitle: { bold: true, fill: "#DEECF9", fontColor: "#004578", border: "thin", wrap: false } as CellFormat,
  header: {
    bold: true,
    fill: "#EFF6FC",
    fontColor: "#201F1E",
    border: "thin",
    wrap: true,
    hAlign: "center",
    vAlign: "middle",
  } as CellFormat,
  /** The computed area's column headers: one line, in columns sized to them (the form's rows are one line high). */
  areaHeader: {
    bold: true,
    fill: "#EFF6FC",
    fontColor: "#201F1E",
    border: "thin",
    wrap: false,
    hAlign: "center",
    vAlign: "middle",
  } as CellFormat,
  section: { bold: true, fontSize: 12, fontColor: "#004578" } as CellFormat,
  note: { italic: true, fontColor: "#605E5C" } as CellFormat,
  cell: { border: "thin" } as CellFormat,
  rate: { border: "thin", numberFormat: "0.0%" } as CellFormat,
  count: { border: "thin", numberFormat: "#,##0" } as CellFormat,
  flag: { border: "thin", hAlign: "center" } as CellFormat,
  link: { border: "thin", fontColor: "#0078D4" } as CellFormat,
};

/** Conditional colours for the flags (fill, font): green, amber, red, grey, and purple for 要確認. */
export const FLAG_FORMATS: Array<{ flag: Flag; format: CellFormat }> = [
  { flag: "達成", format: { fill: "#DFF6DD", fontColor: "#107C10" } },
  { flag: "概ね達成", format: { fill: "#FFF4CE", fontColor: "#8A6100" } },
  { flag: "未達成", format: { fill: "#FDE7E9", fontColor: "#A80000" } },
  { flag: "未入力", format: { fill: "#F3F2F1", fontColor: "#605E5C" } },
  { flag: "要確認", format: { fill: "#EFE0F7", fontColor: "#5C2E91" } },
];

/**
 * The flags in `range` coloured by conditional formats, one per flag; `only`, when given, says which
 * flags can show there (a flag no cell can take needs no rule: each rule is a cost in the add-in's write).
 */
export function colourFlags(e: SheetEdit, range: CellRange, only?: (flag: Flag) => boolean): void {
  for (const f of FLAG_FORMATS)
    if (!only || only(f.flag)) e.conditionalFormats.push({ range, equals: f.flag, format: f.format });
}

/** "H27" / "R1" / "2015": short fiscal-year labels for column headers. */
export function shortFiscalYear(fy: number): string {
  if (fy >= 2019) return `R${fy - 2018}`;
  if (fy >= 1989) return `H${fy - 1988}`;
  return String(fy);
}

/** The summary sheet's formats: one size for the body (10 pt), every one with its font named. */
export interface SummaryStyles {
  /** Our marker in A1: white on white, 6 pt, outside the print area. */
  marker: CellFormat;
  title: CellFormat;
  note: CellFormat;
  section: CellFormat;
  legend: CellFormat;
  header: CellFormat;
  /** Body text that wraps within its column (names, titles, departments). */
  text: CellFormat;
  /** Short body values, centred (grades, flags, 累計). */
  code: CellFormat;
  link: CellFormat;
  rate: CellFormat;
  count: CellFormat;
  share: CellFormat;
}

const summaryStylesByFont = new Map<string, SummaryStyles>();

/**
 * The summary's formats in `font`. The same objects for the same font, so that rows share their
 * format lists and each host encodes each format once.
 */
export function summaryStyles(font: string): SummaryStyles {
  let s = summaryStylesByFont.get(font);
  if (s) return s;
  const base = { fontName: font, fontSize: 10, vAlign: "top" as const };
  const body = { ...base, border: "thin" as const };
  s = {
    marker: { fontName: font, fontSize: 6, fontColor: "#FFFFFF" },
    title: { fontName: font, bold: true, fontSize: 16, fontColor: "#004578" },
    note: { fontName: font, fontSize: 10, fontColor: "#605E5C" },
    section: { fontName: font, bold: true, fontSize: 12, fontColor: "#004578", vAlign: "bottom" },
    legend: { fontName: font, fontSize: 10, fontColor: "#201F1E" },
    header: { ...STYLE.header, fontName: font, fontSize: 10 },
    text: { ...body, wrap: true },
    code: { ...body, hAlign: "center" },
    link: { ...body, wrap: true, fontColor: "#0078D4" },
    rate: { ...body, numberFormat: "0.0%" },
    count: { ...body, numberFormat: "#,##0" },
    share: { ...body, numberFormat: "0%" },
  };
  summaryStylesByFont.set(font, s);
  return s;
}

/** The display width of a text in Excel's column-width characters: a full-width character counts two. */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    // Latin and half-width katakana are narrow; everything else Japanese is full width.
    n += c <= 0xff || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return n;
}
