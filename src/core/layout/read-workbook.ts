import type { WorkbookSnapshot, CellRange } from "../grid/cell";
import type { ShinchokuConfig } from "../config/config";
import type { Block, Item } from "../model/item";
import type { Finding } from "../model/finding";

/** What the reader found in a workbook: blocks, items joined by No., and problems of layout. */
export interface ReadResult {
  blocks: Block[];
  items: Item[];
  /** Findings raised while reading (unreadable year headers, missing No., sheets that disagree …). */
  diagnostics: Finding[];
  /** Computed areas we wrote on an earlier run; the reader skipped them and the fill plan reuses them. */
  ownedAreas: Array<{ sheet: string; range: CellRange }>;
  /** Sheets recognised as our summary (by the marker in A1). */
  summarySheets: string[];
  /** Sheets with no form block (cover sheets, lists): not an error, reported as info. */
  otherSheets: string[];
}

export function readWorkbook(_wb: WorkbookSnapshot, _config: ShinchokuConfig): ReadResult {
  // Filled in by the layout reader (in progress).
  return { blocks: [], items: [], diagnostics: [], ownedAreas: [], summarySheets: [], otherSheets: [] };
}
