import * as fs from "node:fs";
import { configJsonSchemaText, SCHEMA_FILE } from "../../scripts/config-schema";
import { ALL_RULES } from "../../src/core/checks/index";
import { checkConfig, DEFAULT_CONFIG } from "../../src/core/config/config";

interface Node {
  properties: Record<string, Node>;
  allOf?: { pattern: string }[];
  additionalProperties?: unknown;
  required?: string[];
}

describe("the published JSON Schema", () => {
  const text = configJsonSchemaText();
  const schema = JSON.parse(text) as Node & { $schema: string };

  test("the committed schema/shinchoku.schema.json is what the generator makes (npm run schema)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(text);
  });

  test("it names every setting, refuses others, and allows $schema", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(Object.keys(schema.properties).sort()).toEqual(["$schema", ...Object.keys(DEFAULT_CONFIG)].sort());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.labels.properties).sort()).toEqual(
      Object.keys(DEFAULT_CONFIG.labels).sort(),
    );
    expect(schema.properties.grades).toMatchObject({
      items: { required: ["code", "ja", "en", "expectedFlags"], additionalProperties: false },
    });
  });

  test("severity offers every rule code of the registry", () => {
    expect(Object.keys(schema.properties.severity.properties)).toEqual(ALL_RULES.map((r) => r.code));
  });

  test("its sheet-name patterns refuse what the tool refuses", () => {
    const patterns = schema.properties.summarySheetName.allOf!.map((p) => new RegExp(p.pattern, "u"));
    const passes = (name: string) => patterns.every((re) => re.test(name));
    for (const name of ["集計", "進捗's 集計", "History 2024", "No.28 H27-28", "' ' x"])
      expect([name, passes(name)]).toEqual([name, checkConfig({ summarySheetName: name }).ok]);
    for (const name of ["", " ", "a/b:c", "[x]", "集計?", "'集計", "集計'", "history", "HISTORY"]) {
      expect([name, passes(name)]).toEqual([name, false]);
      expect(checkConfig({ summarySheetName: name }).ok).toBe(false);
    }
  });
});
