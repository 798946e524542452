/** A1 addresses. Rows and columns are 0-based inside the engine and 1-based on the sheet. */

/** Letters of the first columns, computed once: addresses are built for every cell read. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col >= 0 && col < 1024) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
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

/** toA1 for the cells of a form's usual extent, each address string built once and shared. */
const A1_CACHE: Array<string[] | null> = [];
const CACHED_ROWS = 4096;
const CACHED_COLS = 256;

export function a1Of(row: number, col: number): string {
  if (row < 0 || col < 0 || row >= CACHED_ROWS || col >= CACHED_COLS) return toA1(row, col);
  // No holes: the outer list grows in order, each row is filled with "" up front (V8 may keep a
  // sparse array as a dictionary, slower to index).
  while (A1_CACHE.length <= row) A1_CACHE.push(null);
  const line = (A1_CACHE[row] ??= new Array<string>(CACHED_COLS).fill(""));
  return line[col] || (line[col] = toA1(row, col));
}

export function rangeToA1(r: { top: number; left: number; bottom: number; right: number }): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** "B3" → {row: 2, col: 1}; accepts "$B$3" and an optional "Sheet!" prefix. */
export function parseA1(a1: string): { row: number; col: number } {
  return plainA1(a1) ?? parseDecoratedA1(a1);
}

/**
 * A plain address ("B3": one to three capital letters, then digits) read by a loop, without the
 * regular expression's match arrays: findings are sorted by it on every run. Null for anything else.
 */
function plainA1(a1: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  for (; i < a1.length && i < 3; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  // Fifteen digits at most, so the running value stays an exact integer, as Number() would read it.
  if (i === 0 || i === a1.length || a1.length - i > 15) return null;
  let row = 0;
  for (; i < a1.length; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return { row: row - 1, col: col - 1 };
}

function parseDecoratedA1(a1: string): { row: number; col: number } {
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
