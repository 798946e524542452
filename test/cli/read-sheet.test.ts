/**
 * The sheet reader's shortcuts (src/cli/read/sheet.ts) against the rules they shorten, on
 * generated sheets: cells and merges in Excel's plain spelling read in one step by the scanner
 * (others tag by tag), and values under merges dropped by looking at the merges of each cell's
 * row. Cells without `r` take the column after the previous cell (ECMA-376 Part 1 §18.3.1.4), even
 * an empty one; under overlapping merges, the first merge in the sheet's order decides (as a walk
 * over all of them does).
 */
import fc from "fast-check";
import { columnLetters, type CellRange } from "../../src/core";
import { MergeBlocks, readSheetPart } from "../../src/cli/read/sheet";

interface GenCell {
  gap: number;
  withR: boolean;
  value: number | null;
  plain: boolean;
}

const sheetArb = fc.record({
  rows: fc.array(
    fc.record({
      skip: fc.integer({ min: 0, max: 2 }),
      // A row with its number (and attributes as Excel adds them), or one without, after the last.
      rowWithR: fc.boolean(),
      cells: fc.array(
        fc.record({
          gap: fc.integer({ min: 0, max: 2 }),
          withR: fc.boolean(),
          value: fc.option(fc.integer({ min: -5, max: 99 }), { nil: null }),
          // Excel's spelling (read by the scanner's shortcut) or another one (read tag by tag).
          plain: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
    }),
    { maxLength: 12 },
  ),
  merges: fc.array(
    fc.record({
      top: fc.integer({ min: 0, max: 30 }),
      left: fc.integer({ min: 0, max: 20 }),
      height: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 60, max: 200 })),
      width: fc.integer({ min: 0, max: 4 }),
      plain: fc.boolean(),
    }),
    { maxLength: 10 },
  ),
  allWithR: fc.boolean(),
  // Rows written in reverse order (which ECMA-376 does not allow, and a reader may meet).
  reversed: fc.boolean(),
});

type GenSheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: GenSheet) {
  const expected: Array<{ r: number; c: number; v: number }> = [];
  const rowTexts: string[] = [];
  // Reversed, every row and cell carries its number (nothing follows from the one before).
  const reversed = s.reversed && s.allWithR;
  let row = -1;
  for (const r of s.rows) {
    const rowWithR = r.rowWithR || reversed;
    row += rowWithR ? 1 + r.skip : 1;
    let xml = rowWithR ? `<row r="${row + 1}" spans="1:9" x14ac:dyDescent="0.25">` : "<row>";
    let col = -1;
    for (const c of r.cells as GenCell[]) {
      const withR = s.allWithR || c.withR;
      col += withR ? 1 + c.gap : 1;
      const q = c.plain ? '"' : "'";
      const ref = withR ? ` r=${q}${columnLetters(col)}${row + 1}${q}` : "";
      xml += c.value === null ? `<c${ref} s="1"/>` : `<c${ref} s="1"><v>${c.value}</v></c>`;
      if (c.value !== null) expected.push({ r: row, c: col, v: c.value });
    }
    rowTexts.push(`${xml}</row>`);
  }
  const xml = (reversed ? rowTexts.reverse() : rowTexts).join("");
  const plainMerge = s.merges.map((m) => m.plain);
  const merges: CellRange[] = s.merges.map((m) => ({
    top: m.top,
    left: m.left,
    bottom: m.top + m.height,
    right: m.left + m.width,
  }));
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges
        .map((m, i) => {
          const ref = `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`;
          return plainMerge[i] ? `<mergeCell ref="${ref}"/>` : `<mergeCell ref='${ref}' />`;
        })
        .join("")}</mergeCells>`
    : "";
  const part =
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetData>${xml}</sheetData>${mergeXml}</worksheet>`;
  // The rule itself: the first merge holding a cell keeps its value only at its top-left.
  const kept = expected.filter((x) => {
    const m = merges.find((m) => x.r >= m.top && x.r <= m.bottom && x.c >= m.left && x.c <= m.right);
    return !m || (m.top === x.r && m.left === x.c);
  });
  return { part, kept, merges };
}

describe("the sheet reader's shortcuts", () => {
  it("read every value where the rules put it, empty cells and merges in any arrangement", () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const { part, kept, merges } = build(s);
        const byPlace = (a: { r: number; c: number }, b: { r: number; c: number }) => a.r - b.r || a.c - b.c;
        const base = { sharedStrings: [], formats: ["General", "General"], date1904: false };
        // Without the workbook's memo of merge elements, with it, and from it (a second sheet of the form).
        const mergeBlocks = new MergeBlocks();
        for (const ctx of [base, { ...base, mergeBlocks }, { ...base, mergeBlocks }]) {
          const got = readSheetPart("xl/worksheets/sheet1.xml", part, ctx);
          expect(got.cells.map((x) => ({ r: x.r, c: x.c, v: x.v })).sort(byPlace)).toEqual(
            kept.sort(byPlace),
          );
          expect(got.merges).toEqual(merges);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("a form's merges read once per workbook", () => {
  const base = { sharedStrings: ["見出し"], formats: ["General"], date1904: false };
  const sheet = (before: string, after = "") =>
    `<?xml version="1.0" encoding="UTF-8"?>${before}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row></sheetData>` +
    `${after}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
  const merged = [{ top: 0, left: 0, bottom: 0, right: 1 }];

  it("are not counted twice when saxes reads the sheet instead of the scanner", () => {
    // A DOCTYPE makes the scanner decline the part (scan.ts); saxes then meets the merges itself.
    const mergeBlocks = new MergeBlocks();
    for (const xml of [sheet(""), sheet("<!DOCTYPE worksheet>")]) {
      const got = readSheetPart("xl/worksheets/sheet1.xml", xml, { ...base, mergeBlocks });
      expect(got.merges).toEqual(merged);
      expect(got.cells.map((x) => x.v)).toEqual(["見出し"]);
    }
  });

  it("are the sheet's, not an element's text inside a comment", () => {
    const commented = `<!--<mergeCells count="1"><mergeCell ref="C3:D3"/></mergeCells>-->`;
    const mergeBlocks = new MergeBlocks();
    const got = readSheetPart("xl/worksheets/sheet1.xml", sheet("", commented), { ...base, mergeBlocks });
    expect(got.merges).toEqual(merged);
  });
});
