/**
 * The three library calls newer than ES2017 that the engine makes (Object.fromEntries,
 * Array.prototype.flatMap and flat, String.prototype.matchAll), installed where the host lacks
 * them: the pages compile to ES2017 for the EdgeHTML webview of Office on Windows without WebView2
 * (issue 17), which has ES2017's library and not these. tsconfig.web.json admits exactly these
 * beyond ES2017, so a production build fails on any other newer call. Each entry imports this first.
 */

type Entries = Iterable<readonly [PropertyKey, unknown]>;

export function fromEntries(entries: Entries): Record<PropertyKey, unknown> {
  const out: Record<PropertyKey, unknown> = {};
  // An own data property, as the built-in creates it: assigning "__proto__" would set the prototype
  // instead (a key can be any cell text).
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  return out;
}

function flatInto(out: unknown[], list: ArrayLike<unknown>, depth: number): void {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) continue;
    const v = list[i];
    if (depth > 0 && Array.isArray(v)) flatInto(out, v, depth - 1);
    else out.push(v);
  }
}

export function flat(this: ArrayLike<unknown>, depth = 1): unknown[] {
  const out: unknown[] = [];
  flatInto(out, this, Math.floor(Number(depth)) || 0);
  return out;
}

export function flatMap(
  this: ArrayLike<unknown>,
  f: (v: unknown, i: number, a: ArrayLike<unknown>) => unknown,
  thisArg?: unknown,
): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < this.length; i++) {
    if (!(i in this)) continue;
    const r = f.call(thisArg, this[i], i, this);
    if (Array.isArray(r)) flatInto(out, r, 0);
    else out.push(r);
  }
  return out;
}

export function* matchAll(this: string, pattern: RegExp | string): IterableIterator<RegExpExecArray> {
  if (pattern instanceof RegExp && !pattern.global)
    throw new TypeError("String.prototype.matchAll called with a non-global RegExp argument");
  const re = pattern instanceof RegExp ? new RegExp(pattern.source, pattern.flags) : new RegExp(pattern, "g");
  if (pattern instanceof RegExp) re.lastIndex = pattern.lastIndex;
  const s = String(this);
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    yield m;
    if (m[0] === "") re.lastIndex += 1;
  }
}

/** Defines each missing method on the given constructors (the globals unless told); returns their names. */
export function installPolyfills(
  // Not globalThis: that is ES2020 too.
  g: { Object: object; Array: { prototype: object }; String: { prototype: object } } = {
    Object,
    Array,
    String,
  },
): string[] {
  const installed: string[] = [];
  const define = (target: object, name: string, value: unknown, label: string) => {
    if (typeof (target as Record<string, unknown>)[name] === "function") return;
    Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
    installed.push(label);
  };
  define(g.Object, "fromEntries", fromEntries, "Object.fromEntries");
  define(g.Array.prototype, "flat", flat, "Array.prototype.flat");
  define(g.Array.prototype, "flatMap", flatMap, "Array.prototype.flatMap");
  define(g.String.prototype, "matchAll", matchAll, "String.prototype.matchAll");
  return installed;
}

installPolyfills();
