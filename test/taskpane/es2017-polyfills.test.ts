/**
 * The polyfills the pages install on ES2017 hosts (src/shared/es2017-polyfills.ts) answer as the
 * built-ins do (compared with Node's on generated input), and are installed only where missing.
 */
import fc from "fast-check";
import { flat, flatMap, fromEntries, installPolyfills, matchAll } from "../../src/shared/es2017-polyfills";

const nested = fc.array(fc.oneof(fc.integer(), fc.array(fc.oneof(fc.integer(), fc.array(fc.integer())))));

test('fromEntries makes "__proto__" an own key, as the built-in does (found by the property below)', () => {
  const e: Array<[string, number]> = [
    ["__proto__", 0],
    ["a", 1],
  ];
  expect(fromEntries(e)).toEqual(Object.fromEntries(e));
  expect(Object.getPrototypeOf(fromEntries(e))).toBe(Object.prototype);
  expect(Object.keys(fromEntries(e))).toEqual(["__proto__", "a"]);
});

test("fromEntries, flat, flatMap and matchAll agree with the built-ins", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string(), fc.integer())), (e) => {
      expect(fromEntries(e)).toEqual(Object.fromEntries(e));
      expect(fromEntries(new Map(e))).toEqual(Object.fromEntries(new Map(e)));
    }),
  );
  fc.assert(
    fc.property(nested, fc.integer({ min: 0, max: 3 }), (a, depth) => {
      expect(flat.call(a, depth)).toEqual(a.flat(depth));
      expect(flat.call(a)).toEqual(a.flat());
      const f = (v: unknown, i: number) => (i % 2 ? [v, i] : v);
      expect(flatMap.call(a, f as never)).toEqual(a.flatMap(f));
    }),
  );
  // eslint-disable-next-line no-sparse-arrays
  expect(flat.call([1, , [2, , 3]])).toEqual([1, , [2, , 3]].flat());
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom("a", "b", "1", "-", "") }),
      fc.constantFrom(/a+/g, /\d|b/g, /x*/g, /(a)(b)?/g),
      (s, re) => {
        const ours = [...matchAll.call(s, re)].map((m) => [m.index, ...m]);
        const native = [...s.matchAll(re)].map((m) => [m.index, ...m]);
        expect(ours).toEqual(native);
      },
    ),
  );
  expect(() => [...matchAll.call("a", /a/)]).toThrow(TypeError);
});

test("installed only where missing", () => {
  expect(installPolyfills()).toEqual([]);
  const fake = { Object: {}, Array: { prototype: {} }, String: { prototype: {} } };
  expect(installPolyfills(fake)).toEqual([
    "Object.fromEntries",
    "Array.prototype.flat",
    "Array.prototype.flatMap",
    "String.prototype.matchAll",
  ]);
  expect(Object.keys(fake.Array.prototype)).toEqual([]); // not enumerable
  expect(typeof (fake.Object as { fromEntries?: unknown }).fromEntries).toBe("function");
});
