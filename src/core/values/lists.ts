/**
 * Array.prototype.map that always gives a packed list. Once its caller is optimised, V8's inlined
 * map builds a holey list (packed before): lists the model keeps changed their elements kind from one
 * run to the next, and the code reading them was thrown away ("wrong map") and compiled again.
 */
export function mapList<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}
