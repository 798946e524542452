import fc from "fast-check";
import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import type { CellValue, SheetSnapshot } from "../../../src/core/grid/cell";
import { parseCell } from "../../../src/core/values/parse";
import { pasteAsExcel, seedText } from "./pasted";

/** Cell strings staff really type, plus labels of the form, so random grids hit the reader's paths. */
const LABELS = [
  "改革実施概要",
  "指標",
  "計画",
  "実績",
  "現状 (平成26年度)",
  "平成27年度",
  "平成28年度",
  "中間目標/ 29年度以降",
  "進捗管理",
  "年度評価",
  "計画期間の評価",
  "計画期間の中間評価",
  "No.",
  "担当課",
  "取組項目(中項目)",
  "課題、今後の方針、改善事項など",
  "令和元年度",
  "29年度以降",
  "上半期 (4~9月)",
  "取組工程 (具体的な内容)",
  "重点改革項目Ⅰ",
];
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...LABELS),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("△120", "-", "―", "72.5%", "930(見込み)", "１，０９０", "Ｂ", "C", "#REF!", "", " "),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }),
);

describe("reading never throws", () => {
  it("on random grids of labels, numbers and strings", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 40 }), (values) => {
        const snap: SheetSnapshot = { name: "rand", originRow: 0, originCol: 0, values };
        const r = readWorkbook({ sheets: [snap] }, DEFAULT_CONFIG);
        expect(Array.isArray(r.items)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("on the seed with random cells overwritten", () => {
    const base = pasteAsExcel(seedText());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.values.length - 1), fc.nat(8), cellArb), { maxLength: 30 }),
        (edits) => {
          const values = base.values.map((r) => [...r]);
          for (const [r, c, v] of edits) {
            while (values[r].length <= c) values[r].push(null);
            values[r][c] = v;
          }
          readWorkbook({ sheets: [{ ...base, values }] }, DEFAULT_CONFIG);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("parses any string without throwing", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => void parseCell(s)));
  });
});
