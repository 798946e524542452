/** validate FILE_OR_FOLDER...: read and check, print the report; nothing is written. */
import { UsageError } from "../args";
import { expandInputs } from "../files";
import { analyseFile, type Analysed } from "../pipeline";
import { startProgress } from "../progress";
import { exitCode, jsonOutput, textReport, type Failure } from "../report";
import { ReadError } from "../workbook-io";
import { msg, type CommandContext } from "./context";

export async function validateCommand(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  if (args.inputs.length === 0) throw new UsageError(msg(ctx).noInput);
  const { results, failures, order } = await analyseAll(ctx, args.inputs);
  if (args.json) io.out(JSON.stringify(jsonOutput(results, failures, args.lang, order), null, 2));
  else for (const r of results) io.out(textReport(r, args.lang) + "\n");
  return exitCode(results, failures);
}

/** Every file of the inputs (folders walked); unreadable ones reported on stderr and skipped. */
export async function analyseAll(
  ctx: CommandContext,
  inputs: string[],
): Promise<{ results: Analysed[]; failures: Failure[]; order: string[] }> {
  const { args, io, config } = ctx;
  const m = msg(ctx);
  const { files, missing, empty } = expandInputs(inputs);
  const failures: Failure[] = [
    ...missing.map((x) => ({ file: x.path, reason: x.reason })),
    ...empty.map((p) => ({ file: p, reason: m.noXlsx(p) })),
  ];
  const results: Analysed[] = [];
  const bar = startProgress(files.length, io, args.progress);
  for (const file of files) {
    try {
      // The workbook itself is let go: a folder of many files is reported, not written.
      results.push({ ...(await analyseFile(file, config, args.asOf)), wb: null });
    } catch (err) {
      // One workbook the engine cannot handle must not stop a folder run: reported and skipped.
      failures.push({
        file,
        reason: err instanceof ReadError ? err.reason : String((err as Error).message ?? err),
      });
    }
    bar.tick(file);
  }
  bar.stop();
  for (const f of failures) io.err(m.unreadable(f.file, f.reason));
  return {
    results,
    failures,
    order: [...failures.filter((f) => !files.includes(f.file)).map((f) => f.file), ...files],
  };
}
