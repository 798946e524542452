/** Input paths: files as given, folders walked for .xlsx files (Excel's "~$" lock files skipped). */
import * as fs from "node:fs";
import * as path from "node:path";

export interface InputFiles {
  files: string[];
  /** Paths that do not exist or cannot be listed, with the reason. */
  missing: Array<{ path: string; reason: string }>;
  /** Folders given that hold no .xlsx file. */
  empty: string[];
}

export function expandInputs(paths: string[]): InputFiles {
  const out: InputFiles = { files: [], missing: [], empty: [] };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (err) {
      out.missing.push({ path: p, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
      continue;
    }
    if (st.isDirectory()) {
      const before = out.files.length;
      walk(p, out);
      if (out.files.length === before) out.empty.push(p);
    } else out.files.push(p);
  }
  return out;
}

function walk(dir: string, out: InputFiles): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.missing.push({ path: dir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.files.push(p);
  }
}

/** Same file on disk (an output path that would overwrite the input). */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}
