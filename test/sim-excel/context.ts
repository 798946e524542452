/**
 * The request/sync model of Office.js: proxies queue actions; `sync()` sends them as one request,
 * runs them in order against the workbook, and fills in what was loaded. Reading a property that was
 * not loaded throws PropertyNotLoaded; payload sizes are measured and Excel's limits enforced.
 */
import { simError } from "./errors";
import type { SimBook } from "./state";

/** Fixed per-action cost of Excel's JSON protocol (ids, action type, object path), in bytes. */
const ACTION_OVERHEAD = 60;
/** What an action that loads nothing adds to a sync's response (the preview tells reads from writes by it). */
export const RESPONSE_BYTES_PER_ACTION = ACTION_OVERHEAD / 2;

export interface SimAction {
  /** What the request carries for this action (serialised to size the payload). */
  describe: unknown;
  /** Runs at sync; returns what goes into the response (loaded values), or undefined. */
  run: () => unknown;
}

export class SimContext {
  private queue: SimAction[] = [];
  /** Cells touched by loads in the current batch (for tests; Excel's limit is per range). */
  cellsLoaded = 0;

  constructor(
    readonly book: SimBook,
    /** Excel.run({ delayForCellEdit: true }) on a host that has it (ExcelApi 1.11). */
    private readonly delayForCellEdit = false,
  ) {}

  enqueue(a: SimAction): void {
    this.queue.push(a);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.cellsLoaded = 0;
    const n = this.book.syncLog.length + 1;
    const requestBytes = actions.reduce((sum, a) => sum + ACTION_OVERHEAD + jsonBytes(a.describe), 0);
    const record = {
      n,
      actions: actions.length,
      requestBytes,
      responseBytes: 0,
      error: null as string | null,
    };
    this.book.syncLog.push(record);
    // Excel answers on a later turn of the event loop, like a real round trip.
    await Promise.resolve();
    this.book.beforeBatch?.(n);
    // In cell edit mode the batch fails, unless it asked to wait (Excel.RunOptions.delayForCellEdit).
    while (this.book.cellEdit) {
      if (!this.delayForCellEdit) {
        record.error = "InvalidOperationInCellEditMode";
        throw simError.cellEditMode();
      }
      await this.book.cellEdit.exited;
    }
    if (requestBytes > this.book.limits.requestBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw simError.requestTooLarge(requestBytes);
    }
    const commits: Array<() => void> = [];
    let responseBytes = 0;
    try {
      for (const a of actions) {
        const result = a.run();
        if (typeof result === "function") commits.push(result as () => void);
        responseBytes +=
          RESPONSE_BYTES_PER_ACTION + (result === undefined ? 0 : jsonBytes(loadedPayload(result)));
      }
    } catch (e) {
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    } finally {
      // suspendApiCalculationUntilNextSync holds for this batch only.
      this.book.calculationSuspended = false;
    }
    record.responseBytes = responseBytes;
    if (responseBytes > this.book.limits.responseBytes) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw simError.responseTooLarge(responseBytes);
    }
    // Loaded values become readable only once the whole batch has succeeded.
    for (const c of commits) c();
  }
}

/** A load's result: the values it brings back (for sizing) and the commit that exposes them. */
export interface LoadResult {
  (): void;
  payload: unknown;
}

/** A load's result: what it read (`payload`) and what exposing it at sync does (`commit`). */
export function loadResult(payload: unknown, commit: () => void): LoadResult {
  return Object.assign(commit, { payload });
}

/**
 * A collection's `items/...` load: each item's `props` read now (the payload), committed to the item
 * at sync, then `done` (the collection records its items).
 */
export function itemsLoadResult(items: SimProxy[], props: string[], done: () => void): LoadResult {
  const payload = items.map((p) => p.snapshotFor(props));
  return loadResult(payload, () => {
    items.forEach((p, i) => p.commitSnapshot(payload[i]));
    done();
  });
}

function loadedPayload(result: unknown): unknown {
  return typeof result === "function" ? (result as LoadResult).payload : result;
}

export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  // UTF-8 bytes, as the request travels.
  return new TextEncoder().encode(JSON.stringify(v)).length;
}

/** The property-loading machinery every proxy shares. */
export abstract class SimProxy {
  private loaded = new Map<string, unknown>();
  private nullKnown: boolean | null = null;

  constructor(
    readonly context: SimContext,
    /** For error locations: "Worksheet('集計').getRange('A1')". */
    readonly path: string,
  ) {}

  /** Scalar properties `load()` without arguments brings back. */
  protected abstract scalarProps(): string[];
  /** The value of a scalar property, read from the workbook at sync time. */
  protected abstract readProp(prop: string): unknown;
  /** A navigation property (format, fill, protection, …) or undefined for a scalar. */
  protected child(_prop: string): SimProxy | undefined {
    return undefined;
  }
  /** Null objects (from *OrNullObject) resolve to null at sync. */
  protected isNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === null) throw simError.notLoaded("isNullObject", this.path);
    return this.nullKnown;
  }

  /** Called by the action that creates the proxy so that isNullObject is known after sync. */
  protected trackNull(): void {
    this.context.enqueue({
      describe: { path: this.path },
      run: () => {
        const isNull = this.isNull();
        return loadResult({ isNull }, () => {
          this.nullKnown = isNull;
        });
      },
    });
  }

  /** For proxies that load in their own way (collections): what isNullObject reads after sync. */
  protected markNull(isNull: boolean): void {
    this.nullKnown = isNull;
  }

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw simError.notLoaded(prop, this.path);
    return this.loaded.get(prop) as T;
  }

  /** A value the add-in set is readable again only after it was loaded (Excel keeps no client copy). */
  protected forget(prop: string): void {
    this.loaded.delete(prop);
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = normaliseLoad(props);
    const scalars: string[] = [];
    // One load per navigation property, as office.js merges "areas/items/a,areas/items/b".
    const navs = new Map<SimProxy, string[]>();
    for (const p of list.length ? list : this.scalarProps()) {
      const [head, ...rest] = p.split("/");
      const nav = this.child(head);
      if (nav) navs.set(nav, [...(navs.get(nav) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      else scalars.push(head);
    }
    for (const [nav, paths] of navs) nav.load(paths.length ? paths.join(",") : undefined);
    if (scalars.length) this.enqueueLoad(scalars);
    return this;
  }

  protected enqueueLoad(props: string[]): void {
    this.context.enqueue({
      describe: { load: this.path, props },
      run: () => {
        if (this.isNull()) {
          return loadResult(null, () => {
            this.nullKnown = true;
          });
        }
        const got = props.map((p) => [p, this.readProp(p)] as const);
        return loadResult(Object.fromEntries(got), () => {
          this.nullKnown = false;
          for (const [p, v] of got) this.loaded.set(p, v);
        });
      },
    });
  }

  /** Queue a write (or method call) that runs at sync. */
  protected act(describe: unknown, run: () => void): void {
    this.context.enqueue({
      describe,
      run: () => {
        if (this.isNull()) throw simError.invalidObjectPath(this.path);
        run();
        return undefined;
      },
    });
  }

  /** Reads properties now (inside a sync) for a collection's `items/...` load; nested paths recurse. */
  snapshotFor(props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props.length ? props : this.scalarProps()) {
      const [head, ...rest] = p.split("/");
      const nav = this.child(head);
      if (nav)
        out[head] = {
          ...((out[head] as object) ?? {}),
          ...nav.snapshotFor(rest.length ? [rest.join("/")] : []),
        };
      else out[head] = this.readProp(head);
    }
    return out;
  }

  commitSnapshot(s: Record<string, unknown>): void {
    this.nullKnown = false;
    for (const [k, v] of Object.entries(s)) {
      const nav = this.child(k);
      if (nav) nav.commitSnapshot(v as Record<string, unknown>);
      else this.loaded.set(k, v);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function normaliseLoad(props?: string | string[] | { select?: string }): string[] {
  if (props === undefined) return [];
  const s = Array.isArray(props) ? props.join(",") : typeof props === "string" ? props : (props.select ?? "");
  return s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}
