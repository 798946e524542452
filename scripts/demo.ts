/**
 * npm run demo: `shinchoku run` on the main sample (six reform items, two sheets each, made from the
 * seed) to out/demo.xlsx, as of 2019-06-30 (after the plan period, when every year is graded).
 * The sample is regenerated if missing. The sample's errors are there on purpose: exit 0 unless
 * the run itself failed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { processIO } from "../src/cli/io";
import { MAIN_SAMPLE, makeSamples } from "./make-samples";
import { repoRoot } from "./sample-items";

export const DEMO_OUT = path.join(repoRoot(), "out", "demo.xlsx");
const AS_OF = "2019-06-30";

async function demo(): Promise<number> {
  if (!fs.existsSync(MAIN_SAMPLE)) await makeSamples();
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  process.stdout.write(`$ shinchoku run ${rel(MAIN_SAMPLE)} -o ${rel(DEMO_OUT)} --as-of ${AS_OF}\n\n`);
  const code = await main(["run", rel(MAIN_SAMPLE), "-o", rel(DEMO_OUT), "--as-of", AS_OF], processIO());
  process.stdout.write(
    `\n終了コード ${code}（1 = エラーあり: サンプルには意図的な誤りが含まれています）\n` +
      `出力ブック: ${DEMO_OUT}\n` +
      `  各項目シートの右側に【進捗 自動計算欄】（達成率・判定・増分・累計）、最後に「集計」シート（開くとこのシートが表示されます）があります。\n`,
  );
  return code === 2 ? 2 : 0;
}

demo().then(
  (code) => (process.exitCode = code),
  (err) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 2;
  },
);
