/**
 * Undo gives back the column widths our computed areas widened (issue 15 point 6): the width staff
 * had is recorded the first time a fill changes a column, and planUndo sets it back. Engine only.
 */
import { analyse, planFill, planUndo } from "../../src/core/engine";
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
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
});
