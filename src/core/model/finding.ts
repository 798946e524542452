/** A problem found on a sheet, with where it is; its words come from the rule that owns the code. */
export type Severity = "error" | "warning" | "info";
export type Lang = "ja" | "en";

export interface Finding {
  code: string;
  severity: Severity;
  /** The item's No. as a string, when the finding belongs to an item. */
  itemNo: string | null;
  sheet: string | null;
  /** A1 address (top-left of a merged area). */
  cell: string | null;
  /** Values the message is built from: the cell text, the year, what was expected. */
  params: Record<string, string | number | null>;
}

/** A finding with its message in one language, as reports and the task pane show it. */
export interface RenderedFinding extends Finding {
  message: string;
}
