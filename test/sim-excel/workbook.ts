/** The request context Excel.run hands the add-in: workbook (worksheets, readOnly), application, sync. */
import { SimProxy, SimContext } from "./context";
import { simError } from "./errors";
import type { SimRequirements } from "./requirements";
import type { SimBook } from "./state";
import { SimWorksheetCollection } from "./worksheet";
import { SimNamedItemCollection } from "./names";
import { SimCustomXmlPartCollection } from "./custom-xml";

/**
 * Workbook.protection (ExcelApi 1.7, learn.microsoft.com/javascript/api/excel/excel.workbookprotection):
 * `protected` loads; protect() "fails if the workbook has been protected".
 */
export class SimWorkbookProtection extends SimProxy {
  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
  ) {
    super(context, "workbook.protection");
  }
  protected scalarProps(): string[] {
    return ["protected"];
  }
  protected readProp(prop: string): unknown {
    if (!this.requirements.isSetSupported("ExcelApi", "1.7"))
      throw simError.apiNotFound("WorkbookProtection", "1.7");
    if (prop === "protected") return this.book.structureProtected;
    throw simError.invalidArgument(prop);
  }
  get protected(): boolean {
    return this.value("protected");
  }
  protect(): void {
    this.act({ call: "workbook.protection.protect" }, () => {
      if (this.book.structureProtected)
        throw simError.invalidOperation("The workbook is protected.", "workbook.protection.protect");
      this.book.structureProtected = true;
    });
  }
  unprotect(): void {
    this.act({ call: "workbook.protection.unprotect" }, () => {
      this.book.structureProtected = false;
    });
  }
}

export class SimWorkbook extends SimProxy {
  readonly worksheets: SimWorksheetCollection;
  readonly names: SimNamedItemCollection;
  readonly protection: SimWorkbookProtection;
  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
  ) {
    super(context, "workbook");
    this.worksheets = new SimWorksheetCollection(context, book, requirements);
    this.names = new SimNamedItemCollection(context, book, requirements);
    this.protection = new SimWorkbookProtection(context, book, requirements);
  }
  protected override child(prop: string): SimProxy | undefined {
    return prop === "protection" ? this.protection : undefined;
  }
  protected scalarProps(): string[] {
    return ["name", ...(this.requirements.isSetSupported("ExcelApi", "1.8") ? ["readOnly"] : [])];
  }
  protected readProp(prop: string): unknown {
    if (prop === "name") return "Book.xlsx";
    if (prop === "readOnly") {
      if (!this.requirements.isSetSupported("ExcelApi", "1.8"))
        throw simError.apiNotFound("Workbook.readOnly", "1.8");
      return this.book.readOnly;
    }
    throw simError.invalidArgument(prop);
  }
  get readOnly(): boolean {
    return this.value("readOnly");
  }
  /** ExcelApi 1.5: parts stored in the workbook itself (custom-xml.ts). */
  get customXmlParts(): SimCustomXmlPartCollection {
    return new SimCustomXmlPartCollection(this.context, this.book, this.requirements);
  }
  get name(): string {
    return this.value("name");
  }
}

export class SimApplication {
  constructor(
    private readonly context: SimContext,
    private readonly requirements: SimRequirements,
    private readonly book: SimBook,
  ) {}
  suspendApiCalculationUntilNextSync(): void {
    if (!this.requirements.isSetSupported("ExcelApi", "1.6"))
      throw simError.apiNotFound("suspendApiCalculationUntilNextSync", "1.6");
    this.context.enqueue({
      describe: { call: "suspendApiCalculationUntilNextSync" },
      run: () => {
        this.book.calculationSuspensions++;
        this.book.calculationSuspended = true;
        this.book.recalcNeeded = true;
        return undefined;
      },
    });
  }
  /** Application.calculate (ExcelApi 1.1): recalculates the open workbooks. */
  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(String(calculationType)))
      throw simError.invalidArgument(`calculate(${String(calculationType)})`);
    this.context.enqueue({
      describe: { call: "calculate", calculationType },
      run: () => {
        if (this.book.calculationSuspended) {
          this.book.calculationsWhileSuspended.push(String(calculationType));
          return undefined;
        }
        this.book.recalculations.push(String(calculationType));
        this.book.recalcNeeded = false;
        return undefined;
      },
    });
  }
}

export class SimRequestContext {
  readonly workbook: SimWorkbook;
  readonly application: SimApplication;
  private readonly inner: SimContext;
  constructor(book: SimBook, requirements: SimRequirements, delayForCellEdit = false) {
    this.inner = new SimContext(book, delayForCellEdit && requirements.isSetSupported("ExcelApi", "1.11"));
    this.workbook = new SimWorkbook(this.inner, book, requirements);
    this.application = new SimApplication(this.inner, requirements, book);
  }
  sync<T>(passThroughValue?: T): Promise<T> {
    return this.inner.sync().then(() => passThroughValue as T);
  }
  /** Queued actions not yet sent (Excel.run flushes them at the end of the batch). */
  get pendingActions(): number {
    return this.inner.pending;
  }
  /** Office.js tracks objects across syncs; the sim needs nothing for it. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
}
