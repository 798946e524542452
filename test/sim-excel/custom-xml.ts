/**
 * Custom XML parts as Microsoft documents them (ExcelApi 1.5):
 * https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection — `add(xml)`,
 * `getByNamespace(namespaceUri)` (a scoped collection), `getCount()`, `getItem(id)`,
 * `getItemOrNullObject(id)`, `items`; the scoped collection's `getOnlyItem()` and
 * `getOnlyItemOrNullObject()` (https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartscopedcollection);
 * a part's `id`, `namespaceUri`, `getXml()`, `setXml(xml)` and `delete()`
 * (https://learn.microsoft.com/javascript/api/excel/excel.customxmlpart).
 * Unlike Office.context.document.settings (a copy per runtime, settings.ts), parts live in the
 * workbook: every runtime's next sync sees the last write. They are kept in the sim's store in the
 * backing file, so an exported .xlsx keeps them and a reload finds them. A part's namespace is its
 * root element's; XML without a root element is refused (InvalidArgument).
 */
import { SimProxy, itemsLoadResult, loadResult, type SimContext } from "./context";
import { SimOfficeError, simError } from "./errors";
import type { SimRequirements } from "./requirements";
import { readStore, writeStore } from "./settings";
import type { SimBook } from "./state";

interface StoredPart {
  id: string;
  xml: string;
}

function partsOf(book: SimBook): StoredPart[] {
  const list = readStore(book).customXmlParts;
  return Array.isArray(list) ? (list as StoredPart[]) : [];
}

function saveParts(book: SimBook, parts: StoredPart[]): void {
  const store = readStore(book);
  store.customXmlParts = parts;
  writeStore(book, store);
}

/** The namespace URI of the root element, or null when the text has no root element. */
export function rootNamespace(xml: string): string | null {
  const text = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const m = /^<([\w.-]+:)?[\w.-]+((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(text);
  if (!m) return null;
  const attr = m[1] ? `xmlns:${m[1].slice(0, -1)}` : "xmlns";
  for (const a of m[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (a[1] === attr) return a[2] ?? a[3] ?? "";
  return "";
}

/** A value a method returns, readable after the sync that fills it (OfficeExtension.ClientResult). */
export class SimClientResult<T> {
  private set = false;
  private v: T | undefined;
  fill(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set)
      throw new SimOfficeError(
        "PropertyNotLoaded",
        "The value of the result object has not been loaded yet.",
        "value",
      );
    return this.v as T;
  }
}

let nextId = 1;
function newId(): string {
  return `{5E1C0A7E-0000-4000-8000-${String(nextId++).padStart(12, "0")}}`;
}

export class SimCustomXmlPart extends SimProxy {
  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly locate: () => StoredPart | null,
    path: string,
    private readonly orNull = false,
  ) {
    super(context, path);
  }

  private target(): StoredPart | null {
    const p = this.locate();
    if (!p && !this.orNull) throw simError.itemNotFound(this.path);
    return p;
  }
  protected override isNull(): boolean {
    return this.target() === null;
  }
  resolveAtSync(): this {
    if (this.orNull) this.trackNull();
    else this.context.enqueue({ describe: { path: this.path }, run: () => void this.target() });
    return this;
  }
  protected scalarProps(): string[] {
    return ["id", "namespaceUri"];
  }
  protected readProp(prop: string): unknown {
    const p = this.target();
    if (!p) throw simError.invalidObjectPath(this.path);
    if (prop === "id") return p.id;
    if (prop === "namespaceUri") return rootNamespace(p.xml) ?? "";
    throw simError.invalidArgument(`${this.path}.${prop}`);
  }
  get id(): string {
    return this.value("id");
  }
  get namespaceUri(): string {
    return this.value("namespaceUri");
  }

  getXml(): SimClientResult<string> {
    const result = new SimClientResult<string>();
    this.context.enqueue({
      describe: { call: "getXml", path: this.path },
      run: () => {
        const p = this.target();
        if (!p) throw simError.invalidObjectPath(this.path);
        const xml = p.xml;
        return loadResult(xml, () => result.fill(xml));
      },
    });
    return result;
  }

  setXml(xml: string): void {
    this.act({ call: "setXml", path: this.path, xml }, () => {
      if (rootNamespace(xml) === null) throw simError.invalidArgument(`${this.path}.setXml: not XML`);
      const p = this.target();
      const parts = partsOf(this.book);
      const stored = parts.find((q) => q.id === p?.id);
      if (!stored) throw simError.itemNotFound(this.path);
      stored.xml = xml;
      saveParts(this.book, parts);
    });
  }

  delete(): void {
    this.act({ call: "delete", path: this.path }, () => {
      const p = this.target();
      saveParts(
        this.book,
        partsOf(this.book).filter((q) => q.id !== p?.id),
      );
    });
  }
}

/** The workbook's parts, or those of one namespace (a scoped collection). */
export class SimCustomXmlPartCollection extends SimProxy {
  private itemsLoaded: SimCustomXmlPart[] | null = null;

  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
    private readonly namespace: string | null = null,
  ) {
    super(
      context,
      namespace === null ? "workbook.customXmlParts" : `customXmlParts.getByNamespace('${namespace}')`,
    );
    if (!requirements.isSetSupported("ExcelApi", "1.5"))
      throw simError.apiNotFound("Workbook.customXmlParts", "1.5");
  }

  private list(): StoredPart[] {
    const all = partsOf(this.book);
    return this.namespace === null ? all : all.filter((p) => rootNamespace(p.xml) === this.namespace);
  }

  private proxyFor(id: string, orNull = false): SimCustomXmlPart {
    return new SimCustomXmlPart(
      this.context,
      this.book,
      () => this.list().find((p) => p.id === id) ?? null,
      `CustomXmlPart('${id}')`,
      orNull,
    );
  }

  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(prop: string): unknown {
    throw simError.invalidArgument(`${this.path}.${prop}`);
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : [])
      .map((s) => s.trim())
      .filter(Boolean);
    const itemProps = list.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    const proxies: SimCustomXmlPart[] = [];
    this.context.enqueue({
      describe: { load: this.path, props: list },
      run: () => {
        for (const p of this.list()) {
          const bound = { ...p };
          proxies.push(
            new SimCustomXmlPart(
              this.context,
              this.book,
              () => partsOf(this.book).find((q) => q.id === bound.id) ?? null,
              `CustomXmlPart('${p.id}')`,
            ),
          );
        }
        return itemsLoadResult(proxies, itemProps, () => {
          this.itemsLoaded = proxies;
        });
      },
    });
    return this;
  }

  get items(): SimCustomXmlPart[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.context.enqueue({
      describe: { call: "getCount", path: this.path },
      run: () => {
        const n = this.list().length;
        return loadResult(n, () => result.fill(n));
      },
    });
    return result;
  }

  getItem(id: string): SimCustomXmlPart {
    return this.proxyFor(id).resolveAtSync();
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return this.proxyFor(id, true).resolveAtSync();
  }

  /** Scoped collections only: the one part, ItemNotFound when none, InvalidOperation when several. */
  getOnlyItem(): SimCustomXmlPart {
    return this.onlyItem(false);
  }
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return this.onlyItem(true);
  }
  private onlyItem(orNull: boolean): SimCustomXmlPart {
    let found: StoredPart | null = null;
    const part = new SimCustomXmlPart(
      this.context,
      this.book,
      () => found,
      `${this.path}.getOnlyItem()`,
      orNull,
    );
    this.context.enqueue({
      describe: { call: "getOnlyItem", path: this.path },
      run: () => {
        const list = this.list();
        if (list.length > 1) throw simError.invalidOperation(`${list.length} parts match`, this.path);
        found = list[0] ?? null;
        if (!found && !orNull) throw simError.itemNotFound(this.path);
        return undefined;
      },
    });
    if (orNull) (part as unknown as { trackNull(): void }).trackNull();
    return part;
  }

  getByNamespace(namespaceUri: string): SimCustomXmlPartCollection {
    if (this.namespace !== null) throw simError.invalidArgument("getByNamespace on a scoped collection");
    return new SimCustomXmlPartCollection(this.context, this.book, this.requirements, namespaceUri);
  }

  add(xml: string): SimCustomXmlPart {
    if (this.namespace !== null) throw simError.invalidArgument("add on a scoped collection");
    const id = newId();
    this.context.enqueue({
      describe: { call: "customXmlParts.add", xml },
      run: () => {
        if (rootNamespace(xml) === null) throw simError.invalidArgument("customXmlParts.add: not XML");
        saveParts(this.book, [...partsOf(this.book), { id, xml }]);
        return undefined;
      },
    });
    return this.proxyFor(id);
  }
}
