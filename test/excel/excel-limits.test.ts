/**
 * Limits of real Excel that a pasted multi-form workbook reaches, as Microsoft documents them, in the
 * simulated Excel and through the adapter:
 *  - Range.getMergedAreasOrNullObject "will fail to return the result" past 512 merged areas (Range
 *    reference, learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member-1)
 *    and returns only areas whose top-left cell is in the range (OfficeDev/office-js#3611);
 *  - a get on one range is limited to 5 million cells: RangeExceedsLimit ("Resource limits and
 *    performance optimization", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 *    and newer hosts answer with values null instead (OfficeDev/office-js#4783, #6781).
 */
import * as ExcelJS from "exceljs";
import type { CellRange, SheetSnapshot } from "../../src/core/model/snapshot";
import { createOperations } from "../../src/excel/operations";
import { mergeBands, readWorkbookSnapshot, resetSizeHint } from "../../src/excel/read-workbook";
import { SyncMeter } from "../../src/excel/sync-meter";
import { installSimulatedOffice, type SimLimits } from "../sim-excel";
import { codeOf, formSheets, seedSnapshot, writeSnapshot } from "./fixtures";
import { seedFormSheets, seedIndicators } from "../../scripts/fixtures/seed-form";

const ja = { lang: "ja" as const };

beforeEach(() => resetSizeHint());

/** `copies` forms (items 1..copies, 70-odd merged areas each) stacked on one sheet, as staff paste them. */
function stackedForms(copies: number): SheetSnapshot {
  const values: SheetSnapshot["values"] = [];
  const merges: CellRange[] = [];
  for (let k = 0; k < copies; k++) {
    const form = formSheets(k + 1)[0];
    const at = values.length;
    const width = Math.max(0, ...form.values.map((r) => r.length));
    values.push(...form.values.map((r) => [...r, ...Array<null>(Math.max(0, width - r.length)).fill(null)]));
    values.push([]);
    for (const m of form.merges ?? []) merges.push({ ...m, top: m.top + at, bottom: m.bottom + at });
  }
  return { name: "貼付", originRow: 0, originCol: 0, values, formulas: [], numberFormats: [], merges };
}

function key(r: CellRange): string {
  return `${r.top},${r.left},${r.bottom},${r.right}`;
}

async function read(wb: ExcelJS.Workbook, limits?: Partial<SimLimits>) {
  const host = installSimulatedOffice(wb, { limits });
  const meter = new SyncMeter();
  const out = await Excel.run((context) => readWorkbookSnapshot(context, meter));
  return { out, meter, host };
}

describe("more than 512 merged areas on a sheet", () => {
  const sheet = stackedForms(20);

  it("the simulated Excel fails a whole-sheet lookup, as the Range reference says", async () => {
    expect(sheet.merges?.length).toBeGreaterThan(1000);
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, sheet);
    installSimulatedOffice(wb);
    // What the adapter did before: one getMergedAreasOrNullObject of the whole sheet.
    const code = await codeOf(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("貼付").getRange().getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    );
    expect(code).toBe("GeneralException");
  });

  it("only areas whose top-left cell is in the range (office-js#3611)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").mergeCells("B2:D4");
    installSimulatedOffice(wb);
    const found = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const inside = ws.getRange("A1:B2").getMergedAreasOrNullObject();
      const overlapping = ws.getRange("C3:E6").getMergedAreasOrNullObject();
      inside.load("address");
      overlapping.load("address");
      await context.sync();
      return { inside: inside.isNullObject ? null : inside.address, overlapping: overlapping.isNullObject };
    });
    expect(found).toEqual({ inside: "S!B2:D4", overlapping: true });
  });

  it("reads every merged area in bands, 2 read syncs, on a fresh pane and again", async () => {
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, sheet);
    const first = await read(wb);
    const got = first.out.snapshot.sheets[0].merges ?? [];
    expect(got.map(key).sort()).toEqual((sheet.merges ?? []).map(key).sort());
    expect(first.meter.readSyncs).toBe(2);
    expect(first.host.syncLog.filter((s) => s.error)).toEqual([]);

    // The next read sizes its bands from this one: still 2 syncs, none refused, fewer bands.
    const meter = new SyncMeter();
    const again = await Excel.run((context) => readWorkbookSnapshot(context, meter));
    expect((again.snapshot.sheets[0].merges ?? []).length).toBe(got.length);
    expect(meter.readSyncs).toBe(2);
  });

  it("a band over 512 after all (a sheet grown since): merges read apart, nothing lost", async () => {
    // The last read saw a sheet of that name with no merges: one band for the whole sheet.
    const small = new ExcelJS.Workbook();
    writeSnapshot(small, seedSnapshot("貼付"));
    await read(small);
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, sheet);
    const { out, meter, host } = await read(wb);
    expect(host.syncLog.some((s) => s.error === "GeneralException")).toBe(true);
    expect((out.snapshot.sheets[0].merges ?? []).map(key).sort()).toEqual(
      (sheet.merges ?? []).map(key).sort(),
    );
    // The refused batch, the sheet without merges, the merges alone.
    expect(meter.readSyncs).toBe(4);
  });

  it("validate on the pasted sheet finds the 20 items instead of failing the workbook", async () => {
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, sheet);
    installSimulatedOffice(wb);
    const res = await createOperations().validate(ja);
    expect(res.items.length).toBe(20);
    expect(res.stats.readSyncs).toBe(2);
  });

  it("bands cover every row once, the last to the end of the sheet", () => {
    for (const bands of [
      mergeBands(undefined),
      mergeBands(undefined, 1, 240),
      mergeBands({ bottom: 599, right: 11 }),
      mergeBands({ bottom: 599, right: 11 }, 8),
      mergeBands({ bottom: 599, right: 11, mergeTops: Array.from({ length: 1400 }, (_, i) => i >> 1) }),
    ]) {
      expect(bands[0].top).toBe(0);
      expect(bands[bands.length - 1].bottom).toBe(1048575);
      bands.slice(1).forEach((b, i) => expect(b.top).toBe(bands[i].bottom + 1));
    }
    // 240 sheets never read: 3 bands each, not 32.
    expect(mergeBands(undefined, 1, 240)).toHaveLength(3);
    // From the last read's 1,400 merges: bands of at most 256 of them.
    expect(
      mergeBands({ bottom: 699, right: 11, mergeTops: Array.from({ length: 1400 }, (_, i) => i >> 1) }),
    ).toHaveLength(6);
  });
});

describe("the 5 million cells limit of a get on one range", () => {
  function twoSheets(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    writeSnapshot(wb, seedSnapshot("A"));
    writeSnapshot(wb, seedSnapshot("B"));
    return wb;
  }

  it.each(["error", "null"] as const)(
    "a sheet over the (shrunk) limit is read by rows, the same snapshot (over the limit: %s)",
    async (overCells) => {
      const whole = await read(twoSheets());
      resetSizeHint();
      const split = await read(twoSheets(), { cells: 300, overCells });
      expect(split.out.snapshot).toEqual(whole.out.snapshot);
      expect(split.out.cellsRead).toBe(whole.out.cellsRead);
      if (overCells === "error")
        expect(split.host.syncLog.some((s) => s.error === "RangeExceedsLimit")).toBe(true);
      // null values: no refused sync, only more of them.
      else expect(split.host.syncLog.filter((s) => s.error)).toEqual([]);
      expect(split.meter.readSyncs).toBeGreaterThan(2);
    },
  );

  it("values null costs a sync only when it happens: 2 read syncs under the limit", async () => {
    const r = await read(twoSheets(), { overCells: "null" });
    expect(r.meter.readSyncs).toBe(2);
  });

  it("the simulated Excel: values come back null, no error, on a host that does so", async () => {
    const wb = twoSheets();
    installSimulatedOffice(wb, { limits: { cells: 10, overCells: "null" } });
    const values = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("A").getRange("A1:E5").load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toBeNull();
  });
});

describe("sheet names Excel does not read bare (H27, FY2016, R1C1, TRUE)", () => {
  const names = ["H27", "FY2016", "R1C1", "TRUE"];

  function workbook(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const sheets = [
      ...seedFormSheets({ no: 1, indicators: seedIndicators(), sheetNames: ["H27", "FY2016"] }),
      ...seedFormSheets({ no: 2, indicators: seedIndicators(), sheetNames: ["R1C1", "TRUE"] }),
    ];
    for (const s of sheets) writeSnapshot(wb, s);
    return wb;
  }

  it.each(names)("the simulated Excel refuses a bare %s! in a formula, a link and a name", async (name) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(name);
    wb.addWorksheet("S");
    installSimulatedOffice(wb);
    const attempt = (queue: (ws: Excel.Worksheet, context: Excel.RequestContext) => void) =>
      codeOf(() =>
        Excel.run(async (context) => {
          queue(context.workbook.worksheets.getItem("S"), context);
          await context.sync();
        }),
      );
    expect(await attempt((ws) => (ws.getRange("A1").formulas = [[`=SUM(${name}!F15,1)`]]))).toBe(
      "InvalidArgument",
    );
    expect(
      await attempt(
        (ws) => (ws.getRange("A1").hyperlink = { documentReference: `${name}!N4`, textToDisplay: "x" }),
      ),
    ).toBe("InvalidArgument");
    expect(await attempt((_ws, context) => context.workbook.names.add("N", `=${name}!$A$1`))).toBe(
      "InvalidArgument",
    );
    // Quoted, an apostrophe doubled, and inside a string literal: all fine.
    expect(await attempt((ws) => (ws.getRange("A1").formulas = [[`=SUM('${name}'!F15,1)`]]))).toBeNull();
    expect(await attempt((ws) => (ws.getRange("A2").formulas = [[`="${name}!F15"`]]))).toBeNull();
    expect(
      await attempt(
        (ws) => (ws.getRange("A3").hyperlink = { documentReference: `'${name}'!N4`, textToDisplay: "x" }),
      ),
    ).toBeNull();
  });

  it("fill and summary write every formula and link with the names quoted", async () => {
    const host = installSimulatedOffice(workbook());
    const ops = createOperations();
    const fill = await ops.fill(ja);
    expect(fill.wrote).toBe(true);
    const summary = await ops.summary(ja);
    expect(summary.wrote).toBe(true);
    expect(host.syncLog.filter((s) => s.error)).toEqual([]);
    const ws = host.book.sheetByName(summary.summarySheet ?? "");
    const links: string[] = [];
    ws?.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { hyperlink?: string } | null;
        if (v && typeof v === "object" && v.hyperlink) links.push(v.hyperlink);
      }),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^#'[^']+'!/);
    // The fill's formulas that reach into another sheet name it quoted.
    const crossSheet: string[] = [];
    for (const w of host.book.sheets())
      w.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula && c.formula.includes("!")) crossSheet.push(c.formula);
        }),
      );
    expect(crossSheet.length).toBeGreaterThan(0);
    for (const f of crossSheet) expect(f).not.toMatch(/(^|[(,])(H27|FY2016|R1C1|TRUE)!/);
  });
});
