import * as fs from "fs";
import * as path from "path";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import { pastedSheet } from "../../../scripts/fixtures/paste";
import { SEED_FILE_NAME, SEED_TEXT } from "../../../scripts/fixtures/seed-text";

export const SEED_PATH = path.resolve(__dirname, "../../seed", SEED_FILE_NAME);

/** The seed pasted at A1 the way Excel does it: tabs split cells, "1,090" and "28" become numbers. */
export function pasteAsExcel(
  text: string,
  name = "貼り付け",
  opts: { numbers?: boolean } = {},
): SheetSnapshot {
  return pastedSheet(name, text, opts);
}

/** The seed text; SHINCHOKU_SEED points the tests at another export of the form. */
export function seedText(): string {
  return process.env.SHINCHOKU_SEED ? fs.readFileSync(process.env.SHINCHOKU_SEED, "utf8") : SEED_TEXT;
}
