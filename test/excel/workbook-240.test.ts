/**
 * A plan of 120 items × 2 sheets (240 sheets) derived from the seed: round trips and payload per
 * command, printed for the report. On the workbook as staff hand it in, each command reads in 2
 * syncs and writes in 2. Once our areas are filled in, a full read would bring back more than 5 MB;
 * the adapter then reads in two batches up front (3 read syncs), and no request is ever refused.
 * The measuring (test/excel/measure.ts) is the one `npm run bench` prints from, on its own .xlsx.
 */
import { createOperations } from "../../src/excel/operations";
import { installSimulatedOffice, type SimExcelHost } from "../sim-excel";
import { planWorkbook } from "./fixtures";
import { figuresLine, measureCommand } from "./measure";
import { resetSizeHint } from "../../src/excel/read-workbook";
import type { OperationKind } from "../../src/excel/types";

async function run(host: SimExcelHost, kind: OperationKind, report: string[], label: string = kind) {
  const f = await measureCommand(host, kind, label);
  report.push(figuresLine(f));
  expect(f.failedSyncs).toBe(0);
  expect(f.underLimits).toBe(true);
  expect(f.syncs).toHaveLength(f.result.stats.readSyncs + f.result.stats.writeSyncs);
  return f.result;
}

describe("240-sheet workbook (120 items × 2 sheets)", () => {
  const report: string[] = [];
  beforeEach(() => resetSizeHint());
  afterAll(() => console.log(`240 sheets (120 items × 2):\n${report.join("\n")}`));

  it("validate: 2 read syncs", async () => {
    resetSizeHint();
    const host = installSimulatedOffice(planWorkbook(120));
    const v = await run(host, "validate", report);
    expect(v.items).toHaveLength(120);
    expect(v.stats.sheetsRead).toBe(240);
    expect(v.stats.readSyncs).toBe(2);
  });

  it("fill and summary on a fresh workbook: 2 read + 2 write syncs each", async () => {
    const host = installSimulatedOffice(planWorkbook(120));
    const f = await run(host, "fill", report);
    expect(f.wrote).toBe(true);
    expect([f.stats.readSyncs, f.stats.writeSyncs]).toEqual([2, 2]);

    // Another document: a task pane starts with no size hint for it.
    resetSizeHint();
    const fresh = installSimulatedOffice(planWorkbook(120));
    const s = await run(fresh, "summary", report);
    expect(s.summarySheet).toBe("集計");
    expect([s.stats.readSyncs, s.stats.writeSyncs]).toEqual([2, 2]);
  });

  it("after a fill, the larger workbook is read in batches sized up front, never refused", async () => {
    resetSizeHint();
    const host = installSimulatedOffice(planWorkbook(120));
    await createOperations().fill({ lang: "ja" });
    const f2 = await run(host, "fill", report, "fill (again)");
    expect(f2.stats.readSyncs).toBeLessThanOrEqual(3);
    expect(f2.stats.writeSyncs).toBe(2);
    const s = await run(host, "summary", report, "summary (filled)");
    expect(s.stats.readSyncs).toBeLessThanOrEqual(3);
    expect(s.stats.writeSyncs).toBe(2);
    const v = await run(host, "validate", report, "validate (filled)");
    expect(v.stats.readSyncs).toBeLessThanOrEqual(3);
  });
});
