/** A progress bar on stderr for many files; nothing when stderr is not a terminal. */
import type * as CliProgress from "cli-progress";
import type { CliIO } from "./io";

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function startProgress(total: number, io: CliIO, enabled: boolean): Progress {
  if (!enabled || !io.errIsTTY || total <= 1 || !io.errStream) return { tick: () => {}, stop: () => {} };
  // Loaded only for a bar: a run on one file, or into a pipe, has none to draw.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SingleBar, Presets } = require("cli-progress") as typeof CliProgress;
  const bar = new SingleBar(
    {
      stream: io.errStream,
      format: " {bar} {value}/{total} {file}",
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: "" });
  return { tick: (file) => bar.increment(1, { file }), stop: () => bar.stop() };
}
