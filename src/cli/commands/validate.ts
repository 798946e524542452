/**
 * validate FILE_OR_FOLDER...: read and check, print the report; no workbook is written
 * (--findings-csv writes the findings, with staff's marks from 指摘一覧, as CSV).
 */
import { UsageError } from "../args";
import { checkStale, findingRows, findingsCsv, reviewPlanFindings } from "../../core";
import { reasonOf } from "./each-file";
import { writeFileAtomic } from "../write-file";
import { expandInputs, type InputFiles } from "../files";
import { analyseFile, type Analysed } from "../pipeline";
import { exitCode, jsonOutput, textReport, type Failure } from "../report";
import { eachFile } from "./each-file";
import { msg, type CommandContext } from "./context";

export async function validateCommand(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  if (args.inputs.length === 0) throw new UsageError(msg(ctx).noInput);
  const { results, failures, order } = await analyseAll(ctx, expandInputs(args.inputs));
  if (args.json) io.out(JSON.stringify(jsonOutput(results, failures, args.lang, order), null, 2));
  else for (const r of results) io.out(textReport(r, args.lang) + "\n");
  if (args.findingsCsv !== null && !(await writeCsv(ctx, results, args.findingsCsv))) return 2;
  return exitCode(results, failures);
}

/** The CSV of every file's findings (a ファイル column when there are several); false when it cannot be written. */
async function writeCsv(ctx: CommandContext, results: Analysed[], out: string): Promise<boolean> {
  const { args, io } = ctx;
  const rows = [];
  const files: string[] = [];
  for (const r of results) {
    const a = r.analysis;
    const fr = findingRows({
      keyed: a.keyed,
      marks: a.marks,
      items: a.read.items,
      config: a.config,
      lang: args.lang,
    });
    rows.push(...fr);
    for (let i = 0; i < fr.length; i++) files.push(r.file.replace(/^.*[\\/]/, ""));
  }
  try {
    await writeFileAtomic(
      out,
      Buffer.from(findingsCsv(rows, results.length > 1 ? files : undefined), "utf8"),
    );
  } catch (err) {
    io.err(msg(ctx).writeFailed(out, reasonOf(err, args.lang)));
    return false;
  }
  (args.json ? io.err : io.out)(msg(ctx).csvWritten(out, rows.length));
  return true;
}

/** Every file of the inputs (folders walked), analysed; unreadable ones reported on stderr and skipped. */
export function analyseAll(
  ctx: CommandContext,
  inputs: InputFiles,
): Promise<{ results: Analysed[]; failures: Failure[]; order: string[] }> {
  const { config, args } = ctx;
  // Neither ExcelJS nor the bytes are kept: a folder of many files is reported, not written.
  return eachFile(ctx, inputs, async (file) => {
    const a = await analyseFile(file, config, args.asOf, { workbook: false });
    // Areas and a summary made with other settings or older data: fill/stale, summary/stale.
    a.planFindings.push(...reviewPlanFindings(a.analysis, checkStale(a.analysis, a.snapshot)));
    return { ...a, bytes: null };
  });
}
