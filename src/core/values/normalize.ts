/**
 * Text normalisation for labels and values: NFKC first (full-width digits, letters, parentheses
 * become ASCII), then the few marks NFKC leaves alone that staff use for minus and "none".
 */

/** NFKC plus trimmed, with inner whitespace runs (also ideographic spaces and line breaks) folded to one space. */
export function nfkc(s: string): string {
  return memo(nfkcCache, s, () =>
    s
      .normalize("NFKC")
      .replace(/[\s\u3000]+/g, " ")
      .trim(),
  );
}

/** For label matching: NFKC, no whitespace at all, and the usual bracket variants unified. */
export function labelKey(s: string): string {
  return memo(labelKeyCache, s, () =>
    s
      .normalize("NFKC")
      .replace(/[\s\u3000]+/g, "")
      .replace(/[〔［【「『<＜≪《]/g, "(")
      .replace(/[〕］】」』>＞≫》]/g, ")")
      .replace(/[・･]/g, "・"),
  );
}

// The same labels and texts recur on every sheet of a workbook (240 sheets carry the same form), so
// normalising each distinct string once saves most of the reader's time and garbage. Long strings
// (evaluation texts) are rarely repeated and would only fill the cache.
const nfkcCache = new Map<string, string>();
const labelKeyCache = new Map<string, string>();
const CACHE_LIMIT = 20000;
const CACHEABLE_LENGTH = 200;

function memo(cache: Map<string, string>, s: string, compute: () => string): string {
  if (s.length > CACHEABLE_LENGTH) return compute();
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const out = compute();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(s, out);
  return out;
}

/** Characters that mean "minus" in Japanese public documents (△/▲ triangles, various dashes before digits). */
export const MINUS_MARKS = /^[△▲▼−–—-]/;

/** A cell that means "none / not applicable": one dash of any kind, alone. */
export const NA_MARKS = /^[-－―−‐‒–—ー─]$/;
