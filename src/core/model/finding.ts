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
  /**
   * Set on a finding staff marked 確認済み or 対応不要 on the findings sheet while its cell and value
   * stayed the same: it is listed as reviewed, not counted. Absent on every other finding.
   */
  review?: FindingReview;
}

export interface FindingReview {
  state: "confirmed" | "notNeeded";
  /** Staff's 備考, "" when none. */
  note: string;
}

export type SeverityCounts = Record<Severity, number>;

/** Most severe first: the order findings of one cell are listed in. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How many findings of each severity, in one pass. */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** A finding with its message in one language, as reports and the task pane show it. */
export interface RenderedFinding extends Finding {
  message: string;
}
