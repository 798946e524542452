/** Worksheets, their collection, protection, freeze panes, tables and charts. */
import type * as ExcelJS from "exceljs";
import { SimProxy, itemsLoadResult, type SimContext } from "./context";
import { simError } from "./errors";
import { argbOf, hexOf } from "./cells";
import { SimRange } from "./range";
import { parseRangeLike, usedRect } from "./geometry";
import { SimChartCollection, SimFreezePanes, SimTableCollection } from "./sheet-objects";
import { SimPageLayout } from "./page-layout";
import type { SimBook } from "./state";
import type { SimRequirements } from "./requirements";
import { deleteSheetInNames, renameSheetInNames } from "./names";

const VISIBILITY: Record<string, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export class SimWorksheet extends SimProxy {
  private sheetId: number | null | undefined;
  readonly protection: SimWorksheetProtection;
  readonly freezePanes: SimFreezePanes;
  readonly tables: SimTableCollection;
  readonly charts: SimChartCollection;
  readonly pageLayout: SimPageLayout;

  constructor(
    context: SimContext,
    readonly book: SimBook,
    readonly requirements: SimRequirements,
    private readonly locate: () => ExcelJS.Worksheet | null,
    path: string,
    private readonly orNull = false,
  ) {
    super(context, path);
    this.protection = new SimWorksheetProtection(context, this);
    this.freezePanes = new SimFreezePanes(context, this);
    this.tables = new SimTableCollection(context, this);
    this.charts = new SimChartCollection(context, this);
    this.pageLayout = new SimPageLayout(context, this);
  }

  /** The sheet, bound by id the first time the batch reaches it (renames do not lose it). */
  target(): ExcelJS.Worksheet | null {
    if (this.sheetId === undefined) {
      const ws = this.locate();
      this.sheetId = ws ? ws.id : null;
    }
    if (this.sheetId === null) {
      if (this.orNull) return null;
      throw simError.itemNotFound(this.path);
    }
    const ws = this.book.sheetById(this.sheetId);
    if (!ws) throw simError.itemNotFound(this.path);
    return ws;
  }

  sheet(): ExcelJS.Worksheet {
    const ws = this.target();
    if (!ws) throw simError.invalidObjectPath(this.path);
    return ws;
  }

  /** getItem resolves at sync even when nothing is loaded: that is where ItemNotFound comes from. */
  resolveAtSync(): this {
    if (this.orNull) this.trackNull();
    else this.context.enqueue({ describe: { path: this.path }, run: () => void this.target() });
    return this;
  }

  protected override isNull(): boolean {
    return this.target() === null;
  }

  /** Sheet-level changes (name, position, tab colour …) are refused in a read-only workbook. */
  protected override act(describe: unknown, run: () => void): void {
    super.act(describe, () => {
      if (this.book.refusesWrites) throw simError.accessDenied(this.path);
      run();
    });
  }

  private refuseIfStructureProtected(): void {
    if (this.book.structureProtected)
      throw simError.accessDenied(`${this.path} (workbook structure protected)`);
  }

  requireApi(api: string, set: string): void {
    if (!this.requirements.isSetSupported("ExcelApi", set)) throw simError.apiNotFound(api, set);
  }

  protected override child(prop: string): SimProxy | undefined {
    if (prop === "protection") return this.protection;
    if (prop === "pageLayout") return this.pageLayout;
    return undefined;
  }

  protected scalarProps(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }

  protected readProp(prop: string): unknown {
    const ws = this.sheet();
    switch (prop) {
      case "name":
        return ws.name;
      case "id":
        return `{sim-${ws.id}}`;
      case "position":
        return this.book.sheets().indexOf(ws);
      case "visibility":
        return VISIBILITY[ws.state ?? "visible"] ?? "Visible";
      case "tabColor": {
        this.requireApi("tabColor", "1.7");
        const c = (ws.properties.tabColor as { argb?: string } | undefined)?.argb;
        return c ? hexOf(c, "") : "";
      }
      default:
        throw simError.invalidArgument(`${this.path}.${prop}`);
    }
  }

  get name(): string {
    return this.value("name");
  }
  set name(v: string) {
    this.forget("name");
    this.act({ set: this.path, name: v }, () => {
      this.refuseIfStructureProtected();
      const other = this.book.sheetByName(v);
      if (other && other !== this.sheet()) throw simError.invalidArgument(`name ${v} is taken`);
      const old = this.sheet().name;
      this.sheet().name = v;
      renameSheetInNames(this.book, old, v);
    });
  }
  get id(): string {
    return this.value("id");
  }
  get position(): number {
    return this.value("position");
  }
  set position(v: number) {
    this.forget("position");
    this.act({ set: this.path, position: v }, () => {
      this.refuseIfStructureProtected();
      this.book.moveSheet(this.sheet(), v);
    });
  }
  get visibility(): string {
    return this.value("visibility");
  }
  set visibility(v: string) {
    this.forget("visibility");
    this.act({ set: this.path, visibility: v }, () => {
      this.refuseIfStructureProtected();
      this.sheet().state = v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
    });
  }
  get tabColor(): string {
    return this.value("tabColor");
  }
  set tabColor(v: string) {
    this.requireApi("tabColor", "1.7");
    this.forget("tabColor");
    this.act({ set: this.path, tabColor: v }, () => {
      const props = this.sheet().properties as { tabColor?: { argb: string } };
      if (v) props.tabColor = { argb: argbOf(v) };
      else delete props.tabColor;
    });
  }

  getRange(address?: string): SimRange {
    const whole = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    return new SimRange(
      this.context,
      this,
      () => (address ? parseRangeLike(address) : whole),
      `${this.path}.getRange('${address ?? ""}')`,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    const r = {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    };
    return new SimRange(
      this.context,
      this,
      () => r,
      `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
    );
  }

  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      this,
      () => usedRect(this.sheet(), valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      `${this.path}.getUsedRange()`,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(
      this.context,
      this,
      () => usedRect(this.sheet(), valuesOnly),
      `${this.path}.getUsedRangeOrNullObject()`,
    ).track();
  }

  activate(): void {
    // Looking around is allowed in a read-only workbook.
    super.act({ call: "activate", path: this.path }, () => {
      const ws = this.sheet();
      if (ws.state !== "visible" && ws.state !== undefined)
        throw simError.invalidOperation("A hidden sheet cannot be activated.", this.path);
      this.book.activeSheetId = ws.id;
      this.book.selection = { sheet: ws.name, address: "A1" };
    });
  }

  delete(): void {
    this.act({ call: "delete", path: this.path }, () => {
      this.refuseIfStructureProtected();
      const ws = this.sheet();
      if (this.book.refusesWrites) throw simError.accessDenied(this.path);
      const visible = this.book.sheets().filter((w) => w.state === "visible" || w.state === undefined);
      if (visible.length <= 1 && visible[0] === ws)
        throw simError.invalidOperation("The last visible sheet cannot be deleted.", this.path);
      removeSheet(this.book, ws);
    });
  }
}

export class SimWorksheetProtection extends SimProxy {
  constructor(
    context: SimContext,
    private readonly worksheet: SimWorksheet,
  ) {
    super(context, `${worksheet.path}.protection`);
  }
  protected override isNull(): boolean {
    return this.worksheet.target() === null;
  }
  protected scalarProps(): string[] {
    return ["protected"];
  }
  protected readProp(prop: string): unknown {
    if (prop === "protected") return this.worksheet.book.isProtected(this.worksheet.sheet());
    throw simError.invalidArgument(prop);
  }
  get protected(): boolean {
    return this.value("protected");
  }
  protect(): void {
    this.act({ call: "protect", path: this.path }, () => {
      (this.worksheet.sheet() as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = {
        sheet: true,
      };
    });
  }
  unprotect(): void {
    this.act({ call: "unprotect", path: this.path }, () => this.worksheet.sheet().unprotect());
  }
}

export class SimWorksheetCollection extends SimProxy {
  private itemsLoaded: SimWorksheet[] | null = null;
  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
  ) {
    super(context, "workbook.worksheets");
  }
  protected scalarProps(): string[] {
    return ["count"];
  }
  protected readProp(prop: string): unknown {
    if (prop === "count") return this.book.sheets().length;
    throw simError.invalidArgument(prop);
  }
  get count(): number {
    return this.value("count");
  }
  private sheetProxy(locate: () => ExcelJS.Worksheet | null, path: string, orNull = false): SimWorksheet {
    return new SimWorksheet(this.context, this.book, this.requirements, locate, path, orNull);
  }
  override load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : []).map((s) =>
      s.trim(),
    );
    const itemProps = list
      .filter((p) => p.startsWith("items"))
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    if (list.length && itemProps.length === 0) return super.load(props);
    // Loading items creates one proxy per sheet and loads the asked properties on each, in the same batch.
    const proxies: SimWorksheet[] = [];
    this.context.enqueue({
      describe: { load: this.path, props: list },
      run: () => {
        for (const ws of this.book.sheets()) {
          const id = ws.id;
          proxies.push(this.sheetProxy(() => this.book.sheetById(id) ?? null, `Worksheet('${ws.name}')`));
        }
        return itemsLoadResult(proxies, itemProps, () => {
          this.itemsLoaded = proxies;
        });
      },
    });
    return this;
  }
  get items(): SimWorksheet[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded;
  }
  getItem(name: string): SimWorksheet {
    return this.sheetProxy(() => this.book.sheetByName(name) ?? null, `Worksheet('${name}')`).resolveAtSync();
  }
  getItemOrNullObject(name: string): SimWorksheet {
    return this.sheetProxy(
      () => this.book.sheetByName(name) ?? null,
      `Worksheet('${name}')`,
      true,
    ).resolveAtSync();
  }
  getActiveWorksheet(): SimWorksheet {
    return this.sheetProxy(
      () =>
        this.book.activeSheetId === null ? null : (this.book.sheetById(this.book.activeSheetId) ?? null),
      "activeWorksheet",
    );
  }
  add(name?: string): SimWorksheet {
    let created: ExcelJS.Worksheet | null = null;
    this.context.enqueue({
      describe: { call: "worksheets.add", name },
      run: () => {
        if (this.book.refusesWrites || this.book.structureProtected)
          throw simError.accessDenied("worksheets.add");
        let n = this.book.sheets().length + 1;
        while (!name && this.book.sheetByName(`Sheet${n}`)) n++;
        const wanted = name ?? `Sheet${n}`;
        if (this.book.sheetByName(wanted)) throw simError.invalidArgument(`A sheet named ${wanted} exists`);
        if (/[\\/?*[\]:]/.test(wanted) || wanted.length > 31)
          throw simError.invalidArgument(`sheet name ${wanted}`);
        created = this.book.wb.addWorksheet(wanted);
        // New sheets go after the last visible one, before the hidden settings store.
        this.book.moveSheet(created, this.book.sheets().length);
        return undefined;
      },
    });
    return this.sheetProxy(() => created, `Worksheet('${name ?? "(new)"}')`);
  }
}

/**
 * A sheet gone from the book, as Excel removes one (Worksheet.delete, or staff in Excel's UI): its
 * extras, names that referred to it become #REF!, and the next sheet is active if it was.
 */
export function removeSheet(book: SimBook, ws: ExcelJS.Worksheet): void {
  book.extras.delete(ws.id);
  deleteSheetInNames(book, ws.name);
  book.wb.removeWorksheet(ws.id);
  if (book.activeSheetId === ws.id) {
    book.activeSheetId = book.sheets()[0]?.id ?? null;
    book.selection = null;
  }
}
