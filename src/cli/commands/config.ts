/**
 * config --print-default: the default configuration as JSON, a starting point for --config. Its
 * "$schema" names the installed JSON Schema (relative to the working directory, where the file is
 * usually written), so an editor completes and checks the file.
 */
import { DEFAULT_CONFIG } from "../../core";
import { UsageError } from "../args";
import { schemaReference } from "../config-file";
import { msg, type CommandContext } from "./context";

export function configCommand(ctx: CommandContext): number {
  if (!ctx.args.printDefault) throw new UsageError(msg(ctx).configNeedsPrintDefault);
  ctx.io.out(JSON.stringify({ $schema: schemaReference(process.cwd()), ...DEFAULT_CONFIG }, null, 2));
  return 0;
}
