/** validate FILE_OR_FOLDER...: read and check, print the report; nothing is written. */
import { UsageError } from "../args";
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
  return exitCode(results, failures);
}

/** Every file of the inputs (folders walked), analysed; unreadable ones reported on stderr and skipped. */
export function analyseAll(
  ctx: CommandContext,
  inputs: InputFiles,
): Promise<{ results: Analysed[]; failures: Failure[]; order: string[] }> {
  const { config, args } = ctx;
  // The workbook itself is let go: a folder of many files is reported, not written.
  return eachFile(ctx, inputs, async (file) => ({
    ...(await analyseFile(file, config, args.asOf)),
    wb: null,
  }));
}
