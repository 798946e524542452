import * as fs from "fs";
import * as path from "path";
import { ALL_RULES } from "../../../src/core/checks";
import type { Rule } from "../../../src/core/checks/rule";

/** Rule files are named after their codes: rules/write/sheet-missing.ts holds write/sheet-missing. */
const RULES_DIR = path.resolve(__dirname, "../../../src/core/checks/rules");

const ruleFiles = fs
  .readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    fs
      .readdirSync(path.join(RULES_DIR, d.name))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `${d.name}/${f.slice(0, -3)}`),
  )
  .sort();

describe("rule files", () => {
  it.each(ruleFiles)("rules/%s.ts exports the rule of that code, and only it", (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(RULES_DIR, name)) as Record<string, unknown>;
    const rules = Object.values(mod).filter(
      (v): v is Rule => typeof v === "object" && v !== null && "code" in v,
    );
    expect(rules.map((r) => r.code)).toEqual([name]);
  });

  it("has one file per registered rule and no loose files", () => {
    expect(ALL_RULES.map((r) => r.code).sort()).toEqual(ruleFiles);
    expect(fs.readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts"))).toEqual([]);
  });
});
