/**
 * The sentences that tell a user what a command did, shared by the pane's status area and the
 * ribbon commands' dialog so both say the same thing.
 */
import { DEFAULT_CONFIG } from "../core";
import type { OperationResult, SyncStats } from "../excel/types";
import { t, type Lang } from "./i18n";

export type Tone = "success" | "warning" | "error";

export interface ResultText {
  /** What was done, or why nothing was. */
  headline: string;
  /** Further notes: why nothing was written, where the summary went. */
  notes: string[];
  counts: string;
  tone: Tone;
}

/**
 * Why the summary sheet has another name than the one asked for: a user's sheet already had the
 * configured name (the adapter never overwrites a sheet without our marker), or the settings
 * named it differently from the default.
 */
export function summarySheetNote(
  actual: string | null,
  configured: string | null | undefined,
  lang: Lang,
): string | null {
  if (!actual) return null;
  const wanted = configured || DEFAULT_CONFIG.summarySheetName;
  if (actual !== wanted) return t(lang, "summarySheet.taken", { configured: wanted, actual });
  if (actual !== DEFAULT_CONFIG.summarySheetName)
    return t(lang, "summarySheet.configured", { actual, default: DEFAULT_CONFIG.summarySheetName });
  return null;
}

export function resultText(r: OperationResult, lang: Lang): ResultText {
  let headline: string;
  if (r.kind === "validate") headline = t(lang, "done.validate");
  else if (r.kind === "fill") headline = t(lang, r.wrote ? "done.fill" : "done.fillNothing");
  else if (r.kind === "findings")
    headline =
      r.findingsSheet && r.wrote
        ? t(lang, "done.findings", { sheet: r.findingsSheet })
        : t(lang, "done.findingsNothing");
  else if (r.kind === "undo") headline = t(lang, r.wrote ? "done.undo" : "done.undoNothing");
  else
    headline =
      r.summarySheet && r.wrote
        ? t(lang, "done.summary", { sheet: r.summarySheet })
        : t(lang, "done.summaryNothing");
  const notes: string[] = [];
  if (r.blockedReason) notes.push(t(lang, "blocked", { reason: r.blockedReason }));
  if (r.kind === "summary") {
    // The name the settings asked for comes with the result: the operation read them already.
    const note = summarySheetNote(r.summarySheet, r.summarySheetWanted, lang);
    if (note) notes.push(note);
  }
  const tone: Tone = r.blockedReason ? "error" : r.counts.error > 0 ? "warning" : "success";
  return { headline, notes, counts: t(lang, "dialog.counts", r.counts), tone };
}

/** The footer line: round trips, payload and time of the last command. */
export function statsText(s: SyncStats, lang: Lang): string {
  const kb = (s.requestBytes + s.responseBytes) / 1024;
  return t(lang, "stats.line", {
    read: s.readSyncs,
    write: s.writeSyncs,
    kb: kb < 10 ? kb.toFixed(1) : String(Math.round(kb)),
    ms: Math.round(s.ms),
  });
}
