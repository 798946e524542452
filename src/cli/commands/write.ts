/**
 * fill IN -o OUT, summary IN... -o OUT, run IN -o OUT. The input is only written with --in-place;
 * OUT is the input workbook with our edits (every other cell, merge, style and sheet kept).
 * summary with several inputs writes a new workbook holding the summary alone (no links).
 */
import type ExcelJS from "exceljs";
import { Workbook } from "../exceljs-workbook";
import { analyse, type WorkbookSnapshot } from "../../core";
import { UsageError } from "../args";
import { applyPlan, type ApplyResult } from "../apply-plan";
import { expandInputs, samePath, type InputFiles } from "../files";
import { analyseFile, loadFile, planWrites, type Analysed, type WriteKind } from "../pipeline";
import { exitCode, jsonOutput, textReport, type Failure } from "../report";
import { saveWorkbook } from "../workbook-io";
import { msg, type CommandContext } from "./context";
import { partNames } from "../messages";
import { eachFile, reasonOf } from "./each-file";

export async function writeCommand(ctx: CommandContext, kind: WriteKind): Promise<number> {
  const { args } = ctx;
  const m = msg(ctx);
  if (args.inputs.length === 0) throw new UsageError(m.noInput);
  // Folders are walked once, here; a folder holding one workbook stands for that workbook.
  const inputs = expandInputs(args.inputs);
  if (kind === "summary" && (inputs.files.length > 1 || args.inputs.length > 1))
    return summaryOfMany(ctx, inputs);
  if (args.inputs.length > 1) throw new UsageError(m.oneInput);
  const input = inputs.files.length === 1 ? inputs.files[0] : args.inputs[0];
  const out = outputPath(ctx, input);

  let a: Analysed & { wb: ExcelJS.Workbook };
  try {
    a = await analyseFile(input, ctx.config, args.asOf);
  } catch (err) {
    const reason = reasonOf(err);
    ctx.io.err(m.unreadable(input, reason));
    if (args.json) ctx.io.out(JSON.stringify(jsonOutput([], [{ file: input, reason }], args.lang, [input])));
    return 2;
  }
  if (a.wouldDrop.length) {
    // ExcelJS would write the workbook back without them: never into the input, only as a new file.
    if (args.inPlace) {
      ctx.io.err(m.wouldDropInPlace(input, partNames(a.wouldDrop, args.lang)));
      return 2;
    }
    ctx.io.err(m.wouldDrop(out, partNames(a.wouldDrop, args.lang)));
  }
  const applied: ApplyResult[] = planWrites(a, kind, true, args.lang).map((p) => applyPlan(a.wb, p));
  return finish(ctx, a.wb, out, [a], [], applied, [input]);
}

async function summaryOfMany(ctx: CommandContext, inputs: InputFiles): Promise<number> {
  const { args } = ctx;
  const m = msg(ctx);
  if (args.inPlace) throw new UsageError(m.inPlaceMulti);
  if (!args.out) throw new UsageError(m.needOut);
  // Paths alone decide this: before any file is read.
  for (const f of inputs.files) if (samePath(f, args.out)) throw new UsageError(m.sameAsInput);
  // Only the snapshots: the one analysis is of all files' sheets together, below.
  const { results, failures } = await eachFile(ctx, inputs, async (file) => {
    const { snapshot } = await loadFile(file);
    return { file, snapshot };
  });
  // One analysis over every file's sheets, so that an item split across files joins by No.
  const combined: WorkbookSnapshot = { sheets: uniqueSheetNames(results) };
  const analysis = analyse(combined, ctx.config, { asOf: args.asOf });
  const wb = new Workbook();
  const whole: Analysed = {
    file: results.map((r) => r.file).join(", "),
    wb,
    snapshot: { sheets: [] },
    analysis,
    planFindings: [],
    wouldDrop: [],
  };
  const applied = planWrites(whole, "summary", false).map((p) => applyPlan(wb, p));
  return finish(ctx, wb, args.out, [whole], failures, applied, [...failures.map((f) => f.file), whole.file]);
}

/** Sheets of several files; a name used in more than one file gets the file's name in front. */
function uniqueSheetNames(results: Array<{ file: string; snapshot: WorkbookSnapshot }>) {
  const count = new Map<string, number>();
  for (const r of results) for (const s of r.snapshot.sheets) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return results.flatMap((r) =>
    r.snapshot.sheets.map((s) =>
      (count.get(s.name) ?? 0) > 1 ? { ...s, name: `${r.file.replace(/^.*[\\/]/, "")}|${s.name}` } : s,
    ),
  );
}

function outputPath(ctx: CommandContext, input: string): string {
  const { args } = ctx;
  const m = msg(ctx);
  if (args.inPlace) {
    if (args.out && !samePath(args.out, input)) throw new UsageError(m.needOut);
    return input;
  }
  if (!args.out) throw new UsageError(m.needOut);
  if (samePath(args.out, input)) throw new UsageError(m.sameAsInput);
  return args.out;
}

async function finish(
  ctx: CommandContext,
  wb: ExcelJS.Workbook,
  out: string,
  results: Analysed[],
  failures: Failure[],
  applied: ApplyResult[],
  order: string[],
): Promise<number> {
  const { args, io } = ctx;
  const m = msg(ctx);
  try {
    await saveWorkbook(wb, out);
  } catch (err) {
    io.err(m.writeFailed(out, (err as Error).message));
    return 2;
  }
  if (args.json) io.out(JSON.stringify(jsonOutput(results, failures, args.lang, order), null, 2));
  else for (const r of results) io.out(textReport(r, args.lang) + "\n");
  const note = args.json ? io.err : io.out;
  for (const p of applied.flatMap((x) => x.problems)) io.err(m.notApplied(p));
  if (applied.some((x) => x.chartsSkipped > 0)) note(m.chartsSkipped);
  note(m.outputWritten(out));
  return exitCode(results, failures);
}
