import fc from "fast-check";
import { readWorkbook } from "../../../src/core/layout/read-workbook";
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import type { CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { parseCell } from "../../../src/core/values/parse";
import { pasteAsExcel, seedText } from "./pasted";
import { analyse, planFill, planSummary } from "../../../src/core/engine";
import { cellWrites } from "../../../src/core/plan/edit-plan";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { renderMessage } from "../../../src/core/checks/render";
import { seedFormSheets } from "../../../scripts/fixtures/seed-form";

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

/** The whole pipeline an adapter runs: analyse, fill plan, summary plan, and every message rendered. */
function pipeline(wb: WorkbookSnapshot): void {
  const a = analyse(wb, DEFAULT_CONFIG, { asOf: new Date(2026, 10, 24) });
  const fill = planFill(a, wb);
  const summary = planSummary(a, wb);
  for (const f of [...a.findings, ...fill.findings, ...summary.findings]) {
    expect(typeof renderMessage(f, "ja")).toBe("string");
    expect(typeof renderMessage(f, "en")).toBe("string");
  }
  // Every write lands on a real cell, and the fill plan never writes into a cell staff typed.
  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  for (const e of fill.plan.edits) {
    const snap = byName.get(e.sheet);
    const owned = a.read.ownedAreas.filter((o) => o.sheet === e.sheet).map((o) => o.range);
    for (const w of cellWrites(e.writes)) {
      expect(w.row).toBeGreaterThanOrEqual(0);
      expect(w.col).toBeGreaterThanOrEqual(0);
      const before = snap?.values[w.row - snap.originRow]?.[w.col - snap.originCol];
      const ours = owned.some(
        (o) => w.row >= o.top && w.row <= o.bottom && w.col >= o.left && w.col <= o.right,
      );
      if (!ours) expect(before === undefined || before === null || before === "").toBe(true);
    }
  }
  // A summary and its hidden record exactly when some item was read and the name was not refused
  // (a file with none gets layout/no-form instead).
  expect(summary.plan.edits).toHaveLength(a.read.items.length > 0 && summary.sheetName !== "" ? 3 : 0);
  expect(a.findings.some((f) => f.code === "layout/no-form")).toBe(a.read.blocks.length === 0);
}

describe("analyse + planFill + planSummary never throw", () => {
  it("on random grids of labels, numbers and strings", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 40 }), (values) => {
        pipeline({ sheets: [{ name: "rand", originRow: 0, originCol: 0, values }] });
      }),
      { numRuns: 300 },
    );
  });

  it("on the laid-out seed form with random cells overwritten, on either sheet", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1), fc.nat(35), fc.nat(18), cellArb), { maxLength: 25 }),
        (edits) => {
          const sheets = seedFormSheets();
          for (const [si, r, c, v] of edits) {
            const values = sheets[si].values;
            while (values.length <= r) values.push([]);
            while (values[r].length <= c) values[r].push(null);
            values[r][c] = v;
          }
          pipeline({ sheets });
        },
      ),
      { numRuns: 120 },
    );
  });

  it("on the pasted seed with random cells overwritten, and a random sheet name", () => {
    const base = pasteAsExcel(seedText());
    fc.assert(
      fc.property(
        fc.string({ maxLength: 31 }),
        fc.array(fc.tuple(fc.nat(base.values.length - 1), fc.nat(8), cellArb), { maxLength: 30 }),
        (name, edits) => {
          const values = base.values.map((r) => [...r]);
          for (const [r, c, v] of edits) {
            while (values[r].length <= c) values[r].push(null);
            values[r][c] = v;
          }
          pipeline({ sheets: [{ ...base, name, values }] });
        },
      ),
      { numRuns: 120 },
    );
  });
});
