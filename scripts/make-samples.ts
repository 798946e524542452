/**
 * npm run samples: samples/reform-plan.xlsx (six items, two sheets each, from the seed) and
 * samples/seed-pasted.xlsx (the seed text pasted at A1 as it is).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { workbookFromSnapshots } from "../src/cli/write-snapshot";
import { saveWorkbook } from "../src/cli/workbook-io";
import { SAMPLE_VARIANTS, SAMPLE_WIDTHS, itemSheets, pasteAsExcel, repoRoot, seedText } from "./sample-items";

export const SAMPLES_DIR = path.join(repoRoot(), "samples");
export const MAIN_SAMPLE = path.join(SAMPLES_DIR, "reform-plan.xlsx");
export const PASTED_SAMPLE = path.join(SAMPLES_DIR, "seed-pasted.xlsx");

export async function makeSamples(dir = SAMPLES_DIR): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const text = seedText();
  const main = workbookFromSnapshots(
    SAMPLE_VARIANTS.flatMap((v) => itemSheets(v, text)),
    { widths: SAMPLE_WIDTHS, labelColumn: true },
  );
  const pasted = workbookFromSnapshots([pasteAsExcel(text, "貼り付け")], { widths: SAMPLE_WIDTHS });
  const files = [path.join(dir, path.basename(MAIN_SAMPLE)), path.join(dir, path.basename(PASTED_SAMPLE))];
  await saveWorkbook(main, files[0]);
  await saveWorkbook(pasted, files[1]);
  return files;
}

if (require.main === module) {
  makeSamples().then(
    (files) => files.forEach((f) => process.stdout.write(`wrote ${path.relative(process.cwd(), f)}\n`)),
    (err) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
