/** Where a finding is, as its message starts and reports show it: "Sheet!B3" (or the sheet alone). */
import type { Finding } from "../model/finding";

export function placeOf(f: Pick<Finding, "sheet" | "cell">): string {
  return f.sheet ? `${f.sheet}${f.cell ? "!" + f.cell : ""}` : "";
}
