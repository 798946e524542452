/**
 * Compile-time checks that the sim's proxies match @types/office-js where the adapter uses them:
 * each listed property of the Excel type must be assignable from the sim's (tsc fails otherwise).
 */
import type { SimRange, SimRangeAreas } from "./range";
import type { SimRangeFill, SimRangeFont, SimRangeFormat } from "./range-format";
import type { SimWorksheet, SimWorksheetProtection } from "./worksheet";
import type { SimWorkbook } from "./workbook";

type Matches<Sim, Real, K extends keyof Real & keyof Sim> = {
  [P in K]: Sim[P] extends Real[P] ? true : never;
};
type AllTrue<T> = T[keyof T] extends true ? true : never;

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
  true as AllTrue<Matches<SimRangeFormat, Excel.RangeFormat, "wrapText" | "columnWidth">>,
  true as AllTrue<Matches<SimRangeFill, Excel.RangeFill, "color">>,
  true as AllTrue<Matches<SimRangeFont, Excel.RangeFont, "bold" | "italic" | "color" | "size" | "name">>,
  true as AllTrue<Matches<SimRangeAreas, Excel.RangeAreas, "address" | "areaCount" | "isNullObject">>,
  true as AllTrue<Matches<SimWorksheet, Excel.Worksheet, "name" | "position" | "tabColor" | "isNullObject">>,
  true as AllTrue<Matches<SimWorksheetProtection, Excel.WorksheetProtection, "protected">>,
  true as AllTrue<Matches<SimWorkbook, Excel.Workbook, "readOnly" | "name">>,
];
