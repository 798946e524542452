/** Range.format: fill, font, alignment, column width, borders, over ExcelJS cell styles. */
import type * as ExcelJS from "exceljs";
import { SimProxy, type SimContext } from "./context";
import { simError } from "./errors";
import { argbOf, charsFromPoints, hexOf, pointsFromChars, restyle } from "./cells";
import type { SimRange } from "./range";

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
    return [
      "wrapText",
      "horizontalAlignment",
      "verticalAlignment",
      "columnWidth",
      "rowHeight",
      "useStandardWidth",
    ];
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
      case "useStandardWidth": {
        // True when the columns have no width of their own; null when they differ (as documented).
        const r = this.range.box();
        const own = new Set<boolean>();
        for (let j = r.left; j <= r.right; j++) own.add(this.range.ws().getColumn(j + 1).width === undefined);
        return own.size === 1 ? [...own][0] : null;
      }
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
  get rowHeight(): number {
    return this.value("rowHeight");
  }
  /** Points, as Excel's RangeFormat.rowHeight; a custom height on every row of the range. */
  set rowHeight(points: number) {
    this.forget("rowHeight");
    this.range.write({ set: this.path, rowHeight: points }, () => {
      const r = this.range.box();
      for (let i = r.top; i <= r.bottom; i++) this.range.ws().getRow(i + 1).height = points;
    });
  }
  get columnWidth(): number {
    return this.value("columnWidth");
  }
  /**
   * RangeFormat.useStandardWidth (ExcelApi 1.7): "Specifies if the column width of the Range object
   * equals the standard width of the sheet ... This property is only intended to be set to true.
   * Setting it to false has no effect." (learn.microsoft.com, Excel.RangeFormat). True: the columns
   * lose their own width, as in the file (no <col> width).
   */
  get useStandardWidth(): boolean {
    return this.value("useStandardWidth");
  }
  set useStandardWidth(v: boolean) {
    this.forget("useStandardWidth");
    this.forget("columnWidth");
    this.range.write({ set: this.path, useStandardWidth: v }, () => {
      if (v !== true) return;
      const r = this.range.box();
      for (let j = r.left; j <= r.right; j++)
        this.range.ws().getColumn(j + 1).width = undefined as unknown as number;
    });
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
