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

  /** `compute` is fixed here rather than passed per call: no closure is allocated per lookup. */
  constructor(private readonly compute: (key: string) => V) {}

  get(key: string): V {
    if (key.length > MAX_KEY_LENGTH) return this.compute(key);
    const hit = this.table.get(key);
    if (hit !== undefined) return hit;
    const out = this.compute(key);
    if (this.table.size >= LIMIT) this.table.clear();
    this.table.set(key, out);
    return out;
  }
}
