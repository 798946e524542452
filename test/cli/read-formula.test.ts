import { shiftFormula } from "../../src/cli/read/formula";

/** Shared formulas (ECMA-376 Part 1, 18.3.1.40): the master's text moved to each cell of the group. */
describe("shiftFormula", () => {
  test.each([
    ["A1*2+$A$1", 1, 0, "A2*2+$A$1"],
    ["SUM(B2:C3)", 2, 1, "SUM(C4:D5)"],
    ["$B2+B$2", 1, 1, "$B3+C$2"],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ["'H27-28 A1'!A1+Sheet2!B1", 0, 1, "'H27-28 A1'!B1+Sheet2!C1"],
    ["LOG10(A1)+ATAN2(A1,B1)", 1, 0, "LOG10(A2)+ATAN2(A2,B2)"],
    ["Table1[Col A1]+A1", 1, 0, "Table1[Col A1]+A2"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["1.5E+3+A1", 1, 0, "1.5E+3+A2"],
    ["H27!A1", 1, 0, "H27!A2"],
  ])("%s moved by (%i, %i) is %s", (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});
