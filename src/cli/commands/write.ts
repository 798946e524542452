/**
 * fill IN -o OUT, summary IN... -o OUT, run IN -o OUT. The input is only written with --in-place;
 * OUT is the input package patched with our edits (src/cli/patch): every part the plans do not
 * touch is copied byte for byte, so charts, pivot tables, macros and everything else stay.
 * summary with several inputs writes a new workbook holding the summary alone (no links), through ExcelJS,
 * each file read with its own settings (analyseMany, src/core/summary/many-files.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { analyseMany, type ShinchokuConfig, type WorkbookSnapshot } from "../../core";
import { UsageError } from "../args";
import { applyPlan, type ApplyResult } from "../apply-plan";
import { expandInputs, samePath, type InputFiles } from "../files";
import { analyseFile, loadFile, planWrites, type Analysed, type WriteKind } from "../pipeline";
import { exitCode, jsonOutput, textReport, type Failure } from "../report";
import { saveBytes, saveWorkbook } from "../workbook-io";
import { configForWorkbook, WorkbookSettingsError } from "../workbook-settings";
import { msg, type CommandContext } from "./context";
import { eachFile, reasonOf } from "./each-file";
import { packageKind, patchWorkbook, type PatchResult } from "../patch/patch-workbook";

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

  let a: Analysed & { bytes: Buffer };
  try {
    // The patcher starts from the file's bytes: no ExcelJS workbook is built.
    const analysed = await analyseFile(input, ctx.config, args.asOf, { workbook: false, texts: true });
    a = { ...analysed, bytes: analysed.bytes ?? fs.readFileSync(input) };
  } catch (err) {
    const reason = reasonOf(err, args.lang);
    return refused(ctx, m.unreadable(input, reason), [{ file: input, reason }]);
  }
  let patched: PatchResult;
  try {
    // .xlsm content keeps its macros only under .xlsm (Excel refuses to open it as .xlsx), and so on.
    const pkgKind = packageKind(a.bytes);
    if (path.extname(out).slice(1).toLowerCase() !== pkgKind) {
      const line = m.extensionMismatch(out, pkgKind);
      return refused(ctx, line, [{ file: input, reason: line }]);
    }
    const plans = planWrites(a, kind, true, args.lang);
    // The ExcelJS workbook is not needed past the snapshot: let it go before the patch allocates.
    const bytes = a.bytes;
    (a as Analysed).wb = null;
    patched = await patchWorkbook(bytes, plans, a.texts ?? undefined, a.snapshot.sheets);
    a.texts = null;
  } catch (err) {
    if (args.debug) ctx.io.err((err as Error).stack ?? String(err));
    const line = m.patchRefused(input, (err as Error).message);
    return refused(ctx, line, [{ file: input, reason: line }]);
  }
  return finish(ctx, { bytes: patched.bytes }, out, [a], [], [patched], [input]);
}

async function summaryOfMany(ctx: CommandContext, inputs: InputFiles): Promise<number> {
  const { args } = ctx;
  const m = msg(ctx);
  if (args.inPlace) throw new UsageError(m.inPlaceMulti);
  if (!args.out) throw new UsageError(m.needOut);
  // Paths alone decide this: before any file is read.
  for (const f of inputs.files) if (samePath(f, args.out)) throw new UsageError(m.sameAsInput);
  // The snapshots and each file's own settings: the analysis is of all files together, below.
  const { results, failures, order } = await eachFile(ctx, inputs, async (file) => {
    const { snapshot, bytes } = await loadFile(file);
    return { file, snapshot, config: settingsOf(ctx, bytes, file) };
  });
  // A settings part the schema refuses stops the run, as for one file (nothing is run on it).
  for (const r of results) if (r.config instanceof WorkbookSettingsError) throw r.config;
  const named = uniqueSheetNames(results);
  const many = analyseMany(
    results.map((r, i) => ({ file: r.file, sheets: named[i], config: r.config as ShinchokuConfig })),
    args.asOf,
    ctx.config,
  );
  if (many.kind !== "ok") {
    const files = many.files.map((f) => path.basename(f));
    const line =
      many.kind === "settingsDiffer"
        ? m.summarySettingsDiffer(many.keys, files)
        : m.summaryItemAcrossSettings(many.no, files);
    // Every file read is refused with this reason; the unreadable ones keep theirs.
    return refused(ctx, line, [...failures, ...results.map((r) => ({ file: r.file, reason: line }))], order);
  }
  const { analysis } = many;
  // ExcelJS only here (a new workbook): loaded when needed, so that the patching commands need not load it.
  const { Workbook } = await import("../exceljs-workbook");
  const wb = new Workbook();
  const whole: Analysed = {
    file: results.map((r) => r.file).join(", "),
    wb,
    bytes: null,
    texts: null,
    snapshot: { sheets: [] },
    analysis,
    planFindings: [],
  };
  const applied = planWrites(whole, "summary", false).map((p) => applyPlan(wb, p));
  return finish(ctx, { wb }, args.out, [whole], failures, applied, [
    ...failures.map((f) => f.file),
    whole.file,
  ]);
}

/** The file's own settings (--config over them); a part the schema refuses, as the error to throw. */
function settingsOf(
  ctx: CommandContext,
  bytes: Buffer,
  file: string,
): ShinchokuConfig | WorkbookSettingsError {
  try {
    return configForWorkbook(ctx.config, bytes, file);
  } catch (err) {
    if (err instanceof WorkbookSettingsError) return err;
    throw err;
  }
}

/** Each file's sheets; a name used in more than one file gets the file's name in front. */
function uniqueSheetNames(results: Array<{ file: string; snapshot: WorkbookSnapshot }>) {
  const count = new Map<string, number>();
  for (const r of results) for (const s of r.snapshot.sheets) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return results.map((r) => {
    const file = r.file.replace(/^.*[\\/]/, "");
    // Each sheet says its file: the summary names each item's file.
    return r.snapshot.sheets.map((s) =>
      (count.get(s.name) ?? 0) > 1 ? { ...s, name: `${file}|${s.name}`, file } : { ...s, file },
    );
  });
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
  output: { wb: ExcelJS.Workbook } | { bytes: Buffer },
  out: string,
  results: Analysed[],
  failures: Failure[],
  applied: Array<Pick<ApplyResult, "problems" | "chartsSkipped">>,
  order: string[],
): Promise<number> {
  const { args, io } = ctx;
  const m = msg(ctx);
  try {
    if ("bytes" in output) await saveBytes(out, output.bytes);
    else await saveWorkbook(output.wb, out);
  } catch (err) {
    const line = m.writeFailed(out, reasonOf(err, args.lang));
    return refused(ctx, line, [...failures, ...results.map((r) => ({ file: r.file, reason: line }))], order);
  }
  if (args.json) io.out(JSON.stringify(jsonOutput(results, failures, args.lang, order), null, 2));
  else for (const r of results) io.out(textReport(r, args.lang) + "\n");
  const note = args.json ? io.err : io.out;
  for (const p of applied.flatMap((x) => x.problems)) io.err(m.notApplied(p));
  if (applied.some((x) => x.chartsSkipped > 0)) note(m.chartsSkipped);
  note(m.outputWritten(out));
  return exitCode(results, failures);
}

/**
 * Nothing written: the line on stderr, and with --json the document saying so on stdout, every
 * file with its error, so that a script reading stdout is told too.
 */
function refused(ctx: CommandContext, line: string, failures: Failure[], order?: string[]): number {
  ctx.io.err(line);
  if (ctx.args.json)
    ctx.io.out(
      JSON.stringify(jsonOutput([], failures, ctx.args.lang, order ?? failures.map((f) => f.file)), null, 2),
    );
  return 2;
}
