/** The command line's entry (bin/shinchoku.js calls it): parse, load the configuration, dispatch; returns the exit status. */
import { parseCliArgs, UsageError, type CliArgs } from "./args";
import { ConfigError, configWarningLine, loadConfig } from "./config-file";
import { processIO, type CliIO } from "./io";
import { replaceableByWorkbook } from "./workbook-settings";
import { MSG, USAGE } from "./messages";
import { configCommand } from "./commands/config";
import type { CommandContext } from "./commands/context";

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === "help") {
    io.out(USAGE);
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
      // Loaded when needed: they bring in ExcelJS, which --help and config never use.
      case "validate":
        return await (await import("./commands/validate")).validateCommand(ctx);
      case "fill":
      case "summary":
      case "run":
      case "undo":
        return await (await import("./commands/write")).writeCommand(ctx, args.command);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.err(MSG[args.lang].badConfig(args.config ?? "", err.reason(args.lang)));
      return 2;
    }
    throw err;
  }
  return 2;
}
