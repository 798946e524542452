/**
 * Range, and the RangeAreas it gives (merged areas, special cells) with their `areas` collection;
 * formats and conditional formats live in their own modules.
 */
import type * as ExcelJS from "exceljs";
import { rangeToA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/model/snapshot";
import { SimProxy, itemsLoadResult, loadResult, type SimContext } from "./context";
import { simError } from "./errors";
import { officeFormula, officeNumberFormat, officeValue, restyle, writeInput } from "./cells";
import { SimConditionalFormatCollection } from "./conditional-formats";
import {
  cellsOf,
  contains,
  intersects,
  mergedAreas,
  misreadSheetReference,
  sheetAddress,
  usedRect,
} from "./geometry";
import { SimRangeFormat } from "./range-format";
import { SimDataValidation } from "./data-validation";
import {
  SIMULATED_TYPES,
  SpecialCellType,
  SpecialCellValueType,
  specialAreas,
  type SpecialCellTypeName,
  type SpecialCellValueTypeName,
} from "./special-cells";
import type { SimWorksheet } from "./worksheet";

export { intersects, mergedAreas, sheetAddress };

export class SimRange extends SimProxy {
  private rect: CellRange | null | undefined;
  readonly format: SimRangeFormat;
  readonly conditionalFormats: SimConditionalFormatCollection;
  private validation: SimDataValidation | null = null;

  constructor(
    context: SimContext,
    readonly worksheet: SimWorksheet,
    private readonly locate: () => CellRange | null,
    path: string,
  ) {
    super(context, path);
    this.format = new SimRangeFormat(context, this);
    this.conditionalFormats = new SimConditionalFormatCollection(context, this);
  }

  /** ExcelApi 1.8; made when first asked for, so that older hosts fail only when it is used. */
  get dataValidation(): SimDataValidation {
    this.validation ??= new SimDataValidation(this.context, this);
    return this.validation;
  }

  /** The rectangle, fixed the first time the batch reaches this range (null for a null object). */
  where(): CellRange | null {
    if (this.rect === undefined) this.rect = this.locate();
    return this.rect;
  }

  protected override isNull(): boolean {
    return this.worksheet.target() === null || this.where() === null;
  }

  /** Used by *OrNullObject creators so isNullObject can be read after sync. */
  track(): this {
    this.trackNull();
    return this;
  }

  ws(): ExcelJS.Worksheet {
    const ws = this.worksheet.target();
    if (!ws) throw simError.itemNotFound(this.path);
    return ws;
  }

  box(): CellRange {
    const r = this.where();
    if (!r) throw simError.invalidObjectPath(this.path);
    return r;
  }

  cell(row: number, col: number): ExcelJS.Cell {
    return this.ws().getCell(row + 1, col + 1);
  }

  /** A cell for reading: never creates one (ExcelJS's getCell would). */
  peek(row: number, col: number): ExcelJS.Cell | undefined {
    return this.ws()
      .findRow(row + 1)
      ?.findCell(col + 1);
  }

  forEachCell(fn: (c: ExcelJS.Cell, i: number, j: number) => void): void {
    const r = this.box();
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) fn(this.cell(i, j), i - r.top, j - r.left);
  }

  /** A write that Excel refuses on a protected sheet or a read-only workbook. */
  write(describe: unknown, run: () => void): void {
    this.act(describe, () => {
      const ws = this.ws();
      if (this.worksheet.book.refusesWrites) throw simError.accessDenied(this.path);
      if (this.worksheet.book.isProtected(ws)) throw simError.accessDenied(this.path);
      run();
    });
  }

  protected scalarProps(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "cellCount",
      "values",
      "formulas",
      "numberFormat",
      "columnHidden",
    ];
  }

  /**
   * A property with a value per cell. A get over the cells limit of a range (5 million, "Resource
   * limits and performance optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/
   * concepts/resource-limits-and-performance-optimization#excel-add-ins) fails the batch with
   * RangeExceedsLimit, or on newer hosts (overCells "null") comes back as null without an error
   * (OfficeDev/office-js#4783: "trying to get .text or .values returns null").
   */
  private grid<T>(fn: (c: ExcelJS.Cell | undefined) => T): T[][] | null {
    const r = this.box();
    const limits = this.worksheet.book.limits;
    this.context.cellsLoaded += cellsOf(r);
    if (cellsOf(r) > limits.cells) {
      if (limits.overCells === "null") return null;
      throw simError.rangeExceedsLimit(cellsOf(r), this.path);
    }
    const ws = this.ws();
    const out: T[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const line = ws.findRow(i + 1);
      const row: T[] = [];
      for (let j = r.left; j <= r.right; j++) row.push(fn(line?.findCell(j + 1)));
      out.push(row);
    }
    return out;
  }

  protected readProp(prop: string): unknown {
    const r = this.box();
    switch (prop) {
      case "address":
        return sheetAddress(this.ws().name, r);
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "cellCount":
        return cellsOf(r);
      case "values":
        return this.grid(officeValue);
      case "formulas":
        return this.grid(officeFormula);
      case "numberFormat":
        return this.grid(officeNumberFormat);
      case "columnHidden": {
        // Office.js: true when every column of the range is hidden.
        const ws = this.ws();
        for (let c = r.left; c <= r.right; c++) if (!ws.getColumn(c + 1).hidden) return false;
        return true;
      }
      case "text":
        return this.grid((c) => c?.text ?? "");
      case "hyperlink": {
        const v = this.cell(r.top, r.left).value as ExcelJS.CellHyperlinkValue | null;
        if (v && typeof v === "object" && "hyperlink" in v) {
          const link = String(v.hyperlink);
          return link.startsWith("#")
            ? { documentReference: link.slice(1), textToDisplay: v.text }
            : { address: link, textToDisplay: v.text };
        }
        return null;
      }
      default:
        throw simError.invalidArgument(`${this.path}.${prop}`);
    }
  }

  get address(): string {
    return this.value("address");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  get cellCount(): number {
    return this.value("cellCount");
  }
  get text(): string[][] {
    return this.value("text");
  }

  get values(): unknown[][] {
    return this.value("values");
  }
  set values(v: unknown[][]) {
    this.setGrid("values", v, (c, x) => writeInput(c, x));
  }

  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(v: unknown[][]) {
    this.setGrid("formulas", v, (c, x) => writeInput(c, x));
  }

  get numberFormat(): unknown[][] {
    return this.value("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.setGrid("numberFormat", v, (c, x) => {
      if (x === null || x === undefined) return;
      restyle(c, (s) => {
        // "" resets to General, as in Excel.
        s.numFmt = String(x) === "General" || String(x) === "" ? undefined : String(x);
      });
    });
  }

  /**
   * Range.columnHidden (ExcelApi 1.2): setting it hides or shows the entire columns of the range
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member).
   */
  get columnHidden(): boolean {
    return this.value("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.forget("columnHidden");
    this.write({ set: this.path, columnHidden: hidden }, () => {
      const r = this.box();
      for (let c = r.left; c <= r.right; c++) this.ws().getColumn(c + 1).hidden = hidden;
    });
  }

  get hyperlink(): Excel.RangeHyperlink {
    return this.value("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.forget("hyperlink");
    this.write({ set: this.path, hyperlink: link }, () => {
      // "#H27!N4" does not take Excel to sheet H27: the name must be quoted ('H27'!N4).
      const bare = link.documentReference ? misreadSheetReference(link.documentReference) : null;
      if (bare) throw simError.invalidArgument(`documentReference ${link.documentReference}`);
      const target = link.documentReference ? `#${link.documentReference}` : (link.address ?? "");
      this.forEachCell((c, i, j) => {
        const text = i === 0 && j === 0 ? (link.textToDisplay ?? officeValue(c)) : officeValue(c);
        c.value = { text: String(text), hyperlink: target } as ExcelJS.CellHyperlinkValue;
      });
    });
  }

  /** Excel accepts a 2-D array of the range's shape, or one value for every cell. */
  private setGrid(prop: string, v: unknown[][], put: (c: ExcelJS.Cell, x: unknown) => void): void {
    this.forget(prop);
    this.write({ set: this.path, [prop]: v }, () => {
      const r = this.box();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      const scalar = !Array.isArray(v);
      if (!scalar && (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)))
        throw simError.invalidArgument(`${this.path}.${prop} (${rows}×${cols} expected)`);
      this.forEachCell((c, i, j) => put(c, scalar ? v : v[i][j]));
    });
  }

  merge(across = false): void {
    this.write({ call: "merge", path: this.path, across }, () => {
      const r = this.box();
      const ws = this.ws();
      if (across)
        for (let i = r.top; i <= r.bottom; i++) ws.mergeCells(i + 1, r.left + 1, i + 1, r.right + 1);
      else {
        this.unmergeAll(ws, r);
        ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
      }
    });
  }

  unmerge(): void {
    this.write({ call: "unmerge", path: this.path }, () => this.unmergeAll(this.ws(), this.box()));
  }

  private unmergeAll(ws: ExcelJS.Worksheet, r: CellRange): void {
    for (const m of mergedAreas(ws))
      if (intersects(m, r)) ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" = "All"): void {
    this.write({ call: "clear", path: this.path, applyTo }, () => {
      const r = this.box();
      const ws = this.ws();
      const all = applyTo === "All";
      if (all || applyTo === "Formats") {
        this.unmergeAll(ws, r);
        const extras = this.worksheet.book.extrasOf(ws);
        extras.conditionalFormats = extras.conditionalFormats.filter((cf) => !contains(r, cf.range));
      }
      this.forEachCell((c) => {
        if (all || applyTo === "Contents") c.value = null;
        if (applyTo === "Hyperlinks" && c.value && typeof c.value === "object" && "hyperlink" in c.value)
          c.value = officeValue(c);
        if (all || applyTo === "Formats") c.style = {} as ExcelJS.Style;
      });
    });
  }

  select(): void {
    this.act({ call: "select", path: this.path }, () => {
      const ws = this.ws();
      const book = this.worksheet.book;
      if (book.activeSheetId !== ws.id)
        throw simError.invalidOperation("Select works on the active worksheet.", this.path);
      book.selection = { sheet: ws.name, address: rangeToA1(this.box()) };
    });
  }

  /**
   * ExcelApi 1.13. Only the merged areas whose top-left cell lies in the range
   * (OfficeDev/office-js#3611, "will only return merged areas whose top left cell exists in the range
   * passed"); more than 512 of them fail the batch (the Range reference: "if the merged areas count
   * in this range is more than 512, then this method will fail to return the result").
   */
  getMergedAreasOrNullObject(): SimRangeAreas {
    this.worksheet.requireApi("getMergedAreasOrNullObject", "1.13");
    const method = "getMergedAreasOrNullObject()";
    return new SimRangeAreas(this.context, this, method, () => {
      const r = this.box();
      const found = mergedAreas(this.ws())
        .filter((m) => contains(r, { top: m.top, left: m.left, bottom: m.top, right: m.left }))
        .sort((a, b) => a.top - b.top || a.left - b.left);
      if (found.length > this.worksheet.book.limits.mergedAreas)
        throw simError.tooManyMergedAreas(found.length, `${this.path}.${method}`);
      return found;
    }).track();
  }

  /** ExcelApi 1.9. No matching cell: the batch fails with ItemNotFound at sync. */
  getSpecialCells(cellType: SpecialCellTypeArg, cellValueType?: SpecialCellValueTypeArg): SimRangeAreas {
    return this.specialCells("getSpecialCells", cellType, cellValueType).mustExist();
  }

  /** ExcelApi 1.9. No matching cell: isNullObject after sync. */
  getSpecialCellsOrNullObject(
    cellType: SpecialCellTypeArg,
    cellValueType?: SpecialCellValueTypeArg,
  ): SimRangeAreas {
    return this.specialCells("getSpecialCellsOrNullObject", cellType, cellValueType).track();
  }

  private specialCells(
    method: string,
    cellType: SpecialCellTypeArg,
    cellValueType: SpecialCellValueTypeArg | undefined,
  ): SimRangeAreas {
    this.worksheet.requireApi(method, "1.9");
    const type = `${cellType}` as SpecialCellTypeName;
    const valueType =
      cellValueType === undefined ? undefined : (`${cellValueType}` as SpecialCellValueTypeName);
    const args = valueType ? `${type},${valueType}` : type;
    if (!SPECIAL_CELL_TYPES.includes(type)) throw simError.invalidArgument(`${this.path}.${method}(${args})`);
    if (valueType !== undefined && !SPECIAL_CELL_VALUE_TYPES.includes(valueType))
      throw simError.invalidArgument(`${this.path}.${method}(${args})`);
    if (!SIMULATED_TYPES.includes(type)) throw new Error(`The simulated Excel has no ${method}(${type}).`);
    return new SimRangeAreas(this.context, this, `${method}(${args})`, () => {
      const ws = this.ws();
      return specialAreas(ws, this.box(), type, valueType, usedRect(ws, false));
    });
  }

  getCell(row: number, col: number): SimRange {
    return new SimRange(
      this.context,
      this.worksheet,
      () => {
        const r = this.box();
        return { top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col };
      },
      `${this.path}.getCell(${row},${col})`,
    );
  }

  protected override child(prop: string): SimProxy | undefined {
    if (prop === "format") return this.format;
    if (prop === "conditionalFormats") return this.conditionalFormats;
    if (prop === "dataValidation") return this.dataValidation;
    return undefined;
  }
}

export type SpecialCellTypeArg = Excel.SpecialCellType | SpecialCellTypeName;
export type SpecialCellValueTypeArg = Excel.SpecialCellValueType | SpecialCellValueTypeName;

const SPECIAL_CELL_TYPES: readonly SpecialCellTypeName[] = Object.values(SpecialCellType);
const SPECIAL_CELL_VALUE_TYPES: readonly SpecialCellValueTypeName[] = Object.values(SpecialCellValueType);

/**
 * RangeAreas: rectangles of one sheet (merged areas, special cells). Which rectangles is fixed the
 * first time the batch reaches the object, as Excel computes the method's result once.
 */
export class SimRangeAreas extends SimProxy {
  readonly areas: SimRangeCollection;
  private found: CellRange[] | undefined;

  constructor(
    context: SimContext,
    readonly range: SimRange,
    method: string,
    private readonly search: () => CellRange[],
  ) {
    super(context, `${range.path}.${method}`);
    this.areas = new SimRangeCollection(context, this);
  }

  track(): this {
    this.trackNull();
    return this;
  }

  /** The throwing variant: resolves at sync even when nothing is loaded, ItemNotFound when empty. */
  mustExist(): this {
    this.context.enqueue({
      describe: { path: this.path },
      run: () => {
        if (this.range.where() === null) throw simError.invalidObjectPath(this.range.path);
        if (this.list().length === 0) throw simError.itemNotFound(this.path);
        return loadResult({}, () => this.markNull(false));
      },
    });
    return this;
  }

  list(): CellRange[] {
    if (this.found === undefined) this.found = this.search();
    return this.found;
  }

  /** Null: the range is a null object, or no rectangle matched (OrNullObject variants). */
  nullAtSync(): boolean {
    return this.range.where() === null || this.list().length === 0;
  }

  protected override isNull(): boolean {
    return this.nullAtSync();
  }

  protected scalarProps(): string[] {
    return ["address", "areaCount", "cellCount"];
  }

  protected readProp(prop: string): unknown {
    const areas = this.list();
    const name = this.range.ws().name;
    if (prop === "address") return areas.map((a) => sheetAddress(name, a)).join(",");
    if (prop === "areaCount") return areas.length;
    if (prop === "cellCount") return areas.reduce((n, a) => n + cellsOf(a), 0);
    throw simError.invalidArgument(`${this.path}.${prop}`);
  }

  protected override child(prop: string): SimProxy | undefined {
    return prop === "areas" ? this.areas : undefined;
  }

  get address(): string {
    return this.value("address");
  }
  get areaCount(): number {
    return this.value("areaCount");
  }
  get cellCount(): number {
    return this.value("cellCount");
  }
}

/**
 * RangeAreas.areas: one Range per rectangle. `load("items/values,items/rowIndex")` (or the item
 * properties without "items/") loads them on every area in the same batch; the values come back
 * in the response and count towards the cells limit, as any range's do.
 */
export class SimRangeCollection extends SimProxy {
  private itemsLoaded: SimRange[] | null = null;

  constructor(
    context: SimContext,
    private readonly owner: SimRangeAreas,
  ) {
    super(context, `${owner.path}.areas`);
  }

  protected override isNull(): boolean {
    return this.owner.nullAtSync();
  }

  protected scalarProps(): string[] {
    return [];
  }

  protected readProp(prop: string): unknown {
    throw simError.invalidArgument(`${this.path}.${prop}`);
  }

  private area(i: number): SimRange {
    return new SimRange(
      this.context,
      this.owner.range.worksheet,
      () => {
        const r = this.owner.list()[i];
        if (!r) throw simError.itemNotFound(`${this.path}.getItemAt(${i})`);
        return r;
      },
      `${this.path}.getItemAt(${i})`,
    );
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = (
      typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : [props?.select ?? ""]
    )
      .map((p) => p.trim())
      .filter(Boolean);
    const itemProps = list.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue({
      describe: { load: this.path, props: list },
      run: () => {
        if (this.isNull()) {
          return loadResult(null, () => this.markNull(true));
        }
        // Loading again adds to the items already loaded.
        const loaded = this.itemsLoaded;
        const proxies = this.owner.list().map((_, i) => loaded?.[i] ?? this.area(i));
        return itemsLoadResult(proxies, itemProps, () => {
          this.itemsLoaded = proxies;
          this.markNull(false);
        });
      },
    });
    return this;
  }

  get items(): SimRange[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded;
  }

  getItemAt(index: number): SimRange {
    return this.area(index);
  }
}
