/**
 * npm run schema: schema/shinchoku.schema.json, the JSON Schema of a configuration file, generated
 * from the one valibot schema (src/core/config/schema.ts) so that editors complete and check a
 * file that names it with "$schema". A test keeps the committed file equal to what this makes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { toJsonSchema } from "@valibot/to-json-schema";
import { ALL_RULES, overridesSchema, SEVERITY_VALUES, SHEET_NAME_PATTERNS } from "../src/core";
import { repoRoot } from "./sample-items";

export const SCHEMA_FILE = path.join(repoRoot(), "schema", "shinchoku.schema.json");

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  [key: string]: unknown;
}

/** The JSON Schema text. What JSON Schema cannot say (mostly ≤ achieved, unique codes) stays with the tool. */
export function configJsonSchemaText(): string {
  // "ignore": the one custom check (an object, not an array) has no JSON Schema form; "type": "object" says it.
  const schema = toJsonSchema(overridesSchema(), {
    target: "draft-07",
    errorMode: "ignore",
  }) as JsonSchemaNode;
  const props = schema.properties!;
  // JSON Schema keeps one "pattern" per node; the sheet name has several rules.
  const sheet = props.summarySheetName;
  delete sheet.pattern;
  sheet.allOf = Object.values(SHEET_NAME_PATTERNS).map((re) => ({ pattern: re.source }));
  // Known rule codes, so an editor offers them; others are allowed (the tool warns).
  props.severity.properties = Object.fromEntries(
    ALL_RULES.map((r) => [
      r.code,
      { enum: [...SEVERITY_VALUES], description: `${r.description.ja} / ${r.description.en}` },
    ]),
  );
  return `${JSON.stringify({ ...schema, title: "Shinchoku configuration" }, null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, configJsonSchemaText());
  process.stdout.write(`${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
