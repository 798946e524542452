/**
 * Range.getSpecialCells (ExcelApi 1.9): which cells of a rectangle are formulas, constants (of
 * which value types) or blanks, grouped into rectangular areas.
 *
 * Grouping (the sim's choice; Excel's own grouping is not documented): each row's matching cells
 * are cut into runs of adjacent columns, and a run extends the area right above it when that area
 * ended on the previous row with exactly the same columns. Areas come top to bottom, then left to
 * right by where they start. Every matching cell is in exactly one area.
 */
import type * as ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/model/snapshot";
import { isHiddenByMerge } from "./cells";

export type SpecialCellTypeName = `${Excel.SpecialCellType}`;
export type SpecialCellValueTypeName = `${Excel.SpecialCellValueType}`;

/**
 * The enums office.js defines at run time, with @types/office-js's members and values: the globals
 * Excel.SpecialCellType and Excel.SpecialCellValueType (office.ts), and the names Range.getSpecialCells
 * accepts (range.ts).
 */
export const SpecialCellType: {
  [K in keyof typeof Excel.SpecialCellType]: `${(typeof Excel.SpecialCellType)[K]}`;
} = {
  conditionalFormats: "ConditionalFormats",
  dataValidations: "DataValidations",
  blanks: "Blanks",
  constants: "Constants",
  formulas: "Formulas",
  sameConditionalFormat: "SameConditionalFormat",
  sameDataValidation: "SameDataValidation",
  visible: "Visible",
};

export const SpecialCellValueType: {
  [K in keyof typeof Excel.SpecialCellValueType]: `${(typeof Excel.SpecialCellValueType)[K]}`;
} = {
  all: "All",
  errors: "Errors",
  errorsLogical: "ErrorsLogical",
  errorsNumbers: "ErrorsNumbers",
  errorsText: "ErrorsText",
  errorsLogicalNumber: "ErrorsLogicalNumber",
  errorsLogicalText: "ErrorsLogicalText",
  errorsNumberText: "ErrorsNumberText",
  logical: "Logical",
  logicalNumbers: "LogicalNumbers",
  logicalText: "LogicalText",
  logicalNumbersText: "LogicalNumbersText",
  numbers: "Numbers",
  numbersText: "NumbersText",
  text: "Text",
};

/** The value types Excel tells apart for special cells. */
export type ValueKind = "Errors" | "Logical" | "Numbers" | "Text";

/** What the special-cells search sees in a cell: nothing, or a formula/constant of a value type. */
export type CellKind = null | { formula: boolean; kind: ValueKind };

/** The types the sim can answer; the others need state it does not keep (validation, visibility). */
export const SIMULATED_TYPES: readonly SpecialCellTypeName[] = ["Formulas", "Constants", "Blanks"];

/** "ErrorsLogicalNumber", "NumbersText", "All" … → the value kinds it names. */
export function valueKinds(valueType: SpecialCellValueTypeName | undefined): Set<ValueKind> {
  if (valueType === undefined || valueType === "All")
    return new Set<ValueKind>(["Errors", "Logical", "Numbers", "Text"]);
  const out = new Set<ValueKind>();
  for (const word of valueType.match(/Errors|Logical|Numbers?|Text/g) ?? [])
    out.add(word.startsWith("Number") ? "Numbers" : (word as ValueKind));
  return out;
}

function kindOfScalar(v: unknown): ValueKind {
  if (typeof v === "number" || v instanceof Date) return "Numbers";
  if (typeof v === "boolean") return "Logical";
  if (v && typeof v === "object" && "error" in v) return "Errors";
  return "Text";
}

/**
 * A cell as the search sees it. A merged area's other cells are blank, as in Excel. A formula's
 * type is that of its cached result; one the sim never computed reads as "" and counts as text.
 */
export function cellKind(cell: ExcelJS.Cell | undefined): CellKind {
  if (!cell || isHiddenByMerge(cell)) return null;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return { formula: true, kind: r === undefined || r === null ? "Text" : kindOfScalar(r) };
  }
  return { formula: false, kind: kindOfScalar(v) };
}

export function matcher(
  type: SpecialCellTypeName,
  valueType: SpecialCellValueTypeName | undefined,
): (k: CellKind) => boolean {
  const kinds = valueKinds(valueType);
  switch (type) {
    case "Formulas":
      return (k) => k !== null && k.formula && kinds.has(k.kind);
    case "Constants":
      return (k) => k !== null && !k.formula && kinds.has(k.kind);
    case "Blanks":
      return (k) => k === null;
    default:
      throw new Error(`getSpecialCells(${type}) is not simulated`);
  }
}

/**
 * The areas of `box` whose cells match. Non-blank types visit only the cells ExcelJS holds, so a
 * whole-sheet range is cheap; blanks are looked for where cells are (`within`, the used range).
 */
export function specialAreas(
  ws: ExcelJS.Worksheet,
  box: CellRange,
  type: SpecialCellTypeName,
  valueType: SpecialCellValueTypeName | undefined,
  within: CellRange | null,
): CellRange[] {
  const match = matcher(type, valueType);
  const rowsOfColumns = new Map<number, number[]>();
  if (type === "Blanks") {
    if (!within) return [];
    const top = Math.max(box.top, within.top);
    const bottom = Math.min(box.bottom, within.bottom);
    const left = Math.max(box.left, within.left);
    const right = Math.min(box.right, within.right);
    for (let i = top; i <= bottom; i++) {
      const line = ws.findRow(i + 1);
      const cols: number[] = [];
      for (let j = left; j <= right; j++) if (match(cellKind(line?.findCell(j + 1)))) cols.push(j);
      if (cols.length) rowsOfColumns.set(i, cols);
    }
  } else {
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const i = rowNumber - 1;
      if (i < box.top || i > box.bottom) return;
      const cols: number[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const j = colNumber - 1;
        if (j >= box.left && j <= box.right && match(cellKind(cell))) cols.push(j);
      });
      if (cols.length)
        rowsOfColumns.set(
          i,
          cols.sort((a, b) => a - b),
        );
    });
  }
  return groupAreas(rowsOfColumns);
}

/** Row → sorted matching columns, to rectangles: runs per row, stacked when their columns agree. */
export function groupAreas(rowsOfColumns: Map<number, number[]>): CellRange[] {
  const out: CellRange[] = [];
  let open = new Map<string, CellRange>();
  for (const i of [...rowsOfColumns.keys()].sort((a, b) => a - b)) {
    const cols = rowsOfColumns.get(i) ?? [];
    const next = new Map<string, CellRange>();
    for (let k = 0; k < cols.length;) {
      let end = k;
      while (end + 1 < cols.length && cols[end + 1] === cols[end] + 1) end++;
      const left = cols[k];
      const right = cols[end];
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === i - 1) {
        above.bottom = i;
        next.set(key, above);
      } else {
        const area = { top: i, left, bottom: i, right };
        out.push(area);
        next.set(key, area);
      }
      k = end + 1;
    }
    open = next;
  }
  return out;
}
