/**
 * The prints kept in our records (src/core/ownership/fingerprint.ts). A workbook filled by an
 * earlier version holds prints computed the long way: the one-pass pair must give the same digits.
 */
import fc from "fast-check";
import { EMPTY_PRINT, textPrintPair, valuePrint } from "../../src/core/ownership/fingerprint";
import { longPrint } from "../../src/core/plan/settings-plan";

describe("fingerprints", () => {
  it("the pair of a text is valuePrint of the text and of the text with a NUL after it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (t) => {
        expect(textPrintPair(t)).toEqual([valuePrint(t), valuePrint(`${t}\u0000`)]);
      }),
      { numRuns: 500 },
    );
    expect(textPrintPair("")).toEqual([EMPTY_PRINT, valuePrint("\u0000")]);
  });

  it("keeps the digits records already hold", () => {
    // Computed by the code before the one-pass pair: a change here would make every existing
    // record read as edited by staff.
    expect([valuePrint(1090), valuePrint("930(見込み)"), valuePrint(true), valuePrint(null)]).toEqual([
      "6ffb",
      "ce4c",
      "a934",
      "0000",
    ]);
    expect([longPrint(""), longPrint("0,1:6ffb;2,3:ffff;年度")]).toEqual(["0000bcf8", "0eec4244"]);
  });
});
