/** Running a command's work over every input file: progress bar, and unreadable files reported and skipped. */
import type { InputFiles } from "../files";
import { startProgress } from "../progress";
import type { Failure } from "../report";
import { ReadError } from "../workbook-io";
import { msg, type CommandContext } from "./context";

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
