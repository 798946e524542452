import * as path from "path";
import { makeSamples } from "../../scripts/make-samples";
import { tmpDir } from "./helpers";

/** Fresh sample workbooks in a temp folder: [進捗管理シート_サンプル.xlsx (6 items × 2 sheets), 進捗管理シート_貼り付け.xlsx]. */
export async function freshSamples(): Promise<{ dir: string; plan: string; pasted: string }> {
  const dir = tmpDir("samples");
  const [plan, pasted] = await makeSamples(dir);
  return { dir, plan: path.resolve(plan), pasted: path.resolve(pasted) };
}
