/**
 * Property: on real .xlsx files through the CLI, whatever staff type around, below, right of and
 * inside our computed area and on a neighbouring sheet, and whatever thresholds change between
 * runs, fill / summary / run repeated three times change no cell outside the rectangles our names
 * record before or after the run (value, formula and style), keep and report every staff edit
 * inside one, and the third
 * run writes what the second did.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/model/snapshot";
import { toA1 } from "../../src/core/grid/address";
import { parseRefersTo } from "../../src/core/ownership/names";
import { cellsOf, cli, expectSameWorkbook, load, tmpDir } from "./helpers";
import { freshSamples } from "./samples";

const AS_OF = "2019-06-30";
jest.setTimeout(240_000);

function recorded(wb: ExcelJS.Workbook): Array<{ sheet: string; range: CellRange }> {
  const out: Array<{ sheet: string; range: CellRange }> = [];
  for (const n of wb.definedNames.model as Array<{ name: string; ranges: string[] }>)
    if (n.name.startsWith("_Shinchoku.")) {
      const ref = parseRefersTo(n.ranges[0]);
      if (ref) out.push(ref);
    }
  return out;
}

const inside = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

const text = fc.stringMatching(/^[a-zあ-ん0-9]{1,8}$/);
const kind = fc.constantFrom("fill", "summary", "run");

describe("staff text is never lost (CLI, real .xlsx)", () => {
  it("holds over random staff text, settings and three runs", async () => {
    const s = await freshSamples();
    const base = path.join(s.dir, "base.xlsx");
    await cli("fill", s.pasted, "-o", base, "--as-of", AS_OF);
    const baseWb = await load(base);
    const area = recorded(baseWb).find((r) => r.sheet === "貼り付け")!.range;
    const dir = tmpDir("own-prop");
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 8 }), fc.integer({ min: -2, max: 4 }), text), {
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(30), text), { maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(area.bottom - area.top - 2), fc.nat(area.right - area.left), text), {
          maxLength: 3,
        }),
        fc.tuple(kind, kind),
        fc.tuple(fc.double({ min: 0.5, max: 0.95, noNaN: true }), fc.boolean()),
        async (around, neighbour, edits, [k1, k2], [mostly, change]) => {
          const r = round++;
          const wb = await load(base);
          const ws = wb.getWorksheet("貼り付け")!;
          // Around the area: rows from 3 above to 8 below, columns from 2 left of its right edge to 4 beyond.
          const staff = new Map<string, string>();
          for (const [dr, dc, t] of around) {
            const row = dr < 0 ? area.top + dr : area.bottom + 1 + dr;
            const col = area.right - 2 + dc;
            if (row < 0 || inside(area, row, col) || ws.getCell(row + 1, col + 1).value !== null) continue;
            ws.getCell(row + 1, col + 1).value = t;
            staff.set(toA1(row, col), t);
          }
          const memo = wb.getWorksheet("メモ") ?? wb.addWorksheet("メモ");
          for (const [row, col, t] of neighbour) memo.getCell(row + 1, col + 1).value = t;
          // Inside: over the indicator rows (below the title and header rows), each a staff edit.
          const typed = new Map<string, string>();
          for (const [dr, dc, t] of edits) {
            const row = area.top + 2 + dr;
            const col = area.left + dc;
            ws.getCell(row + 1, col + 1).value = `手${t}`;
            typed.set(toA1(row, col), `手${t}`);
          }
          const input = path.join(dir, `in-${r}.xlsx`);
          await wb.xlsx.writeFile(input);
          const before = await load(input);
          const cfgA = path.join(dir, `a-${r}.json`);
          const cfgB = path.join(dir, `b-${r}.json`);
          fs.writeFileSync(cfgA, JSON.stringify({}));
          fs.writeFileSync(cfgB, JSON.stringify(change ? { thresholds: { achieved: 1, mostly } } : {}));
          const outs = [0, 1, 2].map((i) => path.join(dir, `out-${r}-${i}.xlsx`));
          let prev = input;
          const steps: Array<[string, string]> = [
            [k1, cfgA],
            [k2, cfgB],
            [k2, cfgB],
          ];
          for (let i = 0; i < 3; i++) {
            const res = await cli(
              steps[i][0],
              prev,
              "-o",
              outs[i],
              "--config",
              steps[i][1],
              "--as-of",
              AS_OF,
              "--json",
            );
            expect(res.code).toBeLessThan(2);
            const reported = new Set(
              (JSON.parse(res.stdout).findings as Array<{ code: string; cell: string }>)
                .filter((f) => f.code === "fill/area-edited")
                .map((f) => f.cell),
            );
            const out = await load(outs[i]);
            // Ours: what the names recorded before this run (cleared when its block is gone) and after it.
            const input = await load(prev);
            const owned = [...recorded(input), ...recorded(out)];
            // Every staff sheet's cells outside our rectangles: unchanged in value, formula and style.
            for (const bws of input.worksheets) {
              if (bws.state === "veryHidden" || !before.getWorksheet(bws.name)) continue;
              const ows = out.getWorksheet(bws.name)!;
              const mine = owned.filter((o) => o.sheet === bws.name).map((o) => o.range);
              const keep = (m: Map<string, string>) =>
                Object.fromEntries(
                  [...m].filter(([a]) => {
                    const c = ows.getCell(a);
                    return !mine.some((x) => inside(x, Number(c.row) - 1, Number(c.col) - 1));
                  }),
                );
              expect(keep(cellsOf(ows))).toEqual(keep(cellsOf(bws)));
            }
            for (const [a, t] of staff) expect(out.getWorksheet("貼り付け")!.getCell(a).value).toBe(t);
            // Staff edits inside: kept, and reported whenever the run wrote the area.
            for (const [a, t] of typed) {
              expect(out.getWorksheet("貼り付け")!.getCell(a).value).toBe(t);
              if (steps[i][0] !== "summary") expect(reported.has(a)).toBe(true);
            }
            prev = outs[i];
          }
          expectSameWorkbook(await load(outs[1]), await load(outs[2]));
        },
      ),
      { numRuns: 12 },
    );
  });
});
