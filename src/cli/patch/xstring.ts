/**
 * Cell text as ST_Xstring (ECMA-376 Part 1, §22.9.2.19): Excel reads `_xHHHH_` in a cell's text as
 * the character U+HHHH, so text that itself holds such a sequence ("_x0041_") gets its first
 * underscore escaped as `_x005F_`, and Excel shows it as typed. MS-OI29500 2.1.1747: Excel allows
 * `_x005F_` only there. Hex digits of either case count (Excel and our reader decode both).
 */
import { escapeText } from "./xml";

const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text as written inside <t> or a string <v>: xstringCell's, then XML-escaped. */
export function xstringText(s: string): string {
  return escapeText(xstringCell(s));
}

/**
 * A cell's text as ST_Xstring, before XML escaping: literal escapes protected, and a carriage
 * return as `_x000D_`, as Excel writes it: a literal one is read back as a line feed (XML 1.0
 * §2.11 normalises line ends), and a "\r\n" in staff's text would lose its CR.
 */
export function xstringCell(s: string): string {
  const text = xstringLiteral(s);
  return text.indexOf("\r") < 0 ? text : text.replace(/\r/g, "_x000D_");
}

/** Literal escapes protected, nothing else: for attributes of type ST_Xstring (a table column's name). */
export function xstringLiteral(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(LOOKS_ESCAPED, "_x005F_$1");
}
