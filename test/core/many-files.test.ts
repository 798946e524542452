/**
 * A summary of several files refuses settings that differ in what shapes it (SUMMARY_KEYS). That
 * list and the print that records the summary's settings (summarySettingsPrint) must name the same
 * settings, or a difference the summary depends on would pass unnoticed.
 */
import { DEFAULT_CONFIG } from "../../src/core/config/config";
import { summarySettingsPrint } from "../../src/core/plan/summary-plan";
import { SUMMARY_KEYS } from "../../src/core/summary/many-files";

/** The configuration's settings a function reads, recorded through a proxy. */
function settingsRead(read: (c: typeof DEFAULT_CONFIG) => unknown): Set<string> {
  const seen = new Set<string>();
  const proxy = new Proxy(DEFAULT_CONFIG, {
    get(target, key, receiver) {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  read(proxy);
  return seen;
}

test.each([true, false])("summarySettingsPrint (live %s) reads only settings in SUMMARY_KEYS", (live) => {
  const read = settingsRead((c) => summarySettingsPrint(c, live));
  expect(read.size).toBeGreaterThan(5);
  expect([...read].filter((k) => !(SUMMARY_KEYS as readonly string[]).includes(k))).toEqual([]);
});
