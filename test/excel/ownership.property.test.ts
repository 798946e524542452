/**
 * Property, on the simulated Excel through the real adapter: random staff text around, below, right
 * of and inside every computed area and on another sheet, a sheet renamed, thresholds changed
 * between runs; fill and summary three times. No cell outside the rectangles our names record
 * (before or after a run) changes, in value, formula or format; staff edits inside are kept and
 * reported; the third round writes what the second did.
 */
import fc from "fast-check";
import type * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import type { CellRange } from "../../src/core/model/snapshot";
import { parseA1, toA1 } from "../../src/core/grid/address";
import { parseRefersTo } from "../../src/core/ownership/names";
import { SETTINGS_KEY } from "../../src/excel/settings";
import { installSimulatedOffice } from "../sim-excel";
import { namesOf } from "../sim-excel/names";
import { cellDump, diffDumps, formWorkbook, reload } from "./fixtures";

jest.setTimeout(240_000);
const ja = { lang: "ja" as const };
type Host = ReturnType<typeof installSimulatedOffice>;

function recorded(host: Host): Array<{ sheet: string; range: CellRange }> {
  const out: Array<{ sheet: string; range: CellRange }> = [];
  for (const n of namesOf(host.book))
    if (n.name.startsWith("_Shinchoku.")) {
      const ref = parseRefersTo(n.formula);
      if (ref) out.push(ref);
    }
  return out;
}

const backing = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell =>
  ws.getRow(row + 1).getCell(col + 1);
const inside = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The dump's cells outside our rectangles, on the sheets staff had. */
function outside(
  dump: Map<string, string>,
  ours: Array<{ sheet: string; range: CellRange }>,
  sheets: string[],
) {
  const out = new Map<string, string>();
  for (const [k, v] of dump) {
    const bang = k.lastIndexOf("!");
    const sheet = k.slice(0, bang);
    const at = k.slice(bang + 1);
    if (!sheets.includes(sheet) || at.startsWith("#")) continue;
    const { row, col } = parseA1(at);
    if (ours.some((o) => o.sheet === sheet && inside(o.range, row, col))) continue;
    out.set(k, v);
  }
  return out;
}

const text = fc.stringMatching(/^[a-zあ-ん0-9]{1,6}$/);

describe("staff text is never lost (adapter, simulated Excel)", () => {
  it("holds over random staff text, a renamed sheet, settings and three rounds", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -2, max: 6 }), fc.integer({ min: -1, max: 3 }), text), {
          maxLength: 6,
        }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(10), text), { maxLength: 2 }),
        fc.boolean(),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        async (around, edits, rename, mostly) => {
          resetSizeHint();
          const host = installSimulatedOffice(formWorkbook(28));
          const ops = createOperations();
          const first = host.book.sheets()[0].name;
          await ops.fill(ja);
          await ops.summary(ja);
          let sheet = first;
          if (rename) {
            sheet = "改名 H27";
            await Excel.run(async (context) => {
              context.workbook.worksheets.getItem(first).name = sheet;
              await context.sync();
            });
          }
          const area = recorded(host).find((r) => r.sheet === sheet)!.range;
          const ws = host.book.sheetByName(sheet) as ExcelJS.Worksheet;
          const staff = new Map<string, string>();
          for (const [dr, dc, t] of around) {
            const row = dr < 0 ? area.top + dr : area.bottom + 1 + dr;
            const col = area.right - 1 + dc;
            if (row < 0 || inside(area, row, col) || backing(ws, row, col).value !== null) continue;
            backing(ws, row, col).value = t;
            staff.set(toA1(row, col), t);
          }
          const memo = host.book.wb.addWorksheet("メモ");
          memo.getCell("B2").value = "隣のシート";
          const typed = new Map<string, string>();
          for (const [dr, dc, t] of edits) {
            const row = area.top + 2 + Math.min(dr, area.bottom - area.top - 2);
            const col = area.left + dc;
            backing(ws, row, col).value = `手${t}`;
            typed.set(toA1(row, col), `手${t}`);
          }
          const staffSheets = host.book
            .sheets()
            .map((s) => s.name)
            .filter((n) => !n.startsWith("_shinchoku") && n !== "集計");
          const dumps: Map<string, string>[] = [];
          for (let i = 0; i < 3; i++) {
            if (i === 1)
              Office.context.document.settings.set(SETTINGS_KEY, {
                overrides: { thresholds: { achieved: 1, mostly } },
              });
            const before = cellDump(await reload(await host.exportXlsx()));
            const oursBefore = recorded(host);
            const f = await ops.fill(ja);
            await ops.summary(ja);
            const after = cellDump(await reload(await host.exportXlsx()));
            const ours = [...oursBefore, ...recorded(host)];
            expect(diffDumps(outside(before, ours, staffSheets), outside(after, ours, staffSheets))).toEqual(
              [],
            );
            const now = host.book.sheetByName(sheet) as ExcelJS.Worksheet;
            for (const [a, t] of staff) expect(now.getCell(a).value).toBe(t);
            const reported = new Set(
              f.findings.filter((x) => x.code === "fill/area-edited").map((x) => x.cell),
            );
            for (const [a, t] of typed) {
              expect(now.getCell(a).value).toBe(t);
              expect(reported.has(a)).toBe(true);
            }
            dumps.push(after);
          }
          expect(diffDumps(dumps[1], dumps[2])).toEqual([]);
        },
      ),
      { numRuns: 8 },
    );
  });
});
