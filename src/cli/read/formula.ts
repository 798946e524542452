/**
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40, `<f t="shared" si="0">`): only the first cell of the
 * group holds the text; the others hold it moved by their offset from that cell, relative references
 * shifted and absolute ones ($A$1) kept. Strings, quoted sheet names and structured references are
 * left as they are; a name followed by "(" is a function; a reference shifted off the sheet is #REF!.
 */
import { columnIndex, columnLetters } from "../../core";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const CELL_REF = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/y;
const NAME_CHAR = /[A-Za-z0-9_.\\]/;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string, or a quoted sheet name: to its closing quote (doubled quotes stay inside).
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference or an external workbook index: [..] kept whole (nested once).
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (NAME_CHAR.test(ch) || ch === "$") {
      const prev = i > 0 ? formula[i - 1] : "";
      CELL_REF.lastIndex = i;
      const m = !NAME_CHAR.test(prev) ? CELL_REF.exec(formula) : null;
      const after = m ? (formula[i + m[0].length] ?? "") : "";
      if (m && !NAME_CHAR.test(after) && after !== "(" && after !== "!") {
        const col = columnIndex(m[2].toUpperCase());
        const row = Number(m[4]) - 1;
        if (col < MAX_COL && row >= 0 && row < MAX_ROW) {
          const c = m[1] ? col : col + dCol;
          const r = m[3] ? row : row + dRow;
          out +=
            c < 0 || c >= MAX_COL || r < 0 || r >= MAX_ROW
              ? "#REF!"
              : `${m[1]}${columnLetters(c)}${m[3]}${r + 1}`;
          i += m[0].length;
          continue;
        }
      }
      // A name, a function or a number: copied up to its end.
      let j = i + 1;
      while (j < n && (NAME_CHAR.test(formula[j]) || formula[j] === "$")) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
