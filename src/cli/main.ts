/**
 * The command line's entry (bin/shinchoku.js calls it): parse, load the configuration, dispatch;
 * returns the exit status. Every failure is one line in the user's language (ja unless --lang en)
 * and an exit status; the stack trace only with --debug.
 */
import { langOf, parseCliArgs, UsageError, type CliArgs } from "./args";
import { ConfigError, configWarningLine, loadConfig } from "./config-file";
import { processIO, type CliIO } from "./io";
import { replaceableByWorkbook } from "./workbook-settings";
import { MSG, usage } from "./messages";
import { configCommand } from "./commands/config";
import type { CommandContext } from "./commands/context";
import type { Lang } from "../core";
import { firstLine, stackOf } from "./failure";

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes("--debug");
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    return failed(io, err, langOf(argv), debug);
  }
  if (args.command === "help") {
    io.out(usage(args.lang));
    return argv.length === 0 ? 2 : 0;
  }
  try {
    const config =
      args.command === "config"
        ? loadConfig(null)
        : args.config === null
          ? replaceableByWorkbook(loadConfig(null)) // each workbook's saved settings, if any
          : loadConfig(args.config, (w) => io.err(configWarningLine(args.lang, args.config ?? "", w)));
    const ctx: CommandContext = { args, config, io };
    switch (args.command) {
      case "config":
        return configCommand(ctx);
      // Loaded when needed: they bring in what --help and config never use.
      case "validate":
        return await (await import("./commands/validate")).validateCommand(ctx);
      case "fill":
      case "summary":
      case "run":
      case "undo":
        return await (await import("./commands/write")).writeCommand(ctx, args.command);
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(MSG[args.lang].badConfig(args.config ?? "", err.reason(args.lang)));
      if (debug) io.err(stackOf(err));
      return 2;
    }
    return failed(io, err, args.lang, args.debug);
  }
  return 2;
}

/** One line for a failure: wrong arguments, or an error nothing else caught (its trace with --debug). */
function failed(io: CliIO, err: unknown, lang: Lang, debug: boolean): number {
  if (err instanceof UsageError) {
    io.err(`${err.text(lang)} — ${MSG[lang].seeHelp}`);
    if (debug) io.err(stackOf(err));
    return 2;
  }
  io.err(MSG[lang].internal(firstLine(err)));
  if (debug) io.err(stackOf(err));
  return 2;
}
