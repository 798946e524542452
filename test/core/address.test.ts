import { columnIndex, columnLetters, parseA1, toA1 } from "../../src/core/grid/address";

describe("A1 addresses", () => {
  it("round-trips columns across the one-, two- and three-letter boundaries", () => {
    for (const c of [0, 25, 26, 701, 702, 16383]) expect(columnIndex(columnLetters(c))).toBe(c);
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
  });
  it("parses and prints cells", () => {
    expect(toA1(13, 3)).toBe("D14");
    expect(parseA1("$D$14")).toEqual({ row: 13, col: 3 });
    expect(parseA1("'集計'!B2")).toEqual({ row: 1, col: 1 });
  });
});
