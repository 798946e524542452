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
  // Not memoised: the text classifier asks LabelMatcher once per distinct text and keeps the match.
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[〔［【「『<＜≪《]/g, "(")
    .replace(/[〕］】」』>＞≫》]/g, ")")
    .replace(/[・･]/g, "・");
}

const nfkcTable = new MemoTable((s) =>
  s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, " ")
    .trim(),
);

/** Characters that mean "minus" in Japanese public documents (△/▲ triangles, various dashes before digits). */
export const MINUS_MARKS = /^[△▲▼−–—-]/;

/** A cell that means "none / not applicable": one dash of any kind, alone. */
export const NA_MARKS = /^[-－―−‐‒–—ー─]$/;

/**
 * Nothing but whitespace (or nothing). Checked without trimming: trim copies a string that has
 * spaces around it, and every cell of every sheet passes through here.
 */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** The characters String.prototype.trim removes (WhiteSpace and LineTerminator, as \s matches). */
function isSpaceCode(ch: number): boolean {
  if (ch <= 0x20) return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
  if (ch < 0xa0) return false;
  return (
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff
  );
}

/** A grade code as compared: NFKC and case-folded, on both sides ("Ｂ", "b" and "B" are one grade). */
export function gradeKey(s: string): string {
  return nfkc(s).trim().toLowerCase();
}
