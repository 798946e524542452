/** Range and what hangs off it: format (fill, font, borders), conditional formats, merged areas. */
import type * as ExcelJS from "exceljs";
import { columnLetters, quoteSheetName, rangeToA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/grid/cell";
import { SimProxy, type SimContext } from "./context";
import { simError } from "./errors";
import {
  argbOf,
  charsFromPoints,
  hexOf,
  officeFormula,
  officeNumberFormat,
  officeValue,
  pointsFromChars,
  restyle,
  writeInput,
} from "./cells";
import type { SimConditionalFormat } from "./state";
import type { SimWorksheet } from "./worksheet";

export function sheetAddress(sheetName: string, r: CellRange): string {
  return `${quoteSheetName(sheetName)}!${rangeToA1(r)}`;
}

function cellsOf(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export class SimRange extends SimProxy {
  private rect: CellRange | null | undefined;
  readonly format: SimRangeFormat;
  readonly conditionalFormats: SimConditionalFormatCollection;

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
      if (this.worksheet.book.readOnly) throw simError.accessDenied(this.path);
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
    ];
  }

  private grid<T>(fn: (c: ExcelJS.Cell | undefined) => T): T[][] {
    const r = this.box();
    this.context.cellsLoaded += cellsOf(r);
    if (this.context.cellsLoaded > this.worksheet.book.limits.cells)
      throw simError.tooManyCells(this.context.cellsLoaded);
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
        s.numFmt = String(x) === "General" ? undefined : String(x);
      });
    });
  }

  get hyperlink(): Excel.RangeHyperlink {
    return this.value("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.forget("hyperlink");
    this.write({ set: this.path, hyperlink: link }, () => {
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

  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    this.worksheet.requireApi("getMergedAreasOrNullObject", "1.13");
    return new SimRangeAreas(this.context, this).track();
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
    return undefined;
  }
}

export function mergedAreas(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (
    ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  return Object.values(merges ?? {})
    .filter(Boolean)
    .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
}

/** RangeAreas as getMergedAreasOrNullObject returns it: address "S!A1:B2,S!C3:D4", areaCount. */
export class SimRangeAreas extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.getMergedAreasOrNullObject()`);
  }
  track(): this {
    this.trackNull();
    return this;
  }
  private areas(): CellRange[] {
    const r = this.range.box();
    return mergedAreas(this.range.ws()).filter((m) => intersects(m, r));
  }
  protected override isNull(): boolean {
    return this.range.where() === null || this.areas().length === 0;
  }
  protected scalarProps(): string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected readProp(prop: string): unknown {
    const areas = this.areas();
    const name = this.range.ws().name;
    if (prop === "address") return areas.map((a) => sheetAddress(name, a)).join(",");
    if (prop === "areaCount") return areas.length;
    if (prop === "cellCount") return areas.reduce((n, a) => n + cellsOf(a), 0);
    throw simError.invalidArgument(prop);
  }
  get address(): string {
    return this.value("address");
  }
  get areaCount(): number {
    return this.value("areaCount");
  }
}

export class SimRangeFormat extends SimProxy {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: SimRangeBorderCollection;
  constructor(
    context: SimContext,
    readonly range: SimRange,
  ) {
    super(context, `${range.path}.format`);
    this.fill = new SimRangeFill(context, range);
    this.font = new SimRangeFont(context, range);
    this.borders = new SimRangeBorderCollection(context, range);
  }
  protected override child(prop: string): SimProxy | undefined {
    return ({ fill: this.fill, font: this.font, borders: this.borders } as Record<string, SimProxy>)[prop];
  }
  protected scalarProps(): string[] {
    return ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"];
  }
  private first(): ExcelJS.Cell {
    const r = this.range.box();
    return this.range.cell(r.top, r.left);
  }
  protected readProp(prop: string): unknown {
    const c = this.first();
    switch (prop) {
      case "wrapText":
        return !!c.alignment?.wrapText;
      case "horizontalAlignment":
        return cap(c.alignment?.horizontal ?? "general");
      case "verticalAlignment":
        return cap(c.alignment?.vertical ?? "bottom");
      case "columnWidth":
        return pointsFromChars(this.range.ws().getColumn(this.range.box().left + 1).width ?? 8.43);
      case "rowHeight":
        return this.range.ws().getRow(this.range.box().top + 1).height ?? 15;
      default:
        throw simError.invalidArgument(prop);
    }
  }
  private setAlign(key: "wrapText" | "horizontal" | "vertical", v: unknown, prop: string): void {
    this.forget(prop);
    this.range.write({ set: this.path, [prop]: v }, () =>
      this.range.forEachCell((c) =>
        restyle(c, (s) => {
          s.alignment = { ...(s.alignment ?? {}), [key]: typeof v === "string" ? v.toLowerCase() : v };
        }),
      ),
    );
  }
  get wrapText(): boolean {
    return this.value("wrapText");
  }
  set wrapText(v: boolean) {
    this.setAlign("wrapText", v, "wrapText");
  }
  get horizontalAlignment(): string {
    return this.value("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setAlign("horizontal", v, "horizontalAlignment");
  }
  get verticalAlignment(): string {
    return this.value("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setAlign("vertical", v === "Center" ? "middle" : v, "verticalAlignment");
  }
  get columnWidth(): number {
    return this.value("columnWidth");
  }
  set columnWidth(points: number) {
    this.forget("columnWidth");
    // Column width is a sheet-level change; Excel allows it only on unprotected sheets too.
    this.range.write({ set: this.path, columnWidth: points }, () => {
      const r = this.range.box();
      for (let j = r.left; j <= r.right; j++)
        this.range.ws().getColumn(j + 1).width = charsFromPoints(points);
    });
  }
}

function cap(s: string): string {
  if (s === "middle") return "Center";
  if (s === "centerContinuous") return "CenterAcrossSelection";
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export class SimRangeFill extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.format.fill`);
  }
  protected scalarProps(): string[] {
    return ["color"];
  }
  protected readProp(): unknown {
    const r = this.range.box();
    const f = this.range.cell(r.top, r.left).fill as ExcelJS.FillPattern | undefined;
    // Excel reports "no fill" as white.
    return f && f.type === "pattern" && f.pattern === "solid" ? hexOf(f.fgColor?.argb, "#FFFFFF") : "#FFFFFF";
  }
  get color(): string {
    return this.value("color");
  }
  set color(v: string) {
    this.forget("color");
    this.range.write({ set: this.path, color: v }, () =>
      this.range.forEachCell((c) =>
        restyle(c, (s) => {
          s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argbOf(v) } };
        }),
      ),
    );
  }
  clear(): void {
    this.range.write({ call: "clear", path: this.path }, () =>
      this.range.forEachCell((c) =>
        restyle(c, (s) => {
          delete s.fill;
        }),
      ),
    );
  }
}

export class SimRangeFont extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.format.font`);
  }
  protected scalarProps(): string[] {
    return ["bold", "italic", "color", "size", "name"];
  }
  protected readProp(prop: string): unknown {
    const r = this.range.box();
    const f = this.range.cell(r.top, r.left).font ?? {};
    if (prop === "bold") return !!f.bold;
    if (prop === "italic") return !!f.italic;
    if (prop === "color") return hexOf(f.color?.argb, "#000000");
    if (prop === "size") return f.size ?? 11;
    if (prop === "name") return f.name ?? "Calibri";
    throw simError.invalidArgument(prop);
  }
  private set(prop: "bold" | "italic" | "color" | "size" | "name", v: unknown): void {
    this.forget(prop);
    this.range.write({ set: this.path, [prop]: v }, () =>
      this.range.forEachCell((c) =>
        restyle(c, (s) => {
          s.font = { ...(s.font ?? {}), [prop]: prop === "color" ? { argb: argbOf(String(v)) } : v };
        }),
      ),
    );
  }
  get bold(): boolean {
    return this.value("bold");
  }
  set bold(v: boolean) {
    this.set("bold", v);
  }
  get italic(): boolean {
    return this.value("italic");
  }
  set italic(v: boolean) {
    this.set("italic", v);
  }
  get color(): string {
    return this.value("color");
  }
  set color(v: string) {
    this.set("color", v);
  }
  get size(): number {
    return this.value("size");
  }
  set size(v: number) {
    this.set("size", v);
  }
  get name(): string {
    return this.value("name");
  }
  set name(v: string) {
    this.set("name", v);
  }
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

export class SimRangeBorderCollection extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.format.borders`);
  }
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(prop: string): unknown {
    throw simError.invalidArgument(prop);
  }
  getItem(edge: Edge): SimRangeBorder {
    return new SimRangeBorder(this.context, this.range, edge);
  }
}

export class SimRangeBorder extends SimProxy {
  constructor(
    context: SimContext,
    private readonly range: SimRange,
    private readonly edge: Edge,
  ) {
    super(context, `${range.path}.format.borders.getItem('${edge}')`);
  }
  protected scalarProps(): string[] {
    return ["style"];
  }
  protected readProp(): unknown {
    const r = this.range.box();
    const b = this.range.cell(r.top, r.left).border ?? {};
    const side = { EdgeTop: b.top, EdgeBottom: b.bottom, EdgeLeft: b.left, EdgeRight: b.right }[
      this.edge as "EdgeTop"
    ];
    return side?.style ? "Continuous" : "None";
  }
  get style(): string {
    return this.value("style");
  }
  set style(v: string) {
    this.forget("style");
    const line = v === "None" ? undefined : ({ style: "thin" } as ExcelJS.Border);
    this.range.write({ set: this.path, style: v }, () => {
      const r = this.range.box();
      this.range.forEachCell((c, i, j) => {
        const row = r.top + i;
        const col = r.left + j;
        const sides: Array<"top" | "bottom" | "left" | "right"> = [];
        if (this.edge === "EdgeTop" && row === r.top) sides.push("top");
        if (this.edge === "EdgeBottom" && row === r.bottom) sides.push("bottom");
        if (this.edge === "EdgeLeft" && col === r.left) sides.push("left");
        if (this.edge === "EdgeRight" && col === r.right) sides.push("right");
        if (this.edge === "InsideHorizontal") {
          if (row > r.top) sides.push("top");
          if (row < r.bottom) sides.push("bottom");
        }
        if (this.edge === "InsideVertical") {
          if (col > r.left) sides.push("left");
          if (col < r.right) sides.push("right");
        }
        if (sides.length)
          restyle(c, (s) => {
            const border: Partial<ExcelJS.Borders> = { ...(s.border ?? {}) };
            for (const side of sides) border[side] = line;
            s.border = border as ExcelJS.Borders;
          });
      });
    });
  }
}

export class SimConditionalFormatCollection extends SimProxy {
  private itemsLoaded: SimConditionalFormat[] | null = null;
  private itemProps: string[] = [];
  constructor(
    context: SimContext,
    private readonly range: SimRange,
  ) {
    super(context, `${range.path}.conditionalFormats`);
  }
  protected scalarProps(): string[] {
    return ["count"];
  }
  list(): SimConditionalFormat[] {
    const r = this.range.box();
    return this.range.worksheet.book
      .extrasOf(this.range.ws())
      .conditionalFormats.filter((cf) => intersects(cf.range, r));
  }
  protected readProp(prop: string): unknown {
    if (prop === "count") return this.list().length;
    throw simError.invalidArgument(prop);
  }
  override load(props?: string | string[] | { select?: string }): this {
    const list =
      typeof props === "string" ? props.split(",").map((s) => s.trim()) : Array.isArray(props) ? props : [];
    const itemPaths = list.filter((p) => p.startsWith("items")).map((p) => p.replace(/^items\/?/, ""));
    if (itemPaths.length === 0) return super.load(props);
    this.itemProps = itemPaths;
    this.range.worksheet.requireApi("conditionalFormats", "1.6");
    this.context.enqueue({
      describe: { load: this.path, props: list },
      run: () => {
        const got = this.list().map((cf) => ({ ...cf }));
        const commit = (() => {
          this.itemsLoaded = got;
        }) as (() => void) & { payload: unknown };
        commit.payload = got;
        return commit;
      },
    });
    return this;
  }
  get items(): SimConditionalFormat2[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded.map(
      (cf) => new SimConditionalFormat2(this.context, this.range, cf, this.itemProps),
    );
  }
  get count(): number {
    return this.value("count");
  }
  add(type: "CellValue" | "ContainsText" | "Custom"): SimConditionalFormat2 {
    this.range.worksheet.requireApi("conditionalFormats.add", "1.6");
    const cf: SimConditionalFormat = {
      id: 0,
      type,
      range: { top: 0, left: 0, bottom: 0, right: 0 },
      rule: {},
      format: {},
    };
    this.range.write({ call: "conditionalFormats.add", path: this.path, type }, () => {
      cf.id = this.range.worksheet.book.newCfId();
      cf.range = { ...this.range.box() };
      this.range.worksheet.book.extrasOf(this.range.ws()).conditionalFormats.push(cf);
    });
    return new SimConditionalFormat2(this.context, this.range, cf, []);
  }
  clearAll(): void {
    this.range.write({ call: "conditionalFormats.clearAll", path: this.path }, () => {
      const extras = this.range.worksheet.book.extrasOf(this.range.ws());
      const r = this.range.box();
      extras.conditionalFormats = extras.conditionalFormats.filter((cf) => !intersects(cf.range, r));
    });
  }
}

/** One conditional format; its rule and format are plain objects the sim keeps (see SimConditionalFormat). */
export class SimConditionalFormat2 {
  readonly cellValue: SimCfKind;
  readonly textComparison: SimCfKind;
  readonly custom: SimCfKind;
  constructor(
    private readonly context: SimContext,
    private readonly range: SimRange,
    readonly cf: SimConditionalFormat,
    loadedProps: string[],
  ) {
    this.cellValue = new SimCfKind(this, "CellValue");
    this.textComparison = new SimCfKind(this, "ContainsText");
    this.custom = new SimCfKind(this, "Custom");
    this.loaded = new Set(loadedProps.map((p) => p.split("/")[0]));
  }
  private loaded: Set<string>;
  get type(): string {
    if (!this.loaded.has("type")) throw simError.notLoaded("type", "conditionalFormat");
    return this.cf.type;
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    if (!this.loaded.has("customOrNullObject"))
      throw simError.notLoaded("customOrNullObject", "conditionalFormat");
    return { isNullObject: this.cf.type !== "Custom", rule: { formula: this.cf.rule.formula ?? "" } };
  }
  /** Queued edit of this format (runs at sync, refused on a protected sheet). */
  edit(describe: unknown, fn: (cf: SimConditionalFormat) => void): void {
    this.range.write(describe, () => {
      const live = this.range.worksheet.book
        .extrasOf(this.range.ws())
        .conditionalFormats.find((c) => c === this.cf || c.id === this.cf.id);
      if (!live) throw simError.itemNotFound(`conditionalFormat ${this.cf.id}`);
      fn(live);
    });
  }
  delete(): void {
    this.range.write({ call: "conditionalFormat.delete", id: this.cf.id }, () => {
      const extras = this.range.worksheet.book.extrasOf(this.range.ws());
      extras.conditionalFormats = extras.conditionalFormats.filter((c) => c.id !== this.cf.id);
    });
    void this.context;
  }
}

/** cf.cellValue / cf.textComparison / cf.custom: `rule` and `format.fill.color`, `format.font.color|bold`. */
class SimCfKind {
  readonly format: {
    fill: { color: string };
    font: { color: string; bold: boolean };
  };
  constructor(
    private readonly owner: SimConditionalFormat2,
    private readonly kind: SimConditionalFormat["type"],
  ) {
    const o = owner;
    const setFormat = (key: "fill" | "fontColor" | "bold", v: unknown) =>
      o.edit({ set: `cf.${kind}.format.${key}`, v }, (cf) => {
        cf.format = { ...cf.format, [key]: v };
      });
    this.format = {
      fill: {
        get color() {
          return o.cf.format.fill ?? "";
        },
        set color(v: string) {
          setFormat("fill", v);
        },
      },
      font: {
        get color() {
          return o.cf.format.fontColor ?? "";
        },
        set color(v: string) {
          setFormat("fontColor", v);
        },
        get bold() {
          return !!o.cf.format.bold;
        },
        set bold(v: boolean) {
          setFormat("bold", v);
        },
      },
    };
  }
  /** `cf.custom.rule.formula = …` is a queued edit like any other property set. */
  get rule(): Record<string, string> {
    const owner = this.owner;
    const kind = this.kind;
    const view: Record<string, string> = {};
    for (const key of ["formula", "formula1", "formula2", "operator", "text"])
      Object.defineProperty(view, key, {
        enumerable: true,
        get: () => owner.cf.rule[key],
        set: (v: string) =>
          owner.edit({ set: `cf.${kind}.rule.${key}`, v }, (cf) => {
            if (cf.type !== kind) throw simError.invalidArgument(`rule of a ${cf.type} format`);
            cf.rule = { ...cf.rule, [key]: v };
          }),
      });
    return view;
  }
  set rule(v: Record<string, string>) {
    this.owner.edit({ set: `cf.${this.kind}.rule`, v }, (cf) => {
      if (cf.type !== this.kind) throw simError.invalidArgument(`rule of a ${cf.type} format`);
      cf.rule = { ...v };
    });
  }
}

export function columnRangeAddress(left: number, right: number): string {
  return `${columnLetters(left)}:${columnLetters(right)}`;
}
