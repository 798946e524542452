/**
 * A plan of 120 items × 2 sheets (240 sheets) derived from the seed: round trips and payload per
 * command, printed for the report. On the workbook as staff hand it in, each command reads in 2
 * syncs and writes in 2. Once our areas are filled in, a full read would bring back more than 5 MB;
 * the adapter then reads in two batches up front (3 read syncs), and no request is ever refused.
 */
import { createOperations } from "../../src/excel/operations";
import { installSimulatedOffice, payloadOf, type SimExcelHost } from "../sim-excel";
import { planWorkbook } from "./fixtures";
import { resetSizeHint } from "../../src/excel/read-workbook";
import type { OperationKind, OperationResult } from "../../src/excel/types";

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const LIMIT = 5 * 1024 * 1024;

function line(name: string, r: OperationResult, host: SimExcelHost, mark: number): string {
  const log = host.syncsSince(mark);
  const sim = payloadOf(log);
  const biggest = Math.max(...log.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  return (
    `${name.padEnd(16)} syncs ${r.stats.readSyncs} read + ${r.stats.writeSyncs} write (sim ${log.length}); ` +
    `request ${kb(r.stats.requestBytes)} est / ${kb(sim.requestBytes)} sim; ` +
    `response ${kb(r.stats.responseBytes)} est / ${kb(sim.responseBytes)} sim; largest sync ${kb(biggest)}; ` +
    `${r.stats.cellsRead} cells read, ${r.stats.cellsWritten} written; ${r.stats.ms} ms`
  );
}

async function run(host: SimExcelHost, kind: OperationKind, report: string[], label: string = kind) {
  const mark = host.syncLog.length;
  const r = await createOperations()[kind]({ lang: "ja" });
  report.push(line(label, r, host, mark));
  const log = host.syncsSince(mark);
  expect(log.every((s) => s.error === null)).toBe(true);
  expect(log.every((s) => s.requestBytes < LIMIT && s.responseBytes < LIMIT)).toBe(true);
  expect(log).toHaveLength(r.stats.readSyncs + r.stats.writeSyncs);
  return r;
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
