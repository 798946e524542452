/**
 * Undo gives back the column widths our computed areas widened (issue 15 point 6): the width staff
 * had is recorded the first time a fill changes a column, and planUndo sets it back. Engine only.
 */
import { analyse, planFill, planUndo } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/snapshot";
import { columnIndex, columnLetters } from "../../src/core/grid/address";
import { parseRefersToAreas, refersToColumns } from "../../src/core/ownership/names";
import { miniForm } from "./helpers/mini-form";
import { applyPlan } from "./helpers/apply-plan";

const AS_OF = new Date(2017, 5, 30, 12);
const run = (wb: WorkbookSnapshot) => analyse(wb, DEFAULT_CONFIG, { asOf: AS_OF });

/** The columns the fill widens on the form, and their widths. */
function widened(wb: WorkbookSnapshot) {
  const e = planFill(run(wb), wb).plan.edits.find((x) => x.sheet === "No1")!;
  return e.columnWidths.map((c) => c.col).sort((a, b) => a - b);
}

describe("column widths for undo", () => {
  it("records staff's widths on the first fill and undo sets them back, standard ones as standard", () => {
    const form = miniForm();
    const base: WorkbookSnapshot = { sheets: [form] };
    const cols = widened(base);
    expect(cols.length).toBeGreaterThan(1);
    // Staff gave the first of those columns a width of its own; the others have the standard width.
    const staff: WorkbookSnapshot = {
      sheets: [{ ...form, columnWidths: { [cols[0]]: 7.5 }, columnWidthsComplete: true }],
    };
    const fill = planFill(run(staff), staff);
    expect(fill.widthsNeeded).toEqual([]);
    expect(fill.plan.names.filter((n) => n.name.startsWith("_Shinchoku.Widths.")).map((n) => n.name)).toEqual(
      ["_Shinchoku.Widths.1"],
    );
    const filled = applyPlan(staff, fill.plan);
    // A second fill sees our widths on the sheet: what is recorded stays staff's.
    const ours: WorkbookSnapshot = {
      ...filled,
      sheets: filled.sheets.map((s) =>
        s.name === "No1"
          ? { ...s, columnWidths: Object.fromEntries(cols.map((c) => [c, 18])), columnWidthsComplete: true }
          : s,
      ),
    };
    const again = applyPlan(ours, planFill(run(ours), ours).plan);
    const undo = planUndo(run(again), again).plan.edits.find((e) => e.sheet === "No1")!;
    expect(undo.columnWidths).toEqual([{ col: cols[0], width: 7.5 }]);
    expect([...(undo.standardWidths ?? [])].sort((a, b) => a - b)).toEqual(cols.slice(1));
  });

  it("asks for the widths the snapshot lacks, and records them without planning the areas again", () => {
    const base: WorkbookSnapshot = { sheets: [miniForm()] };
    const cols = widened(base);
    const fill = planFill(run(base), base);
    expect(fill.widthsNeeded).toEqual([{ sheet: "No1", cols }]);
    expect(fill.plan.names.some((n) => n.name.startsWith("_Shinchoku.Widths."))).toBe(false);
    const plan = fill.withWidths!([{ sheet: "No1", widths: Object.fromEntries(cols.map((c) => [c, null])) }]);
    expect(plan.edits.filter((e) => e.sheet === "No1")).toEqual(
      fill.plan.edits.filter((e) => e.sheet === "No1"),
    );
    const filled = applyPlan(base, plan);
    const undo = planUndo(run(filled), filled).plan.edits.find((e) => e.sheet === "No1")!;
    expect(undo.columnWidths).toEqual([]);
    expect([...(undo.standardWidths ?? [])].sort((a, b) => a - b)).toEqual(cols);
  });

  it("undo removes the widths names with every other name of ours", () => {
    const form = miniForm();
    const staff: WorkbookSnapshot = { sheets: [{ ...form, columnWidthsComplete: true }] };
    const filled = applyPlan(staff, planFill(run(staff), staff).plan);
    expect(filled.names!.some((n) => n.name === "_Shinchoku.Widths.1")).toBe(true);
    expect(planUndo(run(filled), filled).plan.removeNames).toContain("_Shinchoku.Widths.1");
  });

  // Excel moves a reference with its cells when staff insert a column: a cell right of it moves
  // one column right, a span the column goes into grows ("Insert or delete rows and columns",
  // support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246).
  it("after staff insert a column among the widened ones, sets each recorded column back where it is now, and not the new one", () => {
    const form = miniForm();
    const base: WorkbookSnapshot = { sheets: [form] };
    const cols = widened(base);
    expect(cols.length).toBeGreaterThan(2);
    const staffWidths = Object.fromEntries(cols.map((c, i) => [c, 5 + i]));
    const staff: WorkbookSnapshot = {
      sheets: [{ ...form, columnWidths: staffWidths, columnWidthsComplete: true }],
    };
    const fill = planFill(run(staff), staff);
    const name = fill.plan.names.find((n) => n.name === "_Shinchoku.Widths.1")!;
    // One cell a column, so that each moves with its own.
    expect(name.refersTo.split(",")).toHaveLength(cols.length);
    const filled = applyPlan(staff, fill.plan);

    // Staff insert a column just right of the first widened one.
    const at = cols[0] + 1;
    const inserted = insertColumn(filled, "No1", at);
    const undo = planUndo(run(inserted), inserted).plan.edits.find((e) => e.sheet === "No1")!;
    const moved = (c: number) => (c >= at ? c + 1 : c);
    expect([...undo.columnWidths].sort((a, b) => a.col - b.col)).toEqual(
      cols.map((c, i) => ({ col: moved(c), width: 5 + i })),
    );
    expect(undo.columnWidths.some((w) => w.col === at)).toBe(false);
    expect(undo.standardWidths ?? []).not.toContain(at);
  });

  it("a widths name of the earlier kind (one span) that a column went into is left as it is", () => {
    const form = miniForm();
    const staff: WorkbookSnapshot = { sheets: [{ ...form, columnWidthsComplete: true }] };
    const cols = widened(staff);
    const filled = applyPlan(staff, planFill(run(staff), staff).plan);
    // The name as the version before wrote it: one span over the columns.
    const span = `'No1'!$${columnLetters(cols[0])}$1:$${columnLetters(cols[cols.length - 1])}$1`;
    const earlier: WorkbookSnapshot = {
      ...filled,
      names: filled.names!.map((n) => (n.name === "_Shinchoku.Widths.1" ? { ...n, refersTo: span } : n)),
    };
    // Fits its record (contiguous columns): undo sets them back as before.
    const fits = planUndo(run(earlier), earlier).plan.edits.find((e) => e.sheet === "No1")!;
    expect([...(fits.standardWidths ?? [])].sort((a, b) => a - b)).toEqual(cols);
    const inserted = insertColumn(earlier, "No1", cols[0] + 1);
    const undo = planUndo(run(inserted), inserted).plan.edits.find((e) => e.sheet === "No1");
    expect(undo?.columnWidths ?? []).toEqual([]);
    expect(undo?.standardWidths ?? []).toEqual([]);
  });
});

describe("references of several areas (the widths names)", () => {
  it("writes one cell a column and reads each area back, #REF! areas as null", () => {
    expect(refersToColumns("H27-28", [16, 17, 19])).toBe("'H27-28'!$Q$1,'H27-28'!$R$1,'H27-28'!$T$1");
    expect(parseRefersToAreas("='H27-28'!$Q$1,'H27-28'!$R$1")?.areas.map((a) => a?.left)).toEqual([16, 17]);
    // A comma inside a quoted sheet name is part of the name.
    expect(parseRefersToAreas("'a,b'!$Q$1,'a,b'!$S$1")).toEqual({
      sheet: "a,b",
      areas: [
        { top: 0, bottom: 0, left: 16, right: 16 },
        { top: 0, bottom: 0, left: 18, right: 18 },
      ],
    });
    // A deleted column: Excel keeps the area as #REF!, the others stay where they are.
    expect(parseRefersToAreas("S!$Q$1,S!#REF!,S!$R$1")?.areas.map((a) => a?.left ?? null)).toEqual([
      16,
      null,
      17,
    ]);
    // The span written before, as one area.
    expect(parseRefersToAreas("'S'!$Q$1:$AC$1")?.areas).toEqual([{ top: 0, bottom: 0, left: 16, right: 28 }]);
    expect(parseRefersToAreas("#REF!")).toBeNull();
    expect(parseRefersToAreas("A!$Q$1,B!$R$1")).toBeNull();
  });
});

/** A column inserted at `at` (0-based) as Excel does: cells, widths and references right of it move. */
function insertColumn(wb: WorkbookSnapshot, sheet: string, at: number): WorkbookSnapshot {
  const shiftRow = <T>(row: T[], origin: number, blank: T): T[] => {
    const i = at - origin;
    if (i < 0) return [blank, ...row];
    if (i >= row.length) return row;
    return [...row.slice(0, i), blank, ...row.slice(i)];
  };
  const sheets = wb.sheets.map((s): SheetSnapshot => {
    if (s.name !== sheet) return s;
    const widths: Record<number, number | null> = {};
    for (const [c, w] of Object.entries(s.columnWidths ?? {}))
      widths[Number(c) >= at ? Number(c) + 1 : Number(c)] = w;
    return {
      ...s,
      originCol: s.originCol >= at ? s.originCol + 1 : s.originCol,
      values: s.originCol >= at ? s.values : s.values.map((r) => shiftRow(r, s.originCol, null)),
      formulas:
        s.formulas &&
        (s.originCol >= at ? s.formulas : s.formulas.map((r) => shiftRow(r, s.originCol, null))),
      numberFormats:
        s.numberFormats &&
        (s.originCol >= at ? s.numberFormats : s.numberFormats.map((r) => shiftRow(r, s.originCol, null))),
      merges: s.merges?.map((m) => ({
        ...m,
        left: m.left >= at ? m.left + 1 : m.left,
        right: m.right >= at ? m.right + 1 : m.right,
      })),
      columnWidths: widths,
    };
  });
  const shiftRef = (ref: string) =>
    ref.replace(
      /((?:'(?:[^']|'')+'|[^'!,:]+)!)?\$?([A-Z]{1,3})(\$?\d+)/g,
      (all, sh: string | undefined, col: string, row: string) => {
        void all;
        const c = columnIndex(col);
        return `${sh ?? ""}$${columnLetters(c >= at ? c + 1 : c)}${row.startsWith("$") ? row : `$${row}`}`;
      },
    );
  const names = wb.names?.map((n) =>
    n.refersTo.includes(`'${sheet}'!`) || n.refersTo.startsWith(`${sheet}!`)
      ? { ...n, refersTo: shiftRef(n.refersTo) }
      : n,
  );
  return { ...wb, sheets, names };
}
