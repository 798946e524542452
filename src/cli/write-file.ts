/**
 * Writing a file so that a failed or interrupted run never leaves it damaged: the bytes go to a
 * temporary file in the target's own folder (so that the rename stays on one file system), are
 * flushed to the disk (fsync), then renamed over the target in one step; the folder is flushed too.
 * An existing target keeps its permission bits (a 0600 file stays 0600); a symbolic link is written
 * through (the file it points to is replaced, the link stays); a target that cannot be written is
 * refused before anything is written. The temporary file is removed when the write fails, and on
 * SIGINT and SIGTERM; after SIGKILL only the temporary file may remain (`.NAME.PID.RANDOM.tmp`),
 * never a damaged target.
 */
import type * as Crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export type WriteErrorKind = "readOnly" | "isDirectory" | "io";

export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly kind: WriteErrorKind,
    /** The errno code for "io" (worded by messages.ts). */
    readonly code = "",
    override readonly cause?: unknown,
  ) {
    super(`${file}: ${kind}${code ? ` (${code})` : ""}`);
  }
}

/** Temporary files being written, removed if the process is told to stop. */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) fs.rmSync(tmp, { force: true });
  pending.clear();
  // Die of the signal as the process would have without us (exit status 128 + n for the shell).
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  handlersInstalled = false;
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  pending.add(tmp);
  if (!handlersInstalled) {
    for (const s of SIGNALS) process.on(s, onSignal);
    handlersInstalled = true;
  }
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0 && handlersInstalled) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    handlersInstalled = false;
  }
}

/** The file a path names: through symbolic links (a dangling one: where it points). */
export function resolveTarget(target: string): string {
  const abs = path.resolve(target);
  try {
    return fs.realpathSync(abs);
  } catch {
    // Not there (yet): a dangling link still names where the file goes.
    let p = abs;
    for (let i = 0; i < 40; i++) {
      let link: string;
      try {
        if (!fs.lstatSync(p).isSymbolicLink()) return p;
        link = fs.readlinkSync(p);
      } catch {
        return p;
      }
      p = path.resolve(path.dirname(p), link);
    }
    return p;
  }
}

const CHUNK = 1 << 20;

/** `bytes` written to `target` atomically (see the file's comment). */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const real = resolveTarget(target);
  let mode: number | null = null;
  try {
    const st = fs.statSync(real);
    if (st.isDirectory()) throw new WriteError(target, "isDirectory");
    mode = st.mode & 0o7777;
    // No write bit at all is read-only as its owner meant it, even for a user the system lets write.
    if ((mode & 0o222) === 0) throw new WriteError(target, "readOnly");
    fs.accessSync(real, fs.constants.W_OK);
  } catch (err) {
    if (err instanceof WriteError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? "";
    if (code === "EACCES" || code === "EPERM" || code === "EROFS")
      throw new WriteError(target, "readOnly", code, err);
    if (code !== "ENOENT") throw new WriteError(target, "io", code, err);
  }
  const dir = path.dirname(real);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new WriteError(target, "io", (err as NodeJS.ErrnoException).code ?? "", err);
  }
  // Loaded here, not with the module: a run that writes no file (validate) need not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { randomBytes } = require("node:crypto") as typeof Crypto;
  const tmp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  track(tmp);
  let fh: fs.promises.FileHandle | null = null;
  try {
    fh = await fs.promises.open(tmp, "wx", mode ?? 0o666);
    // In chunks, awaiting each: a signal is handled between them (a single write would hold it off).
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      let done = at;
      while (done < end) done += (await fh.write(bytes, done, end - done)).bytesWritten;
    }
    // open's mode is masked by the umask: the target's own bits, exactly.
    if (mode !== null) await fh.chmod(mode);
    await fh.sync();
    await fh.close();
    fh = null;
    fs.renameSync(tmp, real);
    untrack(tmp);
    syncFolder(dir);
  } catch (err) {
    if (fh) await fh.close().catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    untrack(tmp);
    if (err instanceof WriteError) throw err;
    throw new WriteError(target, "io", (err as NodeJS.ErrnoException).code ?? "", err);
  }
}

/** The rename made durable: the folder's entry flushed too (not possible on every system: then skipped). */
function syncFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
