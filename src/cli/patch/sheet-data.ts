/**
 * A worksheet's <sheetData>: rows kept as their source text until a plan writes into them; in such
 * a row, only the cells written or cleared change, the others (and the row's attributes) stay as they
 * were. New cells and rows go in column and row order, as ECMA-376 requires (§18.3.1.73, §18.3.1.4).
 */
import { type CellRange, columnIndex, columnLetters, type PlanValue } from "../../core";
import { attr, escapeText, setAttr, tagEnd } from "./xml";
import { xstringText } from "./xstring";

interface Cell {
  col: number;
  text: string;
}

interface Row {
  num: number;
  /** The row's source text (with what precedes it) while untouched; null once parsed. */
  text: string | null;
  open: string;
  cells: Cell[] | null;
  /** Content after the cells (a row's extLst). */
  tail: string;
}

export class PatchRefusal extends Error {}

export class SheetData {
  /**
   * Ranges of array formulas and data tables (t="array"/"dataTable" with a ref): writing into one
   * or clearing part of one would break the formula, so it is refused.
   */
  private readonly arrays: CellRange[] = [];
  private readonly rows: Row[] = [];
  private readonly byNum = new Map<number, Row>();
  private trailing = "";
  minRow = Infinity;
  maxRow = -Infinity;
  minCol = Infinity;
  maxCol = -Infinity;

  /** `inner`: the text between <sheetData> and </sheetData> (empty for a new sheet). */
  constructor(inner: string) {
    let pos = 0;
    let prev = 0;
    for (;;) {
      const i = inner.indexOf("<row", pos);
      if (i < 0) break;
      const c = inner.charCodeAt(i + 4);
      if (c !== 32 && c !== 62 && c !== 47 && c !== 9 && c !== 10 && c !== 13) {
        pos = i + 4;
        continue;
      }
      const e = tagEnd(inner, i);
      const open = inner.slice(i, e);
      let end = e;
      if (inner.charCodeAt(e - 2) !== 47) {
        const close = inner.indexOf("</row>", e);
        if (close < 0) throw new PatchRefusal("a row of the sheet is not closed");
        end = close + 6;
      }
      const r = attr(open, "r");
      const num = r ? Number(r) - 1 : prev;
      if (!Number.isInteger(num) || num < 0) throw new PatchRefusal("a row has no valid number");
      const row: Row = { num, text: inner.slice(pos, end), open, cells: null, tail: "" };
      if (!r) {
        // Without its number the row's place follows from the rows before: spelled out, so that
        // rows we insert cannot move it.
        this.parse(row);
        row.open = setAttr(row.open, "r", String(num + 1));
      }
      this.rows.push(row);
      this.byNum.set(num, row);
      prev = num + 1;
      pos = end;
    }
    this.trailing = inner.slice(pos);
    if (inner.includes('t="array"') || inner.includes('t="dataTable"'))
      for (const m of inner.matchAll(/<f\b[^>]*>/g)) {
        const t = attr(m[0], "t");
        const ref = attr(m[0], "ref");
        const r = ref && (t === "array" || t === "dataTable") ? parseRef(ref) : null;
        if (r && (r.top !== r.bottom || r.left !== r.right)) this.arrays.push(r);
      }
  }

  private guardArrays(r: CellRange, whole: boolean): void {
    for (const a of this.arrays) {
      const meets = a.top <= r.bottom && r.top <= a.bottom && a.left <= r.right && r.left <= a.right;
      const inside = a.top >= r.top && a.bottom <= r.bottom && a.left >= r.left && a.right <= r.right;
      if (meets && !(whole && inside))
        throw new PatchRefusal(
          `an array formula or data table (${columnLetters(a.left)}${a.top + 1}:${columnLetters(a.right)}${a.bottom + 1}) lies in the cells to be written`,
        );
    }
  }

  private parse(row: Row): Cell[] {
    if (row.cells) return row.cells;
    const text = row.text as string;
    const start = text.indexOf("<row");
    const e = tagEnd(text, start);
    const cells: Cell[] = [];
    row.tail = "";
    if (text.charCodeAt(e - 2) !== 47) {
      const close = text.lastIndexOf("</row>");
      let col = 0;
      // Cells one after the other (<c .../> or <c ...>...</c>: a cell holds no <c>); anything
      // after them (a row's extLst) is kept as the row's tail.
      let i = text.indexOf("<", e);
      while (i >= 0 && i < close) {
        const c = text.charCodeAt(i + 2);
        if (
          text.charCodeAt(i + 1) !== 99 ||
          (c !== 32 && c !== 47 && c !== 62 && c !== 9 && c !== 10 && c !== 13)
        ) {
          row.tail = text.slice(i, close);
          break;
        }
        const te = tagEnd(text, i);
        let end = te;
        if (text.charCodeAt(te - 2) !== 47) {
          const cl = text.indexOf("</c>", te);
          if (cl < 0 || cl > close) throw new PatchRefusal("a cell of the sheet is not closed");
          end = cl + 4;
        }
        const t = text.slice(i, end);
        const ref = cellRef(t);
        if (ref) col = refColumn(ref);
        cells.push({ col, text: ref ? t : setAttr(t, "r", columnLetters(col) + (row.num + 1)) });
        col++;
        i = text.indexOf("<", end);
      }
    }
    // What preceded the row (whitespace) is kept with it.
    row.open = text.slice(0, start) + text.slice(start, e).replace(/\/>$/, ">");
    row.cells = cells;
    row.text = null;
    return cells;
  }

  private rowFor(num: number, create: boolean): Row | undefined {
    let row = this.byNum.get(num);
    if (row || !create) return row;
    row = { num, text: null, open: `<row r="${num + 1}">`, cells: [], tail: "" };
    let i = this.rows.length;
    while (i > 0 && this.rows[i - 1].num > num) i--;
    this.rows.splice(i, 0, row);
    this.byNum.set(num, row);
    return row;
  }

  /** The style index of a cell, if the cell is there and has one. */
  styleAt(rowNum: number, col: number): number | undefined {
    const row = this.byNum.get(rowNum);
    if (!row) return undefined;
    const c = this.parse(row).find((x) => x.col === col);
    const s = c ? attr(c.text, "s") : undefined;
    return s === undefined ? undefined : Number(s);
  }

  /** Removes the cells of the range (values and formats). */
  clear(r: CellRange): void {
    if (this.arrays.length) this.guardArrays(r, true);
    for (const row of this.rows) {
      if (row.num < r.top || row.num > r.bottom) continue;
      const cells = this.parse(row);
      const kept = cells.filter((c) => {
        if (c.col < r.left || c.col > r.right) return true;
        guardFormula(c.text, r);
        return false;
      });
      if (kept.length !== cells.length) row.cells = kept;
    }
  }

  /** Sets a cell's XML (null removes the cell). */
  put(rowNum: number, col: number, xml: string | null): void {
    if (this.arrays.length) this.guardArrays({ top: rowNum, bottom: rowNum, left: col, right: col }, false);
    const row = this.rowFor(rowNum, xml !== null);
    if (!row) return;
    const cells = this.parse(row);
    let i = cells.length;
    while (i > 0 && cells[i - 1].col > col) i--;
    const same = i > 0 && cells[i - 1].col === col;
    if (same) guardFormula(cells[i - 1].text, { top: rowNum, bottom: rowNum, left: col, right: col });
    if (xml === null) {
      if (same) cells.splice(i - 1, 1);
      return;
    }
    if (same) cells[i - 1].text = xml;
    else cells.splice(i, 0, { col, text: xml });
    if (rowNum < this.minRow) this.minRow = rowNum;
    if (rowNum > this.maxRow) this.maxRow = rowNum;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
  }

  /** A row's height in points, set by hand (customHeight). */
  setHeight(rowNum: number, height: number): void {
    const row = this.rowFor(rowNum, true) as Row;
    this.parse(row);
    row.open = setAttr(setAttr(row.open, "ht", String(height)), "customHeight", "1");
  }

  toXml(): string {
    // Pieces joined once (a flat string), not concatenated one by one into a rope.
    const out: string[] = [];
    for (const row of this.rows) {
      if (row.text !== null) {
        out.push(row.text);
        continue;
      }
      const cells = row.cells as Cell[];
      let open = row.open;
      if (cells.length && attr(open, "spans") !== undefined)
        open = setAttr(open, "spans", `${cells[0].col + 1}:${cells[cells.length - 1].col + 1}`);
      if (cells.length === 0 && !row.tail) {
        out.push(open.replace(/>$/, "/>"));
        continue;
      }
      out.push(open);
      for (const c of cells) out.push(c.text);
      out.push(row.tail, "</row>");
    }
    out.push(this.trailing);
    return out.join("");
  }
}

/** A cell's `r`: read at its place when the tag starts with it (as Excel writes), by attribute otherwise. */
function cellRef(cell: string): string | undefined {
  if (cell.startsWith('<c r="')) {
    const ref = cell.slice(6, cell.indexOf('"', 6));
    if (ref.indexOf("&") < 0) return ref;
  }
  return attr(cell, "r");
}

/** The letters of a plain cell ref ("B12"). */
const PLAIN_REF_LETTERS = /^[A-Z]{1,3}(?=[0-9]+$)/;

/** The column of a cell's `r` ("B12"; "$B$12" and the odd spellings through the letters they hold). */
function refColumn(ref: string): number {
  const letters = PLAIN_REF_LETTERS.exec(ref);
  return columnIndex(letters ? letters[0] : ref.replace(/[0-9$]/g, ""));
}

/**
 * A cell that holds the master of a shared or array formula reaching outside `r`: removing it would
 * leave the other cells' formulas without their text (Excel then repairs the file). Refused.
 */
function guardFormula(cell: string, r: CellRange): void {
  if (!cell.includes("ref=")) return;
  const f = /<f\b[^>]*>/.exec(cell);
  if (!f) return;
  const ref = attr(f[0], "ref");
  if (!ref) return;
  const [a, b = a] = ref.split(":");
  const p = (s: string) => ({
    row: Number(s.replace(/[A-Z$]/gi, "")) - 1,
    col: columnIndex(s.replace(/[0-9$]/g, "")),
  });
  const x = p(a);
  const y = p(b);
  if (x.row < r.top || y.row > r.bottom || x.col < r.left || y.col > r.right)
    throw new PatchRefusal(`a shared or array formula (${ref}) reaches into the cells to be written`);
}

function parseRef(ref: string): CellRange | null {
  const [a, b = a] = ref.split(":");
  const p = (x: string) => ({
    row: Number(x.replace(/[A-Z$]/gi, "")) - 1,
    col: columnIndex(x.replace(/[0-9$]/g, "")),
  });
  const x = p(a);
  const y = p(b);
  if (![x.row, x.col, y.row, y.col].every(Number.isInteger)) return null;
  return {
    top: Math.min(x.row, y.row),
    left: Math.min(x.col, y.col),
    bottom: Math.max(x.row, y.row),
    right: Math.max(x.col, y.col),
  };
}

/** A cell's XML, or null for a cell with neither value nor format (not written at all). */
export function cellXml(
  ref: string,
  style: number | undefined,
  value: PlanValue,
  formula: string | null,
): string | null {
  const s = style ? ` s="${style}"` : "";
  if (formula) {
    const f = `<f>${escapeText(formula.startsWith("=") ? formula.slice(1) : formula)}</f>`;
    if (value === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof value === "number") return `<c r="${ref}"${s}>${f}<v>${num(value)}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${xstringText(value)}</v></c>`;
  }
  if (value === null) return style ? `<c r="${ref}"${s}/>` : null;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${num(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textElement(value)}</is></c>`;
}

/** <t>, with xml:space="preserve" where spaces at the ends or line breaks must survive. */
export function textElement(s: string): string {
  const keep = /^[\s]|[\s]$|\n/.test(s);
  // Text that reads like Excel's escape (_x0041_) is protected (xstring.ts); our reader decodes it back.
  return `<t${keep ? ' xml:space="preserve"' : ""}>${xstringText(s)}</t>`;
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new PatchRefusal(`a number that cannot be written (${n})`);
  return String(n);
}
