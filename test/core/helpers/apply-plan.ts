/**
 * What an adapter does with an EditPlan, in memory: clear our areas, write values (a formula's
 * computed value stays the cell's value, its text goes to `formulas`), merge. Enough to read the
 * result back and plan again, for idempotence tests; formats, tables and charts are not modelled.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { cellWrites, type EditPlan } from "../../../src/core/plan/edit-plan";

function copySheet(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    formulas: s.formulas?.map((r) => [...r]),
    numberFormats: s.numberFormats?.map((r) => [...r]),
    merges: s.merges?.map((m) => ({ ...m })),
  };
}

function setAt<T>(grid: T[][], row: number, col: number, v: T, blank: T): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row];
  while (line.length <= col) line.push(blank);
  line[col] = v;
}

export function applyPlan(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  // Excel compares sheet and defined names without case.
  const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  const sheets = wb.sheets.map(copySheet).filter((s) => !plan.removeSheets.some((n) => same(n, s.name)));
  for (const e of plan.edits) {
    let s = sheets.find((x) => same(x.name, e.sheet));
    if (!s) {
      s = { name: e.sheet, originRow: 0, originCol: 0, values: [] };
      sheets.push(s);
    }
    if (e.kind === "owned") {
      s.values = [];
      s.formulas = [];
      s.merges = [];
    }
    // Snapshots here start at A1; the helper works in sheet coordinates.
    if (s.originRow !== 0 || s.originCol !== 0) throw new Error("applyPlan: sheets must start at A1");
    s.formulas ??= [];
    s.merges ??= [];
    for (const r of e.clear) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (s.values[row]?.[col] !== undefined) s.values[row][col] = null;
          if (s.formulas[row]?.[col] !== undefined) s.formulas[row][col] = null;
        }
      s.merges = s.merges.filter(
        (m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right,
      );
    }
    for (const w of cellWrites(e.writes)) {
      setAt<CellValue>(s.values, w.row, w.col, w.value === "" ? null : w.value, null);
      setAt<string | null>(s.formulas, w.row, w.col, w.formula ?? null, null);
    }
    s.merges = [...s.merges, ...e.merges.map((m) => ({ ...m }))];
  }
  const gone = [...plan.removeNames, ...plan.names.map((n) => n.name)];
  const names = (wb.names ?? []).filter((n) => n.scope !== undefined || !gone.some((g) => same(g, n.name)));
  for (const n of plan.names) names.push({ name: n.name, refersTo: n.refersTo });
  return { sheets, names };
}
