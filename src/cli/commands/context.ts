/** What every command gets: its arguments, the configuration and where to print. */
import type { ShinchokuConfig } from "../../core";
import type { CliArgs } from "../args";
import type { CliIO } from "../io";
import { MSG } from "../messages";

export interface CommandContext {
  args: CliArgs;
  config: ShinchokuConfig;
  io: CliIO;
}

export function msg(ctx: CommandContext) {
  return MSG[ctx.args.lang];
}
