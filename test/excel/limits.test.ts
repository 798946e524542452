/** Excel's payload limits: the adapter splits reads and writes and gets the same result. */
import * as ExcelJS from "exceljs";
import { createOperations } from "../../src/excel/operations";
import { resetSizeHint } from "../../src/excel/read-workbook";
import { installSimulatedOffice } from "../sim-excel";
import { cellDump, diffDumps, planWorkbook, reload, seedSnapshot, writeSnapshot } from "./fixtures";

const ja = { lang: "ja" as const };
const key = (f: { code: string; sheet: string | null; cell: string | null }) =>
  `${f.code}|${f.sheet}|${f.cell}`;

beforeEach(() => resetSizeHint());

describe("payload limits", () => {
  it("reads a single sheet too large for one response in halves of its rows", async () => {
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, seedSnapshot("A"));
    installSimulatedOffice(wb);
    const whole = await createOperations().validate(ja);

    const wb2 = new ExcelJS.Workbook();
    writeSnapshot(wb2, seedSnapshot("A"));
    const host = installSimulatedOffice(wb2, { limits: { responseBytes: 6_000 } });
    const split = await createOperations().validate(ja);
    expect(host.syncLog.filter((s) => s.error === "ResponsePayloadSizeLimitExceeded").length).toBeGreaterThan(
      0,
    );
    expect(split.stats.readSyncs).toBeGreaterThan(3);
    expect(split.findings.map(key).sort()).toEqual(whole.findings.map(key).sort());
    expect(split.items.map((i) => i.no)).toEqual(["28"]);
    // The meter counts the split read too: its estimate is in the range of what the sim measured
    // on the syncs that went through (a refused one returns nothing).
    const through = host.syncLog.filter((s) => !s.error);
    const simResponse = through.reduce((n, s) => n + s.responseBytes, 0);
    const simRequest = through.reduce((n, s) => n + s.requestBytes, 0);
    expect(split.stats.responseBytes).toBeGreaterThan(simResponse * 0.5);
    expect(split.stats.responseBytes).toBeLessThan(simResponse * 2);
    expect(split.stats.requestBytes).toBeGreaterThan(simRequest * 0.5);
    expect(split.stats.requestBytes).toBeLessThan(simRequest * 2);
  });

  // A seed sheet has 424 cells, over the (shrunk) limit of a get on one range: Excel refuses it
  // with RangeExceedsLimit, and the sheet is read in pieces of its rows.
  it.each(["1.17", "1.8"])(
    "keeps each range under the cells limit of a get operation (ExcelApi %s)",
    async (api) => {
      const wb = new ExcelJS.Workbook();
      writeSnapshot(wb, seedSnapshot("A"));
      writeSnapshot(wb, seedSnapshot("B"));
      const host = installSimulatedOffice(wb, { limits: { cells: 300 }, excelApi: api });
      const res = await createOperations().validate(ja);
      expect(host.syncLog.some((s) => s.error === "RangeExceedsLimit")).toBe(true);
      expect(res.items.map((i) => i.no)).toEqual(["28"]);
      expect(res.stats.sheetsRead).toBe(2);
      expect(res.stats.cellsRead).toBe(2 * 424);
    },
  );

  it("sends a write refused as too large again in halves, with the same sheets as a single write", async () => {
    const plain = installSimulatedOffice(planWorkbook(4));
    await createOperations().fill(ja);
    const expected = cellDump(await reload(await plain.exportXlsx()));

    resetSizeHint();
    const host = installSimulatedOffice(planWorkbook(4), { limits: { requestBytes: 40_000 } });
    const res = await createOperations().fill(ja);
    expect(res.wrote).toBe(true);
    expect(host.syncLog.some((s) => s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(res.stats.writeSyncs).toBeGreaterThan(2);
    // Every batch but the last suspended calculation; the last, not suspended, recalculates.
    expect(host.book.calculationSuspensions).toBeGreaterThan(0);
    expect(host.book.calculationsWhileSuspended).toEqual([]);
    expect(host.book.recalculations).toEqual(["Recalculate"]);
    expect(host.book.recalcNeeded).toBe(false);
    expect(diffDumps(expected, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
  });

  it("fails loudly, writing nothing, when even one sheet's edit exceeds the request limit", async () => {
    const host = installSimulatedOffice(planWorkbook(1), { limits: { requestBytes: 3_000 } });
    const before = cellDump(await reload(await host.exportXlsx()));
    await expect(createOperations().fill(ja)).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(diffDumps(before, cellDump(await reload(await host.exportXlsx())))).toEqual([]);
  });
});
