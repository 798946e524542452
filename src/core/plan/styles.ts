/** The look of what we write: Fluent colours, kept apart from the staff's own form colours. */
import type { Flag } from "../config/config";
import type { CellRange } from "../grid/cell";
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
