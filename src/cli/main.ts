/** The command line's entry: parse, load the configuration, dispatch; returns the exit status. */
import { parseCliArgs, UsageError, type CliArgs } from "./args";
import { ConfigError, loadConfig } from "./config-file";
import { processIO, type CliIO } from "./io";
import { MSG, USAGE } from "./messages";
import { configCommand } from "./commands/config";
import { validateCommand } from "./commands/validate";
import { writeCommand } from "./commands/write";
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
    const config = args.command === "config" ? loadConfig(null) : loadConfig(args.config);
    const ctx: CommandContext = { args, config, io };
    switch (args.command) {
      case "config":
        return configCommand(ctx);
      case "validate":
        return await validateCommand(ctx);
      case "fill":
      case "summary":
      case "run":
        return await writeCommand(ctx, args.command);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.err(MSG[args.lang].badConfig(args.config ?? "", err.message));
      return 2;
    }
    throw err;
  }
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`shinchoku: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
