/** Running a command's work over every input file: progress bar, and unreadable files reported and skipped. */
import type { InputFiles } from "../files";
import { MSG, READ_REASONS, errnoWords, writeReason } from "../messages";
import { startProgress } from "../progress";
import { ReadError } from "../read/errors";
import type { Failure } from "../report";
import { WriteError } from "../write-file";
import { firstLine, stackOf } from "../failure";
import type { Lang } from "../../core";
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
    ...missing.map((x) => ({ file: x.path, reason: errnoWords(x.reason, args.lang) })),
    ...empty.map((p) => ({ file: p, reason: m.noXlsx(p) })),
  ];
  const traces = new Map<string, string>();
  const results: T[] = [];
  const bar = startProgress(files.length, io, args.progress);
  for (const file of files) {
    try {
      results.push(await work(file));
    } catch (err) {
      // One workbook the engine cannot handle must not stop a folder run: reported and skipped.
      failures.push({ file, reason: reasonOf(err, args.lang) });
      if (args.debug) traces.set(file, stackOf(err));
    }
    bar.tick(file);
  }
  bar.stop();
  for (const f of failures) {
    io.err(m.unreadable(f.file, f.reason));
    const trace = traces.get(f.file);
    if (trace) io.err(trace);
  }
  return {
    results,
    failures,
    order: [...failures.filter((f) => !files.includes(f.file)).map((f) => f.file), ...files],
  };
}

/** What to say of a file that could not be read, analysed or written: words, never a raw code. */
export function reasonOf(err: unknown, lang: Lang = "ja"): string {
  if (err instanceof ReadError) return READ_REASONS[lang][err.kind](err.detail);
  if (err instanceof WriteError) return writeReason(err.kind, err.code, lang);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return errnoWords(code, lang);
  return MSG[lang].internal(firstLine(err));
}
