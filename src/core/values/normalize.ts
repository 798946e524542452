/**
 * Text normalisation for labels and values: NFKC first (full-width digits, letters, parentheses
 * become ASCII), then the few marks NFKC leaves alone that staff use for minus and "none".
 */
import { MemoTable } from "./memo";

/** NFKC plus trimmed, with inner whitespace runs (also ideographic spaces and line breaks) folded to one space. */
export function nfkc(s: string): string {
  return nfkcTable.get(s);
}

/** For label matching: NFKC, no whitespace at all, and the usual bracket variants unified. */
export function labelKey(s: string): string {
  return labelKeyTable.get(s);
}

const nfkcTable = new MemoTable((s) =>
  s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, " ")
    .trim(),
);

const labelKeyTable = new MemoTable((s) =>
  s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[〔［【「『<＜≪《]/g, "(")
    .replace(/[〕］】」』>＞≫》]/g, ")")
    .replace(/[・･]/g, "・"),
);

/** Characters that mean "minus" in Japanese public documents (△/▲ triangles, various dashes before digits). */
export const MINUS_MARKS = /^[△▲▼−–—-]/;

/** A cell that means "none / not applicable": one dash of any kind, alone. */
export const NA_MARKS = /^[-－―−‐‒–—ー─]$/;
