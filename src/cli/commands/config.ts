/** config --print-default: the default configuration as JSON, a starting point for --config. */
import { DEFAULT_CONFIG } from "../../core/config/config";
import { UsageError } from "../args";
import type { CommandContext } from "./context";

export function configCommand(ctx: CommandContext): number {
  if (!ctx.args.printDefault) throw new UsageError("config: use --print-default");
  ctx.io.out(JSON.stringify(DEFAULT_CONFIG, null, 2));
  return 0;
}
