/**
 * Office.context.document.settings over the sim workbook. Saved settings live in a veryHidden sheet
 * (SETTINGS_SHEET) of the backing ExcelJS workbook, one JSON text split over column A, so an exported
 * .xlsx keeps them and a reload finds them; the sim's worksheet collection never shows that sheet.
 * (Real Office keeps them in the file's web-extension part, which ExcelJS cannot write.)
 */
import type { SimBook } from "./state";
import { SETTINGS_SHEET } from "./state";

const CHUNK = 30000;

export function readStore(book: SimBook): Record<string, unknown> {
  const ws = book.wb.getWorksheet(SETTINGS_SHEET);
  if (!ws) return {};
  let text = "";
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== "string") break;
    text += v;
  }
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function writeStore(book: SimBook, data: Record<string, unknown>): void {
  const old = book.wb.getWorksheet(SETTINGS_SHEET);
  if (old) book.wb.removeWorksheet(old.id);
  const ws = book.wb.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  const text = JSON.stringify(data);
  for (let i = 0, r = 1; i < text.length || r === 1; i += CHUNK, r++)
    ws.getCell(r, 1).value = text.slice(i, i + CHUNK) || "{}";
}

type AsyncCallback = (r: { status: "succeeded" | "failed"; error?: { message: string } }) => void;

export class SimSettings {
  private live: Record<string, unknown>;
  constructor(private readonly book: SimBook) {
    const store = readStore(book);
    this.live = (store.settings as Record<string, unknown>) ?? {};
  }
  get(name: string): unknown {
    return name in this.live ? this.live[name] : null;
  }
  set(name: string, value: unknown): void {
    this.live[name] = JSON.parse(JSON.stringify(value ?? null));
  }
  remove(name: string): void {
    delete this.live[name];
  }
  /** Persists into the backing workbook; what was set but not saved is lost on reload, as in Office. */
  saveAsync(options?: unknown, callback?: AsyncCallback): void {
    const cb = typeof options === "function" ? (options as AsyncCallback) : callback;
    const store = readStore(this.book);
    store.settings = JSON.parse(JSON.stringify(this.live));
    writeStore(this.book, store);
    setTimeout(() => cb?.({ status: "succeeded" }), 0);
  }
  refreshAsync(callback?: (r: { status: "succeeded"; value: SimSettings }) => void): void {
    this.live = (readStore(this.book).settings as Record<string, unknown>) ?? {};
    setTimeout(() => callback?.({ status: "succeeded", value: this }), 0);
  }
  addHandlerAsync(): void {}
}
