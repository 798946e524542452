/**
 * Bounded memo tables for pure functions of short strings. A workbook of 240 sheets repeats the same
 * labels, headers and figures on every sheet; computing each distinct one once saves most of the
 * reader's time and garbage. Results are shared: callers must treat them as read-only.
 */
const LIMIT = 20000;
/** Long strings (evaluation texts) rarely repeat and would only fill the table. */
const MAX_KEY_LENGTH = 200;

export class MemoTable<V> {
  private readonly table = new Map<string, V>();

  constructor(private readonly compute: (key: string) => V) {}

  get(key: string): V {
    if (key.length > MAX_KEY_LENGTH) return this.compute(key);
    let hit = this.table.get(key);
    if (hit === undefined) {
      hit = this.compute(key);
      if (this.table.size >= LIMIT) this.table.clear();
      this.table.set(key, hit);
    }
    return hit;
  }
}

/** How many configurations a ContentCache keeps; a run uses one, tests a few. */
const CONFIG_LIMIT = 8;

/**
 * What was built from a part of the configuration (a matcher, a parser and their memo tables), found
 * again by that part's content: every run merges its configuration afresh, a new but equal object,
 * and what was built for it should serve them all.
 */
export class ContentCache<V> {
  private readonly table = new Map<string, V>();
  /** The same configuration object asked again within a run: found without building its key. */
  private readonly byObject = new WeakMap<object, V>();

  /**
   * By the configuration object first, then by content: a run asks once per sheet or per indicator,
   * and the key (JSON of a part of the configuration) need not be built each time. A configuration
   * is not changed once a run has it (mergeConfig builds a new one each time).
   */
  getFor(owner: object, key: () => string, make: () => V): V {
    let hit = this.byObject.get(owner);
    if (hit === undefined) {
      hit = this.get(key(), make);
      this.byObject.set(owner, hit);
    }
    return hit;
  }

  get(key: string, make: () => V): V {
    let hit = this.table.get(key);
    if (hit === undefined) {
      hit = make();
      if (this.table.size >= CONFIG_LIMIT) this.table.clear();
      this.table.set(key, hit);
    }
    return hit;
  }
}
