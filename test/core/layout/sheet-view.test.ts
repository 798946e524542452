/** The reader's view of a sheet: texts as the reader sees them, whether found by the scan or not. */
import { DEFAULT_CONFIG } from "../../../src/core/config/config";
import type { CellValue } from "../../../src/core/model/snapshot";
import { Grid } from "../../../src/core/grid/grid";
import { SheetView } from "../../../src/core/layout/sheet-view";
import { textClassifierFor } from "../../../src/core/layout/text-class";
import { cellText } from "../../../src/core/values/parse";

const viewOf = (values: CellValue[][]) =>
  new SheetView(
    new Grid({ name: "S", originRow: 0, originCol: 0, values }),
    textClassifierFor(DEFAULT_CONFIG),
    DEFAULT_CONFIG,
  );

describe("SheetView.text", () => {
  const values: CellValue[][] = [
    ["ＡＢＣ １２", "#N/A", "#n/a", 1090, "  ", null, "計画"],
    ["x".repeat(120), { error: "#REF!" }, "", "平成２７年度"],
  ];
  const view = viewOf(values);

  it("is the cell's text as cellText gives it, for every kind of cell", () => {
    for (let r = 0; r < values.length; r++)
      for (let c = 0; c < 8; c++) expect(view.text(r, c)).toBe(cellText(view.value(r, c)));
  });

  it("normalises full-width text and reads error literals as errors", () => {
    expect(view.text(0, 0)).toBe("ABC 12");
    expect(view.text(0, 1)).toBe("#N/A");
    expect(view.text(0, 3)).toBe("1090");
    expect(view.text(1, 3)).toBe("平成27年度");
    expect(view.text(5, 5)).toBe("");
  });

  it("gives nothing for a cell of an area we own (our numbers are not staff's)", () => {
    const title = DEFAULT_CONFIG.ownedAreaTitle;
    const owned = viewOf([
      ["計画", null, title, null],
      [null, null, "H27 達成率", "H27 判定"],
      [null, null, 0.5, "達成"],
    ]);
    expect(owned.ownedAreas.length).toBe(1);
    expect(owned.text(1, 2)).toBe("");
    expect(owned.text(2, 3)).toBe("");
    expect(owned.text(0, 0)).toBe("計画");
  });
});

describe("SheetView.load", () => {
  // The reader reads every sheet of a workbook into one view in turn: what it sees of a sheet must not
  // depend on the sheets read before it.
  const classifier = textClassifierFor(DEFAULT_CONFIG);
  const grid = (name: string, values: CellValue[][]) =>
    new Grid({ name, originRow: 0, originCol: 0, values });
  const title = DEFAULT_CONFIG.ownedAreaTitle;
  const sheets: Array<[string, CellValue[][]]> = [
    [
      "long",
      [
        ["No.", 28, "担当課", "市民協働課"],
        ["計画", "実績", "計画", "実績"],
        [null, null, title],
        [null, null, 1, 2],
      ],
    ],
    ["short", [[null, "計画"], ["平成２７年度"]]],
    ["empty", []],
    ["wide", [["x", "y", "z", "No.", "実績", "指標", "計画"]]],
  ];
  const seen = (v: SheetView) => ({
    name: v.name,
    labels: v.labels.map((l) => ({ ...l })),
    owned: [...v.ownedAreas],
    rows: Array.from({ length: v.rowCount + 1 }, (_, r) =>
      Array.from({ length: v.colCount + 1 }, (_, c) => [
        v.text(r, c),
        v.label(r, c)?.field ?? null,
        v.rowIsBlank(r),
      ]),
    ),
  });

  it("sees each sheet as a view built for it alone, in any order", () => {
    const fresh = sheets.map(([n, vs]) => seen(new SheetView(grid(n, vs), classifier, DEFAULT_CONFIG)));
    // The sheets differ in what a reused view could carry over: labels, an area of ours, rows.
    expect(fresh.map((f) => [f.labels.length, f.owned.length, f.rows.length])).toEqual([
      [6, 1, 5],
      [1, 0, 3],
      [0, 0, 1],
      [4, 0, 2],
    ]);
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [1, 0, 3, 0, 2, 1],
    ]) {
      let view: SheetView | null = null;
      for (const k of order) {
        const [n, vs] = sheets[k];
        view = view ? view.load(grid(n, vs)) : new SheetView(grid(n, vs), classifier, DEFAULT_CONFIG);
        expect(seen(view)).toEqual(fresh[k]);
      }
    }
  });
});
