/** validate FILE_OR_FOLDER...: read and check, print the report; nothing is written. */
import { UsageError } from "../args";
import { expandInputs, type InputFiles } from "../files";
import { analyseFile, type Analysed } from "../pipeline";
import { startProgress } from "../progress";
import { exitCode, jsonOutput, textReport, type Failure } from "../report";
import { ReadError } from "../workbook-io";
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

/** `work` on every file of the inputs, with a progress bar; a file it fails on is reported and skipped. */
export async function eachFile<T>(
  ctx: CommandContext,
  inputs: InputFiles,
  work: (file: string) => Promise<T>,
): Promise<{ results: T[]; failures: Failure[]; order: string[] }> {
  const { args, io } = ctx;
  const m = msg(ctx);
  const { files, missing, empty } = inputs;
  const failures: Failure[] = [
    ...missing.map((x) => ({ file: x.path, reason: x.reason })),
    ...empty.map((p) => ({ file: p, reason: m.noXlsx(p) })),
  ];
  const results: T[] = [];
  const bar = startProgress(files.length, io, args.progress);
  for (const file of files) {
    try {
      results.push(await work(file));
    } catch (err) {
      // One workbook the engine cannot handle must not stop a folder run: reported and skipped.
      failures.push({ file, reason: reasonOf(err) });
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

/** What to say of a file that could not be read or analysed. */
export function reasonOf(err: unknown): string {
  return err instanceof ReadError ? err.reason : String((err as Error).message ?? err);
}
