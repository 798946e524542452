/**
 * Defined names as Microsoft documents them (Excel.NamedItemCollection / Excel.NamedItem,
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection): `add(name, reference,
 * comment)` (ExcelApi 1.4), `getItem`, `getItemOrNullObject` (1.4), `items`, `count`; a NamedItem's
 * `name`, `type`, `visible`, `comment` (1.4), `formula` (1.7) and `delete()` (1.4) (`value` loads but
 * has no getter: the sim's proxies keep `value()` for their own loading).
 * Names compare without case ("Name Manager" refuses "ABC" beside "abc"); a reference follows its
 * sheet when the sheet is renamed and becomes #REF! when the sheet is deleted, as in Excel.
 * A column staff insert (host.staffInsertsColumn) moves every reference right of it one column
 * right and widens a span it goes into, as Excel does ("Insert or delete rows and columns",
 * support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246);
 * a name of several areas ("'S'!$Q$1,'S'!$S$1") moves area by area.
 */
import { SimProxy, itemsLoadResult, type SimContext } from "./context";
import { SimOfficeError, simError } from "./errors";
import { misreadSheetReference } from "./geometry";
import { columnIndex, columnLetters } from "../../src/core/grid/address";
import type { SimBook } from "./state";
import type { SimRequirements } from "./requirements";
import { readStore } from "./settings";

interface SimName {
  name: string;
  /** With "=": "='H27-28'!$J$10:$T$13", "=0.8". */
  formula: string;
  comment: string;
  visible: boolean;
}

const STORE = new WeakMap<SimBook, SimName[]>();

/** The book's names, first taken from the file (ExcelJS keeps only names that refer to cells). */
export function namesOf(book: SimBook): SimName[] {
  let list = STORE.get(book);
  if (!list) {
    list = [];
    // ExcelJS joins neighbouring cells of a name into one range ('S'!$Q$1,'S'!$R$1 becomes
    // 'S'!$Q$1:$R$1); Excel keeps the areas as written. The sim's export keeps each name's own
    // reference beside the file's (exportNames), and a reload takes it for a name the file has.
    const exact = new Map(
      ((readStore(book).names as Array<{ name: string; formula: string }> | undefined) ?? []).map((n) => [
        n.name.toUpperCase(),
        n.formula,
      ]),
    );
    for (const n of book.wb.definedNames.model as Array<{ name: string; ranges: string[] }>)
      if (n.ranges.length) {
        const formula = exact.get(n.name.toUpperCase()) ?? `=${n.ranges.join(",")}`;
        list.push({ name: n.name, formula, comment: "", visible: true });
      }
    STORE.set(book, list);
  }
  return list;
}

/** Each name's reference as the sim holds it, for the export's store (see namesOf). */
export function exportNames(book: SimBook): Array<{ name: string; formula: string }> {
  return namesOf(book).map((n) => ({ name: n.name, formula: n.formula }));
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The sheet references in a formula: 'quoted name'! or bare name!, with where each starts and ends. */
function sheetRefs(formula: string): Array<{ sheet: string; start: number; end: number }> {
  const out: Array<{ sheet: string; start: number; end: number }> = [];
  const re = /'((?:[^']|'')+)'!|([^\s'!=(),:&+\-*/^<>"]+)!/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula)))
    out.push({
      sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
      start: m.index,
      end: m.index + m[0].length,
    });
  return out;
}

function replaceSheet(book: SimBook, from: string, to: (n: SimName) => string | null): void {
  for (const n of namesOf(book)) {
    const refs = sheetRefs(n.formula).filter((r) => same(r.sheet, from));
    if (refs.length === 0) continue;
    let f = n.formula;
    for (const r of refs.reverse()) f = f.slice(0, r.start) + (to(n) ?? "#REF!") + f.slice(r.end);
    n.formula = f;
  }
  syncToFile(book);
}

/** A sheet renamed: names that refer to it follow. */
export function renameSheetInNames(book: SimBook, from: string, to: string): void {
  replaceSheet(book, from, () => `${quoted(to)}!`);
}

/** A sheet deleted: names that referred to it now refer to #REF!. */
export function deleteSheetInNames(book: SimBook, sheet: string): void {
  replaceSheet(book, sheet, () => null);
}

/** A column inserted at `at` (0-based) on `sheet`: each reference to that sheet's cells moves as in Excel. */
export function insertColumnInNames(book: SimBook, sheet: string, at: number): void {
  for (const n of namesOf(book)) {
    const refs = sheetRefs(n.formula).filter((r) => same(r.sheet, sheet));
    let f = n.formula;
    for (const r of refs.reverse()) {
      const rest = f.slice(r.end);
      const m = /^(\$?)([A-Z]{1,3})(\$?\d+)(?::(\$?)([A-Z]{1,3})(\$?\d+))?/.exec(rest);
      if (!m) continue;
      const moved = (col: string) => {
        const c = columnIndex(col);
        return columnLetters(c >= at ? c + 1 : c);
      };
      let cell = `${m[1]}${moved(m[2])}${m[3]}`;
      if (m[5] !== undefined) cell += `:${m[4]}${moved(m[5])}${m[6]}`;
      f = f.slice(0, r.end) + cell + rest.slice(m[0].length);
    }
    n.formula = f;
  }
  syncToFile(book);
}

/** Names the file can hold (references to cells, one area or several) written into ExcelJS's list, for the .xlsx export. */
function syncToFile(book: SimBook): void {
  const dn = book.wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> };
  const model: Array<{ name: string; ranges: string[] }> = [];
  const area = /!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;
  for (const n of namesOf(book)) {
    const ref = n.formula.slice(1);
    if (ref.includes("#REF!")) continue;
    const ranges = topLevelParts(ref);
    if (ranges.every((r) => area.test(r))) model.push({ name: n.name, ranges });
  }
  dn.model = model;
}

/** A reference split at the commas of a union (not those inside a quoted sheet name). */
function topLevelParts(ref: string): string[] {
  const parts: string[] = [];
  let quotedName = false;
  let start = 0;
  for (let i = 0; i < ref.length; i++) {
    if (ref[i] === "'") quotedName = !quotedName;
    else if (ref[i] === "," && !quotedName) {
      parts.push(ref.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(ref.slice(start));
  return parts;
}

/** Excel's rules for a name: letter, "_" or "\" first, then letters, digits, "_", "."; never a cell address. */
function validName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return !/^[Rr]\d*[Cc]\d*$/.test(name);
}

function typeOf(formula: string): string {
  const body = formula.slice(1).trim();
  if (/^-?\d+(\.\d+)?$/.test(body)) return Number.isInteger(Number(body)) ? "Integer" : "Double";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (body.startsWith('"')) return "String";
  if (body.startsWith("#")) return "Error";
  return "Range";
}

export class SimNamedItem extends SimProxy {
  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
    private readonly locate: () => SimName | null,
    path: string,
    private readonly orNull = false,
  ) {
    super(context, path);
  }

  private target(): SimName | null {
    const n = this.locate();
    if (!n && !this.orNull) throw simError.itemNotFound(this.path);
    return n;
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
    return ["name", "type", "value", "visible", "comment", "formula"];
  }

  protected readProp(prop: string): unknown {
    const n = this.target();
    if (!n) throw simError.invalidObjectPath(this.path);
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return typeOf(n.formula);
      case "value":
        return n.formula.slice(1);
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      case "formula":
        if (!this.requirements.isSetSupported("ExcelApi", "1.7"))
          throw simError.apiNotFound("NamedItem.formula", "1.7");
        return n.formula;
      default:
        throw simError.invalidArgument(`${this.path}.${prop}`);
    }
  }

  get name(): string {
    return this.value("name");
  }
  get type(): string {
    return this.value("type");
  }
  get visible(): boolean {
    return this.value("visible");
  }
  get comment(): string {
    return this.value("comment");
  }
  get formula(): string {
    return this.value("formula");
  }

  delete(): void {
    this.act({ call: "delete", path: this.path }, () => {
      if (this.book.refusesWrites) throw simError.accessDenied(this.path);
      const n = this.target();
      const list = namesOf(this.book);
      const i = n ? list.indexOf(n) : -1;
      if (i >= 0) list.splice(i, 1);
      syncToFile(this.book);
    });
  }
}

export class SimNamedItemCollection extends SimProxy {
  private itemsLoaded: SimNamedItem[] | null = null;

  constructor(
    context: SimContext,
    private readonly book: SimBook,
    private readonly requirements: SimRequirements,
  ) {
    super(context, "workbook.names");
  }

  protected scalarProps(): string[] {
    return ["count"];
  }
  protected readProp(prop: string): unknown {
    if (prop === "count") return namesOf(this.book).length;
    throw simError.invalidArgument(prop);
  }
  get count(): number {
    return this.value("count");
  }

  private proxy(name: string, orNull = false): SimNamedItem {
    return new SimNamedItem(
      this.context,
      this.book,
      this.requirements,
      () => namesOf(this.book).find((n) => same(n.name, name)) ?? null,
      `NamedItem('${name}')`,
      orNull,
    );
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
    const proxies: SimNamedItem[] = [];
    this.context.enqueue({
      describe: { load: this.path, props: list },
      run: () => {
        for (const n of namesOf(this.book)) {
          const bound = n;
          proxies.push(
            new SimNamedItem(
              this.context,
              this.book,
              this.requirements,
              () => bound,
              `NamedItem('${n.name}')`,
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

  get items(): SimNamedItem[] {
    if (!this.itemsLoaded) throw simError.notLoaded("items", this.path);
    return this.itemsLoaded;
  }

  getItem(name: string): SimNamedItem {
    return this.proxy(name).resolveAtSync();
  }

  getItemOrNullObject(name: string): SimNamedItem {
    if (!this.requirements.isSetSupported("ExcelApi", "1.4"))
      throw simError.apiNotFound("NamedItemCollection.getItemOrNullObject", "1.4");
    return this.proxy(name, true).resolveAtSync();
  }

  add(name: string, reference: string, comment?: string): SimNamedItem {
    if (!this.requirements.isSetSupported("ExcelApi", "1.4"))
      throw simError.apiNotFound("NamedItemCollection.add", "1.4");
    this.context.enqueue({
      describe: { call: "names.add", name, reference, comment },
      run: () => {
        if (this.book.refusesWrites) throw simError.accessDenied("names.add");
        if (!validName(name)) throw simError.invalidArgument(`name ${name}`);
        const list = namesOf(this.book);
        if (list.some((n) => same(n.name, name)))
          throw new SimOfficeError("ItemAlreadyExists", `A name ${name} exists`, "names.add");
        const formula = reference.startsWith("=") ? reference : `=${reference}`;
        if (misreadSheetReference(formula)) throw simError.invalidArgument(`reference ${reference}`);
        // A reference to a sheet that is not there is refused, as Excel refuses it.
        for (const r of sheetRefs(formula))
          if (!this.book.sheetByName(r.sheet)) throw simError.invalidArgument(`reference ${reference}`);
        list.push({ name, formula, comment: comment ?? "", visible: true });
        syncToFile(this.book);
        return undefined;
      },
    });
    return this.proxy(name);
  }
}
