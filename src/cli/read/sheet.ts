/**
 * One worksheet part → its cells (value as Office.js hands it over, formula text, number format)
 * and merges. Cells and rows without an `r` attribute (openpyxl and pandas may write them so) follow
 * the previous one, as Excel reads them (ECMA-376 Part 1, 18.3.1.4 and 18.3.1.73).
 */
import { asExcelErrorLiteral, type CellRange, type CellValue, keptNumberFormat } from "../../core";
import { shiftFormula } from "./formula";
import { unescapeXstring } from "./parts";
import { readPart, type XmlHandlers } from "./xml";
import type { GridCell } from "./sheet-grid";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format code of each cell format (styles' cellXfs), by the cell's `s`. */
  formats: readonly string[];
  date1904: boolean;
  /** The merges of the workbook's sheets, each <mergeCells> element read once (MergeBlocks). */
  mergeBlocks?: MergeBlocks;
}

export interface SheetCells {
  cells: GridCell[];
  merges: readonly CellRange[];
  /**
   * Widths of the columns that have one (`<col width>`), by 0-based column; the others have the
   * sheet's standard width (null). Undo puts back what a computed area widened (SheetSnapshot).
   */
  columnWidths: Record<number, number | null>;
  /** False when a `<col>` span reaches past WIDTH_COLUMNS: the widths beyond are unknown. */
  columnWidthsComplete: boolean;
}

/** Columns whose widths are kept: LibreOffice writes spans to column 1024, Excel to 16384. */
const WIDTH_COLUMNS = 1024;

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** What is being collected from text events. */
const enum Into {
  None,
  Value,
  Formula,
  Inline,
}

export function readSheetPart(part: string, xml: string, ctx: SheetContext): SheetCells {
  const scanned = withoutEmptyCells(xml);
  const known = ctx.mergeBlocks?.find(scanned) ?? null;
  // The merges found beforehand are the scanner's: saxes, if it reads the part, meets them itself.
  return readPart(
    part,
    xml,
    (drive, scanner) => readSheet(drive, ctx, scanner ? known?.merges : undefined),
    scanned,
    known ?? undefined,
  );
}

/** <mergeCells> holding only `<mergeCell ref="B4:D5"/>`, as Excel writes it. */
const PLAIN_MERGES =
  /^<mergeCells(?: count="[0-9]{1,9}")?>(?:<mergeCell ref="[A-Z]{1,3}[1-9][0-9]{0,6}:[A-Z]{1,3}[1-9][0-9]{0,6}"\/>)*<\/mergeCells>$/;
const MERGES_START = "<mergeCells";
const MERGES_END = "</mergeCells>";

/**
 * A workbook's sheet merges by the text of their <mergeCells> element: the sheets of one form have
 * the same, so each distinct one is read once (null: not in the plain spelling, and the scanner
 * reads its merges as it meets them). The sheet before is compared first, in place.
 */
export class MergeBlocks {
  private readonly byText = new Map<string, readonly CellRange[] | null>();
  private last: { text: string; merges: readonly CellRange[] | null } | null = null;

  /**
   * A sheet's merges, and where their element is in its text (the scanner skips it); null if
   * unknown. Sheets with the same element share one list: nobody changes a sheet's merges.
   */
  find(xml: string): { merges: readonly CellRange[]; from: number; to: number } | null {
    const from = xml.indexOf(MERGES_START);
    if (from < 0) return null;
    const end = xml.indexOf(MERGES_END, from);
    if (end < 0) return null;
    const to = end + MERGES_END.length;
    let merges: readonly CellRange[] | null;
    const last = this.last;
    if (last !== null && last.text.length === to - from && xml.startsWith(last.text, from))
      merges = last.merges;
    else {
      const text = xml.slice(from, to);
      const known = this.byText.get(text);
      merges = known !== undefined ? known : PLAIN_MERGES.test(text) ? mergesOf(text) : null;
      if (known === undefined) this.byText.set(text, merges);
      this.last = { text, merges };
    }
    return merges === null ? null : { merges, from, to };
  }
}

/** Every ref="B4:D5" of a plain <mergeCells>, in order. */
function mergesOf(block: string): CellRange[] {
  const refs = block.match(/[A-Z]{1,3}[1-9][0-9]{0,6}:[A-Z]{1,3}[1-9][0-9]{0,6}/g) ?? [];
  return refs.map((ref) => decodeRange(ref) as CellRange);
}

/** `<c r="B2" s="1"/>`: a formatted empty cell, most of a form's cells. */
const EMPTY_CELLS = /<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: s="[0-9]{1,9}")?(?: t="[a-zA-Z]{1,9}")?\/>/g;
/** A cell tag that does not start with its `r` (or has none). */
const CELL_NOT_R_FIRST = /<c(?:>|\/>|[ \t\r\n](?!r="))/;

/**
 * The sheet's text without its empty cells, cut by one native pass instead of being scanned one
 * by one: such a cell says nothing the reader keeps but its column, which only a following cell
 * without `r` takes. A sheet with such a cell is scanned whole. (The cells cut all start with `r`,
 * so the test gives the same on the text before and after the cut: it is made before.)
 */
function withoutEmptyCells(xml: string): string {
  return CELL_NOT_R_FIRST.test(xml) ? xml : xml.replace(EMPTY_CELLS, "");
}

/*
 * Elements as Excel writes most of a sheet's, read by the scanner in one step each
 * (XmlHandlers.shortcuts); any other spelling goes through the tags. Refs and numbers in them are
 * in the shapes decodeRef reads, so the shortcuts place cells as the tags would.
 */
/**
 * `<c r="B2" s="1" t="s"><v>7</v></c>`: one value, no formula, no entity, no line end. Only tested:
 * its parts are read in place from the matched text (a match with groups builds an array and
 * strings for every cell).
 */
const VALUE_CELL =
  /<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: s="[0-9]{1,9}")?(?: t="[a-zA-Z]{1,9}")?><v>[^<&\r]*<\/v><\/c>/y;
const VALUE_CELL_END = "</v></c>".length;
const STYLE_AT = ' s="'.length;
const TYPE_AT = ' t="'.length;
const VALUE_AT = "><v>".length;
/** `<row r="2" spans="1:15" x14ac:dyDescent="0.25">`: a row's start tag, one `r`. */
const ROW_START = /<row r="[1-9][0-9]{0,6}"(?: (?!r=)[A-Za-z_][\w:.-]*="[^"<>&]*")*>/y;
const CELL_REF_AT = '<c r="'.length;
const ROW_REF_AT = '<row r="'.length;

function readSheet(
  drive: (h: XmlHandlers) => void,
  ctx: SheetContext,
  readMerges?: readonly CellRange[],
): SheetCells {
  const cells: GridCell[] = [];
  // readMerges is shared with other sheets (MergeBlocks): copied before a merge is added to it.
  let ownMerges: CellRange[] | null = readMerges ? null : [];
  const columnWidths: Record<number, number | null> = {};
  let columnWidthsComplete = true;
  const shared = new Map<string, { row: number; col: number; text: string }>();
  let row = -1;
  let col = -1;
  // The cell being read.
  let cRow = 0;
  let cCol = 0;
  let cType = "";
  let cStyle = 0;
  let v = "";
  let hasV = false;
  let f = "";
  let fType = "";
  let fShared = "";
  let hasF = false;
  let inlineText = "";
  let hasInline = false;
  let inPhonetic = 0;
  let into = Into.None;

  // The cell being closed is a self-closing one, read already.
  let emptyCell = false;

  const finishCell = () => {
    let formula: string | null = null;
    if (hasF) {
      if (f !== "") formula = f;
      if (fType === "shared" && fShared !== "") {
        const master = shared.get(fShared);
        if (f !== "" && !master) shared.set(fShared, { row: cRow, col: cCol, text: f });
        else if (f === "" && master)
          formula = shiftFormula(master.text, cRow - master.row, cCol - master.col);
      }
    }
    const value = cellValue(formula !== null || (hasF && fType === "shared"));
    if (value === null && formula === null) return;
    const fmt = ctx.formats[cStyle] ?? null;
    cells.push({
      r: cRow,
      c: cCol,
      v: value,
      f: formula === null ? null : `=${formula}`,
      n: keptNumberFormat(value, fmt),
    });
  };

  const cellValue = (isFormula: boolean): CellValue => {
    if (cType === "inlineStr" && !isFormula) {
      const s = unescapeXstring(inlineText);
      return hasInline && s !== "" ? s : null;
    }
    if (!hasV) return null;
    switch (cType) {
      case "s": {
        if (isFormula) return number(v);
        const s = ctx.sharedStrings[Number(v)];
        return s === undefined || s === "" ? null : s;
      }
      case "str":
      case "inlineStr":
        return v === "" ? null : unescapeXstring(v);
      case "b":
        return v.trim() === "1" || v.trim().toLowerCase() === "true";
      case "e":
        return { error: asExcelErrorLiteral(v) ?? v.trim() };
      case "d":
        return isoDateSerial(v, ctx.date1904);
      default:
        return number(v);
    }
  };

  /** A cell's place from its `r` (or after the previous one), as the open tag of "c" sets it. */
  const place = (r: string | undefined) => {
    if (r !== undefined) {
      const ref = decodeRef(r);
      cRow = ref ? ref.row : row;
      cCol = ref ? ref.col : col + 1;
      if (ref && row < 0) row = ref.row;
    } else {
      cRow = row < 0 ? 0 : row;
      cCol = col + 1;
    }
    col = cCol;
  };

  /**
   * The cell whose `r` (letters, then digits, as the shortcuts' patterns hold) starts at `at`;
   * returns where the ref ends.
   */
  const placeAt = (xml: string, at: number): number => {
    let i = at;
    let c = 0;
    for (let ch = xml.charCodeAt(i); ch >= 65 && ch <= 90; ch = xml.charCodeAt(++i)) c = c * 26 + (ch - 64);
    cCol = c - 1;
    let r = 0;
    for (let ch = xml.charCodeAt(i); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++i)) r = r * 10 + (ch - 48);
    cRow = r - 1;
    if (row < 0) row = cRow;
    col = cCol;
    return i;
  };

  drive({
    shortcuts: [
      {
        tag: "<c ",
        re: VALUE_CELL,
        groups: false,
        take(_, xml, at) {
          // After the ref's closing quote: ` s="1"`, ` t="s"` (each optional, in this order), `><v>`.
          let i = placeAt(xml, at + CELL_REF_AT) + 1;
          cStyle = 0;
          if (xml.charCodeAt(i + 1) === 115) {
            cStyle = digitsAt(xml, i + STYLE_AT);
            i = xml.indexOf('"', i + STYLE_AT) + 1;
          }
          cType = "n";
          if (xml.charCodeAt(i + 1) === 116) {
            const close = xml.indexOf('"', i + TYPE_AT);
            cType = xml.slice(i + TYPE_AT, close);
            i = close + 1;
          }
          v = xml.slice(i + VALUE_AT, VALUE_CELL.lastIndex - VALUE_CELL_END);
          hasV = true;
          f = fType = fShared = inlineText = "";
          hasF = hasInline = false;
          finishCell();
        },
      },
      {
        tag: "<row ",
        re: ROW_START,
        groups: false,
        opens: "row",
        take(_, xml, at) {
          row = digitsAt(xml, at + ROW_REF_AT) - 1;
          col = -1;
        },
      },
    ],
    open(name, a, selfClosing) {
      switch (name) {
        case "row": {
          const r = a.get("r");
          row = r !== undefined ? Number(r) - 1 : row + 1;
          col = -1;
          return;
        }
        case "c": {
          place(a.get("r"));
          // <c r="B2" s="1"/>, a formatted empty cell (most of a form's cells): nothing more to read.
          emptyCell = selfClosing;
          if (selfClosing) return;
          cType = a.get("t") ?? "n";
          const st = a.get("s");
          cStyle = st !== undefined ? Number(st) || 0 : 0;
          v = f = fType = fShared = inlineText = "";
          hasV = hasF = hasInline = false;
          inPhonetic = 0;
          into = Into.None;
          return; // its close (self-closing ones have one too) finishes it
        }
        case "v":
          hasV = true;
          into = selfClosing ? Into.None : Into.Value;
          return;
        case "f":
          hasF = true;
          fType = a.get("t") ?? "";
          fShared = a.get("si") ?? "";
          into = selfClosing ? Into.None : Into.Formula;
          return;
        case "is":
          hasInline = true;
          return;
        case "rPh":
          if (!selfClosing) inPhonetic++;
          return;
        case "t":
          if (hasInline && inPhonetic === 0 && !selfClosing) into = Into.Inline;
          return;
        case "col": {
          const min = Number(a.get("min"));
          const max = Number(a.get("max"));
          const width = Number(a.get("width"));
          if (!Number.isInteger(min) || !Number.isInteger(max) || !(width > 0)) return;
          if (max > WIDTH_COLUMNS) columnWidthsComplete = false;
          for (let c = Math.max(min, 1); c <= Math.min(max, WIDTH_COLUMNS); c++) columnWidths[c - 1] = width;
          return;
        }
        case "mergeCell": {
          // An unreadable merge is ignored rather than failing the whole sheet.
          const range = decodeRange(a.get("ref") ?? "");
          if (range) (ownMerges ??= [...(readMerges ?? [])]).push(range);
          return;
        }
      }
    },
    text(t) {
      if (into === Into.Value) v += t;
      else if (into === Into.Formula) f += t;
      else if (into === Into.Inline) inlineText += t;
    },
    close(name) {
      switch (name) {
        case "c":
          if (emptyCell) {
            emptyCell = false;
            return;
          }
          finishCell();
          into = Into.None;
          return;
        case "v":
        case "f":
        case "t":
          into = Into.None;
          return;
        case "rPh":
          inPhonetic = Math.max(0, inPhonetic - 1);
          return;
      }
    },
  });
  const merges = ownMerges ?? readMerges ?? [];
  return { cells: withoutMergedCells(cells, merges), merges, columnWidths, columnWidthsComplete };
}

/** The number written in decimal digits from `at`. */
function digitsAt(xml: string, at: number): number {
  let n = 0;
  for (let i = at, ch = xml.charCodeAt(i); ch >= 48 && ch <= 57; ch = xml.charCodeAt(++i))
    n = n * 10 + (ch - 48);
  return n;
}

function number(v: string): number | null {
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

/** An ISO 8601 date (`t="d"`, ECMA-376 Part 1, 18.17.4) → its serial in the workbook's date system. */
function isoDateSerial(v: string, date1904: boolean): number | null {
  const s = v.trim();
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) || !s.includes("T") ? s : s + "Z");
  if (Number.isNaN(t)) return null;
  return (t - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

/** "B3" or "$B$3" → 0-based row and column; null for anything else. */
function decodeRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let c = 0;
  const n = ref.length;
  if (ref[i] === "$") i++;
  const startLetters = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) & ~0x20;
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  if (i === startLetters || i - startLetters > 3) return null;
  if (ref[i] === "$") i++;
  let r = 0;
  const startDigits = i;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    r = r * 10 + d;
  }
  if (i === startDigits || r < 1) return null;
  return { row: r - 1, col: c - 1 };
}

/** "B3:D7" (or one cell, "B3") → its range, corners in any order; null for anything else. */
function decodeRange(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = decodeRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : decodeRef(ref.slice(colon + 1));
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Indices of `merges` by top row, then order; once per list (the sheets of a form share theirs). */
const byTopOf = new WeakMap<readonly CellRange[], readonly number[]>();
function mergesByTop(merges: readonly CellRange[]): readonly number[] {
  let byTop = byTopOf.get(merges);
  if (byTop === undefined) {
    byTop = merges.map((_, i) => i).sort((a, b) => merges[a].top - merges[b].top || a - b);
    byTopOf.set(merges, byTop);
  }
  return byTop;
}

/** Only a merge's top-left cell holds a value (Excel keeps no other; ExcelJS drops them on reading). */
function withoutMergedCells(cells: GridCell[], merges: readonly CellRange[]): GridCell[] {
  if (merges.length === 0) return cells;
  // A sweep down the rows (cells come row by row): the merges taken by their top row, and of them
  // only those reaching the cell's row are looked at (a form has dozens of merges a sheet, a few a
  // row). Under overlapping merges the first in the sheet's order decides, as a walk over all does.
  const byTop = mergesByTop(merges);
  let next = 0;
  let row = -1;
  let active: number[] = [];
  return cells.filter((x) => {
    if (x.r < row) {
      // A row out of order: the sweep starts again.
      next = 0;
      active = [];
      row = -1;
    }
    if (x.r !== row) {
      row = x.r;
      active = active.filter((i) => merges[i].bottom >= row);
      while (next < byTop.length && merges[byTop[next]].top <= row) {
        const i = byTop[next++];
        if (merges[i].bottom >= row) active.push(i);
      }
    }
    let first = -1;
    for (let k = 0; k < active.length; k++) {
      const m = merges[active[k]];
      if (x.c >= m.left && x.c <= m.right && (first < 0 || active[k] < first)) first = active[k];
    }
    if (first < 0) return true;
    return x.r === merges[first].top && x.c === merges[first].left;
  });
}
