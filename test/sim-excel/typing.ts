/**
 * Compile-time checks that the sim's proxies match @types/office-js where the adapter uses them:
 * each listed property of the Excel type must be assignable from the sim's (tsc fails otherwise).
 */
import type { SimRange, SimRangeAreas, SimRangeCollection } from "./range";
import type { SimRangeFill, SimRangeFont, SimRangeFormat } from "./range-format";
import type { SimWorksheet, SimWorksheetProtection } from "./worksheet";
import type { SimWorkbook } from "./workbook";

// A failed check gives `false` (not `never`: `true as never` would compile, and check nothing).
type Matches<Sim, Real, K extends keyof Real & keyof Sim> = {
  [P in K]: [Sim[P]] extends [Real[P]] ? true : false;
};
type AllTrue<T> = false extends T[keyof T] ? false : true;

/** Every way office-js's typings let the adapter call a method, the sim's method accepts. */
type AcceptsCalls<Sim extends (...args: never[]) => unknown, Args extends unknown[]> = [Args] extends [
  Parameters<Sim>,
]
  ? true
  : false;
type SpecialCellsEnumArgs = [Excel.SpecialCellType, Excel.SpecialCellValueType?];
type SpecialCellsStringArgs = Parameters<Excel.Range["getSpecialCellsOrNullObject"]>;

export const typingChecks: Array<true> = [
  true as AllTrue<
    Matches<
      SimRange,
      Excel.Range,
      | "address"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
      | "values"
      | "formulas"
      | "numberFormat"
      | "isNullObject"
    >
  >,
  true as AllTrue<
    Matches<SimRangeFormat, Excel.RangeFormat, "wrapText" | "columnWidth" | "useStandardWidth">
  >,
  true as AllTrue<Matches<SimRangeFill, Excel.RangeFill, "color">>,
  true as AllTrue<Matches<SimRangeFont, Excel.RangeFont, "bold" | "italic" | "color" | "size" | "name">>,
  true as AllTrue<
    Matches<SimRangeAreas, Excel.RangeAreas, "address" | "areaCount" | "cellCount" | "isNullObject">
  >,
  true as AllTrue<Matches<SimRangeCollection, Excel.RangeCollection, "isNullObject">>,
  true as AllTrue<
    Matches<
      SimRangeCollection["items"][number],
      Excel.RangeCollection["items"][number],
      "rowIndex" | "columnIndex" | "address" | "values" | "formulas" | "numberFormat"
    >
  >,
  true as AcceptsCalls<SimRange["getSpecialCells"], SpecialCellsEnumArgs>,
  true as AcceptsCalls<SimRange["getSpecialCells"], SpecialCellsStringArgs>,
  true as AcceptsCalls<SimRange["getSpecialCellsOrNullObject"], SpecialCellsEnumArgs>,
  true as AcceptsCalls<SimRange["getSpecialCellsOrNullObject"], SpecialCellsStringArgs>,
  true as AllTrue<Matches<SimWorksheet, Excel.Worksheet, "name" | "position" | "tabColor" | "isNullObject">>,
  true as AllTrue<Matches<SimWorksheetProtection, Excel.WorksheetProtection, "protected">>,
  true as AllTrue<Matches<SimWorkbook, Excel.Workbook, "readOnly" | "name">>,
];
