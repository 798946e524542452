/** Range.conditionalFormats: cell value, text comparison and custom formats, kept as the sim's own list. */
import { SimProxy, loadResult, type SimContext } from "./context";
import { simError } from "./errors";
import { intersects, misreadSheetReference } from "./geometry";
import type { SimRange } from "./range";
import type { SimConditionalFormat } from "./state";
import type { CellRange } from "../../src/core/model/snapshot";

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
        return loadResult(got, () => {
          this.itemsLoaded = got;
        });
      },
    });
    return this;
  }
  get items(): SimConditionalFormatProxy[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded.map((cf) => new SimConditionalFormatProxy(this.range, cf, this.itemProps));
  }
  get count(): number {
    return this.value("count");
  }
  add(type: "CellValue" | "ContainsText" | "Custom"): SimConditionalFormatProxy {
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
    return new SimConditionalFormatProxy(this.range, cf, []);
  }
  /**
   * "Clears all conditional formats active on the current specified range"
   * (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-clearall-member-1):
   * a rule reaching beyond the range keeps the cells outside it, as Excel's Clear Rules from
   * Selected Cells does (the sim keeps them as one rule per remaining rectangle).
   */
  clearAll(): void {
    this.range.worksheet.requireApi("conditionalFormats.clearAll", "1.6");
    this.range.write({ call: "conditionalFormats.clearAll", path: this.path }, () => {
      const book = this.range.worksheet.book;
      const extras = book.extrasOf(this.range.ws());
      const r = this.range.box();
      extras.conditionalFormats = extras.conditionalFormats.flatMap((cf) =>
        !intersects(cf.range, r)
          ? [cf]
          : subtract(cf.range, r).map((range, i) => ({ ...cf, id: i === 0 ? cf.id : book.newCfId(), range })),
      );
    });
  }
}

/** One conditional format; its rule and format are plain objects the sim keeps (see SimConditionalFormat). */
export class SimConditionalFormatProxy {
  readonly cellValue: SimCfKind;
  readonly textComparison: SimCfKind;
  readonly custom: SimCfKind;
  constructor(
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
  }
}

/** cf.cellValue / cf.textComparison / cf.custom: `rule` and `format.fill.color`, `format.font.color|bold`. */
class SimCfKind {
  readonly format: {
    fill: { color: string };
    font: { color: string; bold: boolean };
  };
  constructor(
    private readonly owner: SimConditionalFormatProxy,
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
            if (key.startsWith("formula") && misreadSheetReference(v))
              throw simError.invalidArgument(`formula ${v}`);
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

/** `a` without the cells of `b`: up to four rectangles (above, below, left, right of `b`). */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!intersects(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}
