/** An error as one line for the user, and as its full trace for --debug. */

export function firstLine(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  return s.split("\n")[0].trim() || (err instanceof Error ? err.name : "error");
}

/** The stack trace, with its causes. */
export function stackOf(err: unknown): string {
  const out: string[] = [];
  let e: unknown = err;
  for (let i = 0; e && i < 5; i++) {
    out.push(i === 0 ? String((e as Error).stack ?? e) : `caused by: ${String((e as Error).stack ?? e)}`);
    e = (e as { cause?: unknown }).cause;
  }
  return out.join("\n");
}
