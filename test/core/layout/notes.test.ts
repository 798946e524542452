/**
 * Notes (※ or another configured mark) are notes wherever they stand, in a data row too, and never
 * remove a figure (domain.md, Values). Before, a note in the target cell of まちづくりセンター数, or far
 * right of it, made the row's labels reach over the figures: FY2015–2016 of the indicator vanished.
 */
import fc from "fast-check";
import type { Analysis } from "../../../src/core/model/analysis";
import { analyse } from "../../../src/core/engine";
import { DEFAULT_CONFIG, mergeConfig } from "../../../src/core/config/config";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { seedFormSheets, seedPastedSheet } from "../../../scripts/fixtures/seed-form";

const AS_OF = new Date(2026, 10, 24);
const run = (sheets: SheetSnapshot[], config = DEFAULT_CONFIG) =>
  analyse({ sheets }, config, { asOf: AS_OF });
const copy = (sheets: SheetSnapshot[]) => sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
const put = (s: SheetSnapshot, row: number, col: number, v: string) => {
  while (s.values.length <= row) s.values.push([]);
  const line = s.values[row];
  while (line.length <= col) line.push(null);
  line[col] = v;
};

/** Every figure, status and grade read, by indicator and year (not where: a note moves nothing). */
export function figuresRead(a: Analysis, withTargets = true) {
  return a.read.items.map((it) => ({
    no: it.no,
    indicators: it.indicators.map((ind) => ({
      name: ind.name,
      kind: ind.kind,
      baseline: ind.baseline.cell?.raw ?? null,
      years: ind.years.map((y) => [y.fiscalYear, y.plan?.raw ?? null, y.actual?.raw ?? null]),
      target: withTargets ? (ind.target.cell?.raw ?? null) : undefined,
    })),
    statuses: it.statuses.map((s) => [s.fiscalYear, s.status?.raw ?? null]),
    grades: it.grades.map((g) => [g.fiscalYear, g.grade?.raw ?? null]),
  }));
}

const codes = (a: Analysis) => a.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);

describe("a note beside the figures", () => {
  const base = run(seedFormSheets());

  it.each([
    ["in the target cell (N15)", 14, 13],
    ["right of the target (Q15)", 14, 16],
    ["far to the right (AE15)", 14, 30],
    ["in the name's row before the name (A15)", 14, 0],
  ])("%s keeps FY2015–2016 of まちづくりセンター数 and raises nothing new", (_, row, col) => {
    const sheets = copy(seedFormSheets());
    put(sheets[0], row, col, "※年度末時点の数");
    const a = run(sheets);
    expect(figuresRead(a, false)).toEqual(figuresRead(base, false));
    expect(a.computed[0].indicators[1].years.map((y) => y.fiscalYear)).toEqual([2015, 2016, 2017, 2018]);
    expect(codes(a)).toEqual(codes(base));
  });

  it("in the pasted seed's target cell keeps the figures too", () => {
    const p = seedPastedSheet();
    const b = run([p]);
    const s = copy([p]);
    put(s[0], 14, 7, "※年度末時点の数");
    put(s[0], 14, 12, "※センター数は年度末時点");
    const a = run(s);
    expect(figuresRead(a, false)).toEqual(figuresRead(b, false));
    expect(codes(a)).toEqual(codes(b));
  });

  it("a note where a figure goes is not the figure: the year reads as not entered", () => {
    const sheets = copy(seedFormSheets());
    put(sheets[0], 14, 11, "※集計中"); // L15, the FY2016 actual of the centres
    const a = run(sheets);
    const y = a.computed[0].indicators[1].years[1];
    expect([y.fiscalYear, y.actual, y.flag]).toEqual([2016, null, "未入力"]);
    expect(a.findings.some((f) => f.code === "value/not-a-number")).toBe(false);
  });

  it("uses the configured note marks (注:)", () => {
    const config = mergeConfig({ labels: { notePrefixes: ["※", "注:"] } });
    const sheets = copy(seedFormSheets());
    put(sheets[0], 14, 13, "注:年度末時点の数");
    expect(figuresRead(run(sheets, config), false)).toEqual(
      figuresRead(run(seedFormSheets(), config), false),
    );
  });
});

describe("figures typed with units", () => {
  /** The seed laid out, every figure of the centres typed with 箇所 and the attendees' with 人. */
  function withUnits(): SheetSnapshot[] {
    const sheets = copy(seedFormSheets());
    for (const s of sheets)
      for (const row of s.values)
        if (typeof row[1] === "string" && /センター数|受講者数/.test(row[1]))
          for (let c = 2; c < row.length; c++)
            if (typeof row[c] === "number")
              row[c] = `${(row[c] as number).toLocaleString("en")}${/センター/.test(row[1]) ? "箇所" : "人"}`;
    return sheets;
  }

  it("reads the numbers and keeps the years: no not-a-number, the same rates as plain figures", () => {
    const plain = run(seedFormSheets());
    const a = run(withUnits());
    const rates = (x: Analysis) =>
      x.computed[0].indicators.map((i) => [
        i.kind,
        i.periodRate,
        i.years.map((y) => [y.fiscalYear, y.plan, y.actual, y.flag]),
      ]);
    expect(rates(a)).toEqual(rates(plain));
    expect(a.computed[0].indicators.map((i) => i.indicator.unit)).toEqual(["人", "箇所"]);
    expect(codes(a)).toEqual(codes(plain));
  });

  it("warns, per cell, of a figure in another unit within one indicator", () => {
    const sheets = withUnits();
    sheets[1].values[15][7] = "54件"; // H16, FY2017 actual of the centres
    const a = run(sheets);
    expect(
      a.findings.filter((f) => f.code === "value/unit-mismatch").map((f) => `${f.sheet}!${f.cell}`),
    ).toEqual([`${sheets[1].name}!H16`]);
    expect(a.computed[0].indicators[1].years[2].actual).toBe(54);
  });

  it("property: a unit on any figure changes no figure read", () => {
    const sheets = seedFormSheets();
    const base = run(sheets);
    const numbers = (x: Analysis) =>
      x.computed.map((c) =>
        c.indicators.map((i) => [i.years.map((y) => [y.fiscalYear, y.plan, y.actual]), i.periodRate]),
      );
    const cells: Array<[number, number, number]> = [];
    sheets.forEach((s, si) =>
      s.values.forEach((row, r) => row.forEach((v, c) => typeof v === "number" && cells.push([si, r, c]))),
    );
    fc.assert(
      fc.property(
        fc.subarray(cells, { minLength: 1 }),
        fc.constantFrom("人", "箇所", " か所", "件", "百万円"),
        (picked, unit) => {
          const s = copy(sheets);
          for (const [si, r, c] of picked) s[si].values[r][c] = `${s[si].values[r][c] as number}${unit}`;
          expect(numbers(run(s))).toEqual(numbers(base));
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("property: no note or stray text anywhere changes another figure read", () => {
  const forms: Array<[string, () => SheetSnapshot[]]> = [
    ["laid out", () => seedFormSheets()],
    ["pasted", () => [seedPastedSheet()]],
  ];

  it.each(forms)("the seed %s, a note in any blank cell", (_, make) => {
    const sheets = make();
    const base = figuresRead(run(sheets));
    const blanks: Array<[number, number, number]> = [];
    sheets.forEach((s, si) => {
      const width = Math.max(...s.values.map((r) => r.length)) + 4;
      for (let r = 0; r < s.values.length + 2; r++)
        for (let c = 0; c < width; c++) if ((s.values[r]?.[c] ?? null) === null) blanks.push([si, r, c]);
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...blanks),
        fc.constantFrom("※年度末時点の数", "※平成29年度に見直し", "※ 1,152人は延べ人数", "※"),
        ([si, r, c], note) => {
          const s = copy(sheets);
          put(s[si], r, c, note);
          expect(figuresRead(run(s))).toEqual(base);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("the seed laid out, stray text in a blank row or far right of the form", () => {
    const sheets = seedFormSheets();
    const base = figuresRead(run(sheets));
    const spots: Array<[number, number, number]> = [];
    sheets.forEach((s, si) => {
      const width = Math.max(...s.values.map((r) => r.length));
      for (let r = 0; r < s.values.length; r++) {
        const blankRow = (s.values[r] ?? []).every((v) => v === null);
        for (let c = 0; c < width + 6; c++) if (blankRow ? c > 0 : c >= width + 3) spots.push([si, r, c]);
      }
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...spots),
        fc.constantFrom("担当メモ", "確認済", "要再確認(山田)"),
        ([si, r, c], text) => {
          const s = copy(sheets);
          put(s[si], r, c, text);
          expect(figuresRead(run(s))).toEqual(base);
        },
      ),
      { numRuns: 120 },
    );
  });
});
