/** A1 addresses. Rows and columns are 0-based inside the engine and 1-based on the sheet. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** "B3" → {row: 2, col: 1}; accepts "$B$3" and an optional "Sheet!" prefix. */
export function parseA1(a1: string): { row: number; col: number } {
  const bare = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(bare.trim());
  if (!m) throw new Error(`Not an A1 address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B3:D7" → range; a single cell gives a 1×1 range. */
export function parseRangeA1(a1: string): { top: number; left: number; bottom: number; right: number } {
  const bare = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const [p, q] = bare.split(":");
  const a = parseA1(p);
  const b = q ? parseA1(q) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * A sheet name as it must appear in a formula, a defined name or a hyperlink: always quoted, an
 * apostrophe doubled. Excel reads a bare H27, FY2016, R1C1 or TRUE as a cell or a value, not a sheet;
 * a quoted name is always valid, so no case is left to guess.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel refuses a string literal of more than 255 characters in a formula. */
export const FORMULA_LITERAL_MAX = 255;

/**
 * Text as a formula expression Excel accepts however long it is: one quoted literal ("" doubled),
 * or literals of at most 255 characters joined with & (a formula may hold 8,192 characters, a cell
 * 32,767). Cut between UTF-16 surrogates never.
 */
export function formulaText(text: string): string {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > FORMULA_LITERAL_MAX) {
    let cut = FORMULA_LITERAL_MAX;
    const c = rest.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join("&");
}
