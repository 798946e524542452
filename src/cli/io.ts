/** Where the CLI prints: the process's streams, or a buffer in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A progress bar only makes sense on a terminal. */
  errIsTTY: boolean;
  errStream?: NodeJS.WritableStream;
}

export function processIO(): CliIO {
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
