/** Where the CLI prints: the process's streams, or a buffer in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A progress bar only makes sense on a terminal. */
  errIsTTY: boolean;
  errStream?: NodeJS.WritableStream;
}

let pipeGuarded = false;

/**
 * A closed pipe ends the run quietly: `shinchoku validate folder | head` stops reading, and the
 * next write fails with EPIPE, which would otherwise surface as an unhandled error with a trace.
 */
function guardPipes(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      throw err;
    });
}

export function processIO(): CliIO {
  guardPipes();
  return {
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
    errIsTTY: !!process.stderr.isTTY,
    errStream: process.stderr,
  };
}

export function bufferIO(): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), errIsTTY: false };
}
