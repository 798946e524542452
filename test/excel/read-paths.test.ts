/**
 * The adapter's two ways of reading: special cells (ExcelApi 1.9 and later: values, plus the areas
 * of formula cells and of numeric constants) and the full read below 1.9 (values, formulas and
 * number formats of every cell). Both run on the same simulated workbook (the sim claiming 1.17,
 * then 1.8) and must give the same snapshot and the same results; the figures are printed.
 */
import * as ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import { createOperations } from "../../src/excel/operations";
import { readWorkbookSnapshot, resetSizeHint } from "../../src/excel/read-workbook";
import { SyncMeter } from "../../src/excel/sync-meter";
import type { OperationKind, OperationResult } from "../../src/excel/types";
import { installSimulatedOffice, payloadOf, type SimLimits } from "../sim-excel";
import { cellDump, diffDumps, formWorkbook, planWorkbook, reload, seedWorkbook } from "./fixtures";
import { kb } from "./measure";

const SPECIAL = "1.17";
const FULL = "1.8";
const FULL_WITH_MERGES = "1.17 without 1.9";
const ja = { lang: "ja" as const };

interface Read {
  snapshot: WorkbookSnapshot;
  cellsRead: number;
  readSyncs: number;
  estimate: number;
  sim: number;
  largest: number;
}

/**
 * The sim as a host claiming `api`. FULL_WITH_MERGES is no real host: 1.17 without getSpecialCells
 * (1.9), so that the full read also reads merged areas and the two reads compare whole.
 */
function host(wb: ExcelJS.Workbook, api: string, limits?: Partial<SimLimits>) {
  const h = installSimulatedOffice(wb, { excelApi: api === FULL_WITH_MERGES ? "1.17" : api, limits });
  if (api === FULL_WITH_MERGES) {
    const claims = h.requirements.isSetSupported.bind(h.requirements);
    h.requirements.isSetSupported = (name, version) => String(version) !== "1.9" && claims(name, version);
  }
  return h;
}

/** readWorkbookSnapshot alone on `wb`, the sim claiming `excelApi`; a fresh task pane (no size hint). */
async function read(wb: ExcelJS.Workbook, excelApi: string, limits?: Partial<SimLimits>): Promise<Read> {
  resetSizeHint();
  const sim = host(wb, excelApi, limits);
  const meter = new SyncMeter();
  const out = await Excel.run((context) => readWorkbookSnapshot(context, meter));
  return {
    ...out,
    readSyncs: meter.readSyncs,
    estimate: meter.responseBytes,
    sim: payloadOf(sim.syncLog).responseBytes,
    largest: Math.max(...sim.syncLog.map((s) => s.responseBytes)),
  };
}

/** Merged areas need ExcelApi 1.13, which a 1.8 host does not have: everything else must agree. */
function withoutMerges(s: WorkbookSnapshot): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map(({ merges: _merges, ...rest }) => rest) };
}

const report: string[] = [];
afterAll(() =>
  console.log(
    `Special cells (ExcelApi ${SPECIAL}) vs full read (snapshots: ${FULL}; commands: ${FULL_WITH_MERGES}):\n` +
      report.join("\n"),
  ),
);

function line(name: string, special: Read, full: Read): string {
  return (
    `${name.padEnd(22)} response sim ${kb(special.sim)} vs ${kb(full.sim)} ` +
    `(est ${kb(special.estimate)} vs ${kb(full.estimate)}), read syncs ${special.readSyncs} vs ${full.readSyncs}`
  );
}

/** Formulas (cached results of each type), formats on numbers and on text, a merge, a date, an empty sheet. */
function oddCells(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Odd");
  const f = (formula: string, result?: unknown) => ({ formula, result }) as ExcelJS.CellFormulaValue;
  // The used range starts at C3.
  ws.getCell("C3").value = "見出し";
  ws.getCell("D3").value = 0.725;
  ws.getCell("D3").numFmt = "0.0%";
  ws.getCell("E3").value = 1090;
  ws.getCell("E3").numFmt = "#,##0";
  ws.getCell("F3").value = f("D3*2", 1.45);
  ws.getCell("F3").numFmt = "0.00%";
  ws.getCell("G3").value = f('C3&"!"', "見出し!");
  ws.getCell("G3").numFmt = "@";
  ws.getCell("H3").value = "028";
  ws.getCell("H3").numFmt = "@";
  ws.getCell("C4").value = true;
  ws.getCell("D4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E4").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("E4").numFmt = "yyyy/m/d";
  ws.getCell("F4").value = f("1/0", { error: "#DIV/0!" });
  ws.getCell("G4").value = 12;
  ws.getCell("G4").numFmt = "@";
  ws.getCell("D5").value = 3;
  // A formula the sim never computed reads as "" (no format: not a number).
  ws.getCell("H5").value = f("SUM(D3:E3)");
  ws.getCell("H5").numFmt = "#,##0";
  ws.getCell("C6").value = "結合";
  ws.mergeCells("C6:E6");
  ws.getCell("I7").numFmt = "0.0%"; // formatted, no value: outside the used range of values
  wb.addWorksheet("Empty");
  wb.addWorksheet("OnlyFormula").getCell("B2").value = f("1+1", 2);
  return wb;
}

describe("reading with special cells and reading in full give the same snapshot", () => {
  it("on cells of every kind", async () => {
    const wb = oddCells();
    const special = await read(wb, SPECIAL);
    const full = await read(wb, FULL);
    report.push(line("odd cells", special, full));
    expect(withoutMerges(special.snapshot)).toEqual(full.snapshot);
    expect(special.snapshot).toEqual((await read(wb, FULL_WITH_MERGES)).snapshot);
    const odd = special.snapshot.sheets[0];
    expect([odd.originRow, odd.originCol]).toEqual([2, 2]);
    expect(odd.merges).toEqual([{ top: 5, left: 2, bottom: 5, right: 4 }]);
    // Columns C to H, rows 3 to 6: formulas where there is one.
    expect(odd.formulas).toEqual([
      [null, null, null, "=D3*2", '=C3&"!"', null],
      [null, null, null, "=1/0", null, null],
      [null, null, null, null, null, "=SUM(D3:E3)"],
      [null, null, null, null, null, null],
    ]);
    // Formats of numbers only (a date is one); text and blanks have none, "General" is none.
    expect(odd.numberFormats).toEqual([
      [null, "0.0%", "#,##0", "0.00%", null, null],
      [null, null, "yyyy/m/d", null, "@", null],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
    ]);
    expect(special.snapshot.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ["Odd", 4],
      ["Empty", 0],
      ["OnlyFormula", 1],
    ]);
  });

  it.each([
    ["the seed pasted at A1", () => seedWorkbook()],
    ["the laid-out form (merged cells)", () => formWorkbook(28)],
  ])("on %s, and in halves when Excel refuses the response", async (name, make) => {
    const wb = make();
    const special = await read(wb, SPECIAL);
    const full = await read(wb, FULL);
    report.push(line(name, special, full));
    expect(withoutMerges(special.snapshot)).toEqual(full.snapshot);
    expect(special.snapshot).toEqual((await read(wb, FULL_WITH_MERGES)).snapshot);
    expect(special.sim).toBeLessThan(full.sim);
    // Rows read in halves (readLargeSheet, readRows) give the same snapshot on both paths.
    const splitSpecial = await read(wb, SPECIAL, { responseBytes: 6_000 });
    const splitFull = await read(wb, FULL, { responseBytes: 6_000 });
    expect(splitSpecial.readSyncs).toBeGreaterThan(2);
    expect(splitFull.readSyncs).toBeGreaterThan(2);
    expect(splitSpecial.snapshot).toEqual(special.snapshot);
    expect(splitFull.snapshot).toEqual(full.snapshot);
  });

  it("on the 240-sheet workbook, as handed in and after a fill", async () => {
    const wb = planWorkbook(120);
    const special = await read(wb, SPECIAL);
    const full = await read(wb, FULL);
    report.push(line("240 sheets", special, full));
    expect(withoutMerges(special.snapshot)).toEqual(full.snapshot);
    expect(special.snapshot).toEqual((await read(wb, FULL_WITH_MERGES)).snapshot);
    expect(special.cellsRead).toBe(full.cellsRead);
    // The adapter's estimate counts what the special cells really bring back.
    for (const r of [special, full]) {
      expect(r.estimate).toBeGreaterThan(r.sim * 0.8);
      expect(r.estimate).toBeLessThan(r.sim * 1.25);
    }
    expect(special.sim).toBeLessThan(full.sim * 0.5);

    resetSizeHint();
    installSimulatedOffice(wb);
    await createOperations().fill(ja);
    const filledSpecial = await read(wb, SPECIAL);
    const filledFull = await read(wb, FULL);
    report.push(line("240 sheets, filled", filledSpecial, filledFull));
    expect(withoutMerges(filledSpecial.snapshot)).toEqual(filledFull.snapshot);
    expect(filledSpecial.snapshot).toEqual((await read(wb, FULL_WITH_MERGES)).snapshot);
    // Our formulas are there on both paths.
    const formulas = filledSpecial.snapshot.sheets.flatMap((s) => (s.formulas ?? []).flat().filter(Boolean));
    expect(formulas.length).toBeGreaterThan(1000);
    expect(filledSpecial.readSyncs).toBe(2);
    expect(filledSpecial.largest).toBeLessThan(5 * 1024 * 1024);
  });
});

const summary = (r: OperationResult) => ({
  items: r.items,
  findings: r.findings,
  counts: r.counts,
  wrote: r.wrote,
  blockedReason: r.blockedReason,
  summarySheet: r.summarySheet,
  sheetsRead: r.stats.sheetsRead,
  cellsRead: r.stats.cellsRead,
  cellsWritten: r.stats.cellsWritten,
});

async function command(make: () => ExcelJS.Workbook, kind: OperationKind, excelApi: string) {
  resetSizeHint();
  const sim = host(make(), excelApi);
  const result = await createOperations()[kind](ja);
  const bytes = payloadOf(sim.syncLog);
  const dump = cellDump(await reload(await sim.exportXlsx()));
  return { result, bytes, dump, failed: sim.syncLog.filter((s) => s.error).length };
}

describe("every command gives the same result on both paths", () => {
  // Measured with the adapter before special cells (its full read, ExcelApi 1.17 and 1.8 alike).
  const BEFORE: Record<string, { items: number; error: number; warning: number; info: number }> = {
    seed: { items: 1, error: 0, warning: 2, info: 0 },
    form: { items: 1, error: 0, warning: 2, info: 0 },
    "240 sheets": { items: 120, error: 82, warning: 240, info: 0 },
  };
  const fixtures: Array<[string, () => ExcelJS.Workbook]> = [
    ["seed", () => seedWorkbook()],
    ["form", () => formWorkbook(28)],
    ["240 sheets", () => planWorkbook(120)],
  ];
  for (const [name, make] of fixtures)
    for (const kind of ["validate", "fill", "summary"] as const)
      it(`${kind} on ${name}`, async () => {
        const special = await command(make, kind, SPECIAL);
        const full = await command(make, kind, FULL_WITH_MERGES);
        const old = await command(make, kind, FULL);
        const s = special.result.stats;
        const f = full.result.stats;
        report.push(
          `${`${kind} ${name}`.padEnd(22)} syncs ${s.readSyncs}+${s.writeSyncs} vs ${f.readSyncs}+${f.writeSyncs}; ` +
            `response sim ${kb(special.bytes.responseBytes)} vs ${kb(full.bytes.responseBytes)} ` +
            `(est ${kb(s.responseBytes)} vs ${kb(f.responseBytes)}); ` +
            `request sim ${kb(special.bytes.requestBytes)} vs ${kb(full.bytes.requestBytes)}`,
        );
        expect([special.failed, full.failed, old.failed]).toEqual([0, 0, 0]);
        const { items, counts } = summary(special.result);
        expect({ items: items.length, ...counts }).toEqual(BEFORE[name]);
        // The same findings, items and writes as the full read, to the cell.
        expect(summary(special.result)).toEqual(summary(full.result));
        expect(diffDumps(full.dump, special.dump)).toEqual([]);
        // A 1.8 host reads no merged areas; its findings are the same all the same.
        expect(special.result.findings).toEqual(old.result.findings);
        expect(s.readSyncs).toBe(2);
        expect(s.writeSyncs).toBe(kind === "validate" ? 0 : 2);
        expect(s.requestBytes).toBeGreaterThan(f.requestBytes);
        expect(special.bytes.responseBytes).toBeLessThan(full.bytes.responseBytes);
        // Three runs of a command on 240 sheets: about 25 s of CPU, far more on a loaded machine.
      }, 240000);
});
