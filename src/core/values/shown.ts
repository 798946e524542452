/**
 * A cell as text, the one way: what a message, a report or the summary shows of what staff typed.
 * An error value shows as Excel shows it ("#N/A"), a number or a boolean as its plain text.
 */
import type { CellValue } from "../model/snapshot";
import type { SourceCell } from "../model/item";

/** A raw value as text, untrimmed: "" for an empty cell, the literal for an error value. */
export function shownValue(raw: CellValue | undefined): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "object") return raw.error;
  return String(raw);
}

/** What the cell shows, trimmed; null when there is no cell or it is blank. */
export function shownText(cell: SourceCell | null): string | null {
  if (!cell || cell.parsed.kind === "blank") return null;
  return shownValue(cell.raw).trim();
}
