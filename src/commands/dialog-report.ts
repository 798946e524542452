/**
 * What a ribbon command tells the user, carried to the result dialog in its URL: the dialog is a
 * separate page and, on ExcelApi 1.7 hosts, cannot be messaged by its opener (messageChild is
 * DialogApi 1.2). Plain query parameters; the dialog shows them with textContent only.
 */
import type { Lang } from "../shared/i18n";
import type { Tone } from "../shared/result-text";

export interface DialogReport {
  lang: Lang;
  title: string;
  lines: string[];
  tone: Tone;
}

const TONES: readonly Tone[] = ["success", "warning", "error"];
/** Long reasons are cut so the URL stays far below the dialog's URL limits. */
const MAX_LINE = 400;

export function encodeReport(r: DialogReport): string {
  const q = new URLSearchParams();
  q.set("lang", r.lang);
  q.set("tone", r.tone);
  q.set("title", r.title.slice(0, MAX_LINE));
  for (const l of r.lines) q.append("line", l.slice(0, MAX_LINE));
  return q.toString();
}

/** Reads a dialog's query; anything unexpected falls back to safe defaults. */
export function decodeReport(search: string): DialogReport {
  const q = new URLSearchParams(search);
  const tone = q.get("tone") as Tone;
  return {
    lang: q.get("lang") === "en" ? "en" : "ja",
    tone: TONES.includes(tone) ? tone : "success",
    title: q.get("title") ?? "",
    lines: q.getAll("line"),
  };
}
